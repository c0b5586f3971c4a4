"""`start_check`, the one check of a start a booking makes: the same computation as the list, and
the first rule a refused start breaks."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from apps.bookings.availability import SlotRefusal, StartCheck, start_check, start_policy_refusal
from apps.salons.tests.factories import add_hours, add_time_off, make_salon, make_service, make_staff

from .availability_helpers import MONDAY, NOW, SUNDAY, at, one_stylist, patch_bookings, sunday_slots

pytestmark = pytest.mark.django_db


def test_start_check_agrees_with_the_list_at_every_minute(monkeypatch):
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=30, buffer_minutes=10)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:10", "12:00")
    add_hours(staff, SUNDAY.weekday(), "22:00", "01:00")
    add_time_off(staff, at(SUNDAY, "22:40"), at(SUNDAY, "23:05"))
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "11:00"), at(SUNDAY, "11:20"))]})
    listed = {slot.start for slot in sunday_slots(salon, service)}

    checked = {
        start
        for minute in range(0, 2 * 24 * 60, 5)
        if start_check(
            salon=salon,
            service=service,
            staff_ids=[staff.pk],
            start=(start := at(SUNDAY, "00:00") + timedelta(minutes=minute)),
            now=NOW,
        ).refusal
        is None
    }

    assert checked == listed
    assert at(MONDAY, "00:15") in checked
    assert at(SUNDAY, "10:15") in checked
    assert at(SUNDAY, "10:10") not in checked


def test_start_check_accepts_the_start_in_any_zone():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    start_in_utc = at(SUNDAY, "10:30").astimezone(ZoneInfo("UTC"))

    check = start_check(salon=salon, service=service, staff_ids=[staff.pk], start=start_in_utc, now=NOW)

    assert check == StartCheck(refusal=None, free_staff_ids=(staff.pk,))


def test_start_check_refuses_another_staff_members_time_or_a_taken_start(monkeypatch):
    salon, service, staff = one_stylist()
    other = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_hours(other, SUNDAY.weekday(), "10:00", "11:00")
    calls = patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:00"), at(SUNDAY, "10:30"))]})

    def check(staff_id, hh_mm, **kwargs):
        return start_check(
            salon=salon, service=service, staff_ids=[staff_id], start=at(SUNDAY, hh_mm), now=NOW, **kwargs
        )

    assert check(staff.pk, "10:15") == StartCheck(refusal=SlotRefusal.SLOT_UNAVAILABLE)
    assert check(other.pk, "10:15") == StartCheck(refusal=None, free_staff_ids=(other.pk,))
    assert check(10**9, "10:30") == StartCheck(refusal=SlotRefusal.SLOT_UNAVAILABLE)
    assert check(staff.pk, "10:30", exclude_booking_id=42) == StartCheck(refusal=None, free_staff_ids=(staff.pk,))
    assert calls[-1]["exclude_booking_id"] == 42


def test_start_check_gives_the_free_staff_asked_for_in_display_order(monkeypatch):
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon)
    second = make_staff(salon, services=[service], display_order=2)
    first = make_staff(salon, services=[service], display_order=1)
    busy = make_staff(salon, services=[service], display_order=0)
    for member in (first, second, busy):
        add_hours(member, SUNDAY.weekday(), "21:00", "02:00")
    patch_bookings(monkeypatch, {busy.pk: [(at(MONDAY, "00:00"), at(MONDAY, "01:00"))]})
    everyone = sorted([first.pk, second.pk, busy.pk])

    def check(hh_mm, staff_ids=everyone):
        return start_check(salon=salon, service=service, staff_ids=staff_ids, start=at(MONDAY, hh_mm), now=NOW)

    assert check("00:30") == StartCheck(refusal=None, free_staff_ids=(first.pk, second.pk))
    assert check("00:30", staff_ids=[second.pk, busy.pk]) == StartCheck(refusal=None, free_staff_ids=(second.pk,))
    assert check("01:45") == StartCheck(refusal=SlotRefusal.SLOT_UNAVAILABLE)
    assert check("00:31") == StartCheck(refusal=SlotRefusal.SLOT_NOT_ON_GRID)


@pytest.mark.parametrize(
    ("start", "refusal"),
    [
        (NOW - timedelta(minutes=15), SlotRefusal.START_IN_PAST),  # also before the lead time, off hours
        (NOW, SlotRefusal.START_IN_PAST),
        (NOW + timedelta(minutes=55), SlotRefusal.LEAD_TIME_NOT_MET),  # also off the grid
        (at(SUNDAY + timedelta(days=3), "10:05"), SlotRefusal.BEYOND_BOOKING_HORIZON),  # also off the grid
        (at(SUNDAY, "10:05"), SlotRefusal.SLOT_NOT_ON_GRID),  # also in the booked time
        (at(SUNDAY, "10:15"), SlotRefusal.SLOT_UNAVAILABLE),  # booked
        (at(SUNDAY, "09:45"), SlotRefusal.SLOT_UNAVAILABLE),  # not working yet
        (at(SUNDAY, "10:30"), None),
    ],
)
def test_a_refused_start_gets_the_first_rule_it_breaks(monkeypatch, start, refusal):
    # Given a salon taking bookings an hour ahead, for two days after today (Friday), on a 15-minute grid
    salon, service, staff = one_stylist(lead_time_minutes=60, booking_horizon_days=2, slot_step_minutes=15)
    for day in range(7):
        add_hours(staff, day, "10:00", "12:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:00"), at(SUNDAY, "10:30"))]})

    # When
    check = start_check(salon=salon, service=service, staff_ids=[staff.pk], start=start, now=NOW)

    # Then
    assert check.refusal == refusal
    assert start_policy_refusal(salon=salon, start=start, now=NOW) == (
        None if refusal == SlotRefusal.SLOT_UNAVAILABLE else refusal
    )


def test_the_policy_alone_makes_no_query(django_assert_num_queries):
    salon, _service, _staff = one_stylist()

    with django_assert_num_queries(0):
        assert start_policy_refusal(salon=salon, start=at(SUNDAY, "10:05"), now=NOW) == SlotRefusal.SLOT_NOT_ON_GRID


def test_policy_now_sets_lead_time_and_horizon_and_now_sets_busy_time(monkeypatch):
    # Given a booking made on Friday morning for Sunday, the last day of the horizon then, paid for
    # on Saturday night, less than the lead time before it
    salon, service, staff = one_stylist(lead_time_minutes=24 * 60, booking_horizon_days=2)
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")
    calls = patch_bookings(monkeypatch, {})
    later = at(SUNDAY, "00:00") - timedelta(minutes=30)

    # When
    check = start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(SUNDAY, "10:00"), now=later, policy_now=NOW
    )

    # Then the start passes the policy of Friday morning, and the bookings are read as of now
    assert check == StartCheck(refusal=None, free_staff_ids=(staff.pk,))
    assert calls[-1]["now"] == later
    assert start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(SUNDAY, "10:00"), now=later
    ) == StartCheck(refusal=SlotRefusal.LEAD_TIME_NOT_MET)
