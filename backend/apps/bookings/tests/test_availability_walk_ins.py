"""The availability engine for a walk-in at the salon's desk (`walk_in`): no lead time, the current
grid slot is still bookable, and yesterday's overnight interval keeps its starts after midnight."""

from datetime import timedelta

import pytest

from apps.bookings.availability import SlotRefusal, slot_list_available, start_check, start_policy_refusal
from apps.salons.tests.factories import add_hours

from .availability_helpers import NOW, SUNDAY, at, one_stylist, starts

pytestmark = pytest.mark.django_db


def test_a_walk_in_lists_the_current_grid_slot_and_ignores_the_lead_time():
    # Given it is 10:07 and the salon wants 60 minutes' notice online
    salon, service, staff = one_stylist(lead_time_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:30")
    now = at(SUNDAY, "10:07")

    online = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=now)[SUNDAY]
    desk = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=now, walk_in=True)[SUNDAY]

    # Then the desk may start now, in the slot that began at 10:00; a customer not before 11:15
    assert starts(online) == []
    assert starts(desk) == ["10:00", "10:15", "10:30", "10:45", "11:00"]


@pytest.mark.parametrize(
    "now_hhmm, start_hhmm, refusal",
    [
        ("10:07", "10:00", None),  # the current slot, started 7 minutes ago
        ("10:07", "10:15", None),  # the next one
        ("10:14", "10:00", None),
        ("10:07", "09:45", SlotRefusal.START_IN_PAST),  # the slot before the current one
        ("10:00", "10:00", None),  # now is on the grid: that slot is the current one
        ("10:00", "09:45", SlotRefusal.START_IN_PAST),
        ("10:07", "10:05", SlotRefusal.SLOT_NOT_ON_GRID),
    ],
)
def test_the_policy_of_a_walk_in(now_hhmm, start_hhmm, refusal):
    salon, _service, _staff = one_stylist(lead_time_minutes=60)

    answer = start_policy_refusal(salon=salon, start=at(SUNDAY, start_hhmm), now=at(SUNDAY, now_hhmm), walk_in=True)

    assert answer == refusal


def test_without_walk_in_the_same_starts_are_refused_as_before():
    salon, _service, _staff = one_stylist(lead_time_minutes=60)
    now = at(SUNDAY, "10:07")

    assert start_policy_refusal(salon=salon, start=at(SUNDAY, "10:00"), now=now) == SlotRefusal.START_IN_PAST
    assert start_policy_refusal(salon=salon, start=at(SUNDAY, "10:15"), now=now) == SlotRefusal.LEAD_TIME_NOT_MET


def test_a_walk_in_still_needs_the_stylist_free():
    salon, service, staff = one_stylist(lead_time_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "10:20")  # 30-minute service: 10:00 no longer fits by 10:07
    now = at(SUNDAY, "10:07")

    check = start_check(salon=salon, service=service, staff_ids=[staff.pk], start=at(SUNDAY, "10:00"), now=now)
    desk = start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(SUNDAY, "10:00"), now=now, walk_in=True
    )

    assert check.refusal == SlotRefusal.START_IN_PAST
    assert desk.refusal == SlotRefusal.SLOT_UNAVAILABLE


def test_a_walk_in_after_midnight_starts_in_yesterdays_overnight_interval():
    # Given Thursday's 22:00–03:00 shift is still running at 00:30 on Friday
    salon, service, staff = one_stylist()
    thursday = NOW.date() - timedelta(days=1)
    add_hours(staff, thursday.weekday(), "22:00", "03:00")
    after_midnight = at(NOW.date(), "00:30")

    online = start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(NOW.date(), "00:45"), now=after_midnight
    )
    desk = start_check(
        salon=salon,
        service=service,
        staff_ids=[staff.pk],
        start=at(NOW.date(), "00:30"),
        now=after_midnight,
        walk_in=True,
    )

    assert online.refusal == SlotRefusal.SLOT_UNAVAILABLE
    assert (desk.refusal, desk.free_staff_ids) == (None, (staff.pk,))
