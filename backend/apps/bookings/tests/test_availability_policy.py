"""The availability engine and the salon's booking policy: lead time, booking horizon, days already
past, and the slot grid."""

from datetime import timedelta

import pytest

from apps.bookings.availability import (
    SlotRefusal,
    slot_list_available,
    start_check,
)
from apps.salons.tests.factories import add_hours

from .availability_helpers import MONDAY, NOW, SUNDAY, at, one_stylist, starts, sunday_slots

pytestmark = pytest.mark.django_db


def test_lead_time_counts_from_now():
    # Given it is 10:07 and the salon wants 60 minutes' notice
    salon, service, staff = one_stylist(lead_time_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")

    slots = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=at(SUNDAY, "10:07"))[SUNDAY]

    # Then the first start is the first grid time at or after 11:07
    assert starts(slots) == ["11:15", "11:30", "11:45", "12:00", "12:15", "12:30"]


def test_lead_time_boundary_is_inclusive():
    salon, service, staff = one_stylist(lead_time_minutes=30)
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    slots = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=at(SUNDAY, "10:00"))[SUNDAY]

    assert starts(slots) == ["10:30"]


def test_booking_horizon_ends_with_the_last_bookable_local_date():
    # Given a 2-day horizon counted from Friday: Sunday is the last bookable date
    salon, service, staff = one_stylist(booking_horizon_days=2)
    add_hours(staff, SUNDAY.weekday(), "23:00", "01:00")
    add_hours(staff, MONDAY.weekday(), "10:00", "11:00")

    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=2, now=NOW)

    # Then Sunday's overnight starts stop at midnight (their local date is Monday), Monday has none
    assert starts(days[SUNDAY]) == ["23:00", "23:15", "23:30", "23:45"]
    assert days[MONDAY] == []


def test_days_before_today_are_listed_without_slots():
    salon, service, staff = one_stylist()
    for weekday in range(7):
        add_hours(staff, weekday, "10:00", "11:00")
    today = NOW.date()

    days = slot_list_available(salon=salon, service=service, start_date=today - timedelta(days=2), days=3, now=NOW)

    assert list(days) == [today - timedelta(days=2), today - timedelta(days=1), today]
    assert days[today - timedelta(days=2)] == []
    assert days[today - timedelta(days=1)] == []
    assert starts(days[today]) == ["10:00", "10:15", "10:30"]


def test_days_before_today_have_no_slots_even_from_a_running_overnight_interval():
    # Given Thursday's 22:00–03:00 shift is still running at 00:30 on Friday
    salon, service, staff = one_stylist()
    thursday = NOW.date() - timedelta(days=1)
    add_hours(staff, thursday.weekday(), "22:00", "03:00")
    after_midnight = at(NOW.date(), "00:30")

    days = slot_list_available(salon=salon, service=service, start_date=thursday, now=after_midnight)

    assert days == {thursday: []}
    check = start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(NOW.date(), "01:00"), now=after_midnight
    )
    assert check.refusal == SlotRefusal.SLOT_UNAVAILABLE


@pytest.mark.parametrize(("step", "expected"), [(15, ["10:00", "10:15", "10:30"]), (30, ["10:00", "10:30"])])
def test_the_salon_grid_step(step, expected):
    salon, service, staff = one_stylist(slot_step_minutes=step)
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    assert starts(sunday_slots(salon, service)) == expected


def test_a_shift_off_the_grid_starts_at_the_next_grid_time():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:10", "11:10")

    assert starts(sunday_slots(salon, service)) == ["10:15", "10:30"]
