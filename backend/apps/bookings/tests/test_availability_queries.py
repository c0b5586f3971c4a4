"""The engine reads a constant number of queries whatever the number of staff, days, bookings or salons."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.bookings import availability_schedule
from apps.bookings.availability import slot_list_available, start_check
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=RIYADH)
FIRST_DAY = date(2026, 11, 21)


def busy_salon(*, staff_count: int, days: int, bookings_per_staff_day: int):
    """A salon whose staff work split shifts every day, with special hours, time off and bookings."""
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=30, buffer_minutes=5)
    busy = {}
    for index in range(staff_count):
        staff = make_staff(salon, services=[service])
        for weekday in range(7):
            add_hours(staff, weekday, "10:00", "14:00")
            add_hours(staff, weekday, "16:00", "23:00")
        add_special_hours(staff, FIRST_DAY + timedelta(days=index % days), "12:00", "20:00")
        day_start = datetime.combine(FIRST_DAY, datetime.min.time(), tzinfo=RIYADH)
        add_time_off(staff, day_start + timedelta(hours=11), day_start + timedelta(hours=12))
        busy[staff.pk] = [
            (start, start + timedelta(minutes=35))
            for offset in range(days)
            for booking in range(bookings_per_staff_day)
            for start in [day_start + timedelta(days=offset, hours=16, minutes=40 * booking)]
        ]
    return salon, service, busy


def count_queries(function, **kwargs) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = function(**kwargs)
    return len(captured), result


def test_slot_list_query_count_does_not_grow_with_staff_days_or_bookings(monkeypatch):
    small_salon, small_service, small_busy = busy_salon(staff_count=1, days=1, bookings_per_staff_day=1)
    large_salon, large_service, large_busy = busy_salon(staff_count=12, days=14, bookings_per_staff_day=9)

    monkeypatch.setattr(availability_schedule, "blocking_intervals", lambda **kwargs: small_busy)
    small_count, small_days = count_queries(
        slot_list_available, salon=small_salon, service=small_service, start_date=FIRST_DAY, days=1, now=NOW
    )
    monkeypatch.setattr(availability_schedule, "blocking_intervals", lambda **kwargs: large_busy)
    large_count, large_days = count_queries(
        slot_list_available, salon=large_salon, service=large_service, start_date=FIRST_DAY, days=14, now=NOW
    )

    assert small_count == large_count == 2  # staff; weekly hours, special hours and time off (bookings patched)
    assert sum(len(slots) for slots in small_days.values()) > 0
    assert sum(len(slots) for slots in large_days.values()) > 100


def test_slot_list_with_the_real_bookings_read_is_three_queries(django_assert_num_queries):
    salon, service, _busy = busy_salon(staff_count=5, days=14, bookings_per_staff_day=0)

    with django_assert_num_queries(3):  # staff; hours and exceptions; bookings
        days = slot_list_available(salon=salon, service=service, start_date=FIRST_DAY, days=14, now=NOW)

    assert len(days) == 14


@pytest.mark.parametrize("any_stylist", [False, True])
def test_start_check_query_count_is_constant(monkeypatch, django_assert_num_queries, any_stylist):
    salon, service, busy = busy_salon(staff_count=8, days=2, bookings_per_staff_day=5)
    monkeypatch.setattr(availability_schedule, "blocking_intervals", lambda **kwargs: busy)
    staff_ids = list(busy) if any_stylist else [next(iter(busy))]

    with django_assert_num_queries(2):  # staff; hours and exceptions (bookings patched)
        start_check(
            salon=salon,
            service=service,
            staff_ids=staff_ids,
            start=datetime(2026, 11, 22, 10, 0, tzinfo=RIYADH),
            now=NOW,
        )
