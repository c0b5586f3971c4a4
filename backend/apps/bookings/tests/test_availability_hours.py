"""The availability engine and working time: weekly shifts, overnight shifts, time off, special hours,
the salon's time zone, and a stylist's free gaps."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from apps.bookings.availability import (
    Slot,
    slot_list_available,
    staff_free_gaps,
)
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_salon, make_service, make_staff

from .availability_helpers import MONDAY, NOW, RIYADH, SUNDAY, at, one_stylist, patch_bookings, starts, sunday_slots

pytestmark = pytest.mark.django_db


def test_single_shift_gives_grid_starts_where_the_service_fits():
    # Given a stylist working 10:00–12:00 on Sundays and a 30-minute service on a 15-minute grid
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")

    # When the Sunday is listed
    slots = sunday_slots(salon, service)

    # Then every quarter hour up to 11:30 is offered, ending 30 minutes later, with that stylist
    assert starts(slots) == ["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30"]
    assert slots[0] == Slot(start=at(SUNDAY, "10:00"), end=at(SUNDAY, "10:30"), staff_ids=(staff.pk,))
    assert slots[-1].end == at(SUNDAY, "12:00")
    assert all(slot.start.tzinfo == RIYADH for slot in slots)


def test_split_shifts_never_offer_a_start_across_the_break():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_hours(staff, SUNDAY.weekday(), "16:00", "17:00")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "10:15", "10:30", "16:00", "16:15", "16:30"]


def test_adjacent_intervals_are_separate_intervals():
    # Given 10:00–10:45 and 10:45–11:30: a 60-minute service fits in neither
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=60)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "10:45")
    add_hours(staff, SUNDAY.weekday(), "10:45", "11:30")

    assert sunday_slots(salon, service) == []


def test_overnight_interval_belongs_to_its_start_day_with_next_day_instants():
    # Given a Ramadan evening shift 22:00–01:00 on Sundays only
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "22:00", "01:00")

    # When Sunday and Monday are listed
    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=2, now=NOW)

    # Then Sunday lists starts until 00:30 on Monday, and Monday has none of them
    assert starts(days[SUNDAY]) == ["22:00", "22:15", "22:30", "22:45", "23:00", "23:15", "23:30", "23:45"] + [
        "00:00",
        "00:15",
        "00:30",
    ]
    assert days[SUNDAY][-1].start == at(MONDAY, "00:30")
    assert days[SUNDAY][-1].end == at(MONDAY, "01:00")
    assert days[MONDAY] == []


def test_overnight_interval_keeps_the_grid_past_midnight():
    # Given a shift from 23:50 to 00:50 on a 20-minute grid: minutes since Sunday's midnight count on
    salon, service, staff = one_stylist(slot_step_minutes=20)
    add_hours(staff, SUNDAY.weekday(), "23:50", "00:50")

    slots = sunday_slots(salon, service)

    assert [slot.start for slot in slots] == [at(MONDAY, "00:00"), at(MONDAY, "00:20")]


def test_time_off_cuts_a_shift():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")
    add_time_off(staff, at(SUNDAY, "11:00"), at(SUNDAY, "12:00"))

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "10:15", "10:30", "12:00", "12:15", "12:30"]


def test_time_off_over_the_whole_day_leaves_nothing():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")
    add_time_off(staff, at(SUNDAY, "00:00"), at(MONDAY, "00:00"))

    assert sunday_slots(salon, service) == []


def test_special_hours_replace_the_weekday_hours():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "18:00")
    add_special_hours(staff, SUNDAY, "14:00", "15:00", note="Eid")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["14:00", "14:15", "14:30"]


def test_special_day_off_row_closes_the_day_and_only_that_day():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_special_hours(staff, SUNDAY)

    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=8, now=NOW)

    assert days[SUNDAY] == []
    assert starts(days[SUNDAY + timedelta(days=7)]) == ["10:00", "10:15", "10:30"]


def test_special_hours_can_open_a_day_without_weekly_hours():
    salon, service, staff = one_stylist()
    add_special_hours(staff, SUNDAY, "20:00", "00:30")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["20:00", "20:15", "20:30", "20:45", "21:00", "21:15", "21:30", "21:45"] + [
        "22:00",
        "22:15",
        "22:30",
        "22:45",
        "23:00",
        "23:15",
        "23:30",
        "23:45",
        "00:00",
    ]


def test_other_time_zones_use_their_own_wall_clock():
    # Given a salon in Dubai (UTC+4) with a stylist working 10:00–11:00 there
    dubai = ZoneInfo("Asia/Dubai")
    salon, service, staff = one_stylist(timezone="Asia/Dubai")
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    slots = sunday_slots(salon, service)

    assert [slot.start for slot in slots] == [at(SUNDAY, "10:00", dubai), at(SUNDAY, "10:15", dubai)] + [
        at(SUNDAY, "10:30", dubai)
    ]
    assert slots[0].start.isoformat() == "2026-11-22T10:00:00+04:00"


def test_staff_free_gaps_are_working_intervals_minus_time_off_and_bookings(monkeypatch):
    salon, service, staff = one_stylist(lead_time_minutes=600, slot_step_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "14:00")
    add_hours(staff, SUNDAY.weekday(), "22:00", "01:00")
    add_time_off(staff, at(SUNDAY, "09:00"), at(SUNDAY, "10:20"))
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "12:00"), at(SUNDAY, "12:45"))]})

    gaps = staff_free_gaps(staff=staff, day=SUNDAY, now=at(SUNDAY, "08:00"))

    assert gaps == [
        (at(SUNDAY, "10:20"), at(SUNDAY, "12:00")),
        (at(SUNDAY, "12:45"), at(SUNDAY, "14:00")),
        (at(SUNDAY, "22:00"), at(MONDAY, "01:00")),
    ]
    assert gaps[0][0].tzinfo == RIYADH


def test_staff_free_gaps_leave_out_time_already_past(monkeypatch):
    # Given a stylist free 10:00–12:00 and 12:45–14:00 on Sunday, and it is 12:50 in Riyadh
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "14:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "12:00"), at(SUNDAY, "12:45"))]})

    # When the day's free gaps are listed
    gaps = staff_free_gaps(staff=staff, day=SUNDAY, now=at(SUNDAY, "12:50"))

    # Then the morning's gap is gone and the one under way starts now
    assert gaps == [(at(SUNDAY, "12:50"), at(SUNDAY, "14:00"))]
    # and a day that is over has none
    assert staff_free_gaps(staff=staff, day=SUNDAY, now=at(MONDAY, "09:00")) == []
