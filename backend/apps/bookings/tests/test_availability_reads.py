"""The engine's hot reads are written in SQL (one round trip, no ORM cost): they return what the ORM
queries they stand for return, on SQLite and PostgreSQL alike."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from apps.bookings.availability_reads import qualified_staff_ids
from apps.bookings.availability_schedule import Hours
from apps.bookings.models import Booking, BookingStatus, blocking_q
from apps.bookings.selectors import blocking_intervals
from apps.salons.models import StaffMember
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_salon, make_service, make_staff

from .conftest import make_user

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=RIYADH)


def _booking(staff, service, customer, start: datetime, status: str, hold: datetime | None) -> Booking:
    end = start + timedelta(minutes=30)
    return Booking.objects.create(
        customer=customer,
        salon=staff.salon,
        service=service,
        staff=staff,
        start=start,
        end=end,
        blocked_until=end + timedelta(minutes=5, seconds=7, microseconds=250),
        status=status,
        hold_expires_at=hold,
        price_amount=1000,
        reference=f"R{Booking.objects.count():05d}",
    )


def test_blocking_intervals_reads_what_blocking_q_selects():
    salon = make_salon()
    service = make_service(salon)
    first, second, idle = (make_staff(salon, services=[service]) for _ in range(3))
    customers = {first.pk: make_user(), second.pk: make_user()}  # one each: a customer cannot be in two places
    start = datetime(2026, 11, 21, 10, 0, tzinfo=RIYADH)
    cases = [
        (BookingStatus.CONFIRMED, None),
        (BookingStatus.PENDING, None),
        (BookingStatus.PENDING, NOW + timedelta(minutes=1)),  # a live hold
        (BookingStatus.PENDING, NOW),  # a hold that ran out exactly now
        (BookingStatus.CANCELLED, None),
        (BookingStatus.EXPIRED, None),
        (BookingStatus.COMPLETED, None),
    ]
    bookings = [
        _booking(member, service, customers[member.pk], start + timedelta(hours=index), status, hold)
        for member in (first, second)
        for index, (status, hold) in enumerate(cases)
    ]
    _booking(first, service, customers[first.pk], start - timedelta(days=3), BookingStatus.CONFIRMED, None)  # outside
    window = (start - timedelta(hours=1), start + timedelta(hours=12))
    staff_ids = [first.pk, second.pk, idle.pk]

    for excluded in (None, bookings[0].pk):
        expected = {staff_id: [] for staff_id in staff_ids}
        for staff_id, booking_start, blocked_until in (
            Booking.objects.filter(
                blocking_q(NOW), staff_id__in=staff_ids, start__lt=window[1], blocked_until__gt=window[0]
            )
            .exclude(pk=excluded)
            .order_by("staff_id", "start")
            .values_list("staff_id", "start", "blocked_until")
        ):
            expected[staff_id].append((booking_start, blocked_until))

        read = blocking_intervals(
            staff_ids=staff_ids, start=window[0], end=window[1], now=NOW, exclude_booking_id=excluded
        )

        assert read == expected
        as_timestamps = blocking_intervals(
            staff_ids=staff_ids,
            start=window[0],
            end=window[1],
            now=NOW,
            exclude_booking_id=excluded,
            as_timestamps=True,
        )
        assert as_timestamps == {
            staff_id: [pytest.approx((begin.timestamp(), until.timestamp()), abs=1e-6) for begin, until in intervals]
            for staff_id, intervals in expected.items()
        }
        assert all(value.tzinfo is not None for intervals in read.values() for pair in intervals for value in pair)
    assert len(read[first.pk]) == 2  # confirmed, live hold (the first, confirmed, excluded); pending without hold
    assert blocking_intervals(staff_ids=[], start=window[0], end=window[1], now=NOW) == {}


def test_qualified_staff_are_the_orms_in_display_order():
    salon = make_salon()
    service, other_service = make_service(salon), make_service(salon)
    late = make_staff(salon, services=[service], display_order=5)
    early = make_staff(salon, services=[service, other_service], display_order=1)
    make_staff(salon, services=[service], is_active=False)
    make_staff(salon, services=[other_service])
    make_staff(make_salon(), services=[service])

    def orm(staff_ids=None):
        staff = StaffMember.objects.filter(salon_id=salon.pk, is_active=True, services=service)
        if staff_ids is not None:
            staff = staff.filter(pk__in=staff_ids)
        return list(staff.values_list("pk", flat=True))

    assert qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=None) == orm() == [early.pk, late.pk]
    assert qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=[late.pk]) == [late.pk]
    assert qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=[]) == []


def test_hours_read_weekly_special_hours_and_time_off_in_one_query(django_assert_num_queries):
    salon = make_salon()
    staff = make_staff(salon)
    add_hours(staff, date(2026, 11, 22).weekday(), "10:00", "14:00")
    add_hours(staff, date(2026, 11, 22).weekday(), "22:00", "02:00")
    add_special_hours(staff, date(2026, 11, 23), "12:00", "20:00")
    add_special_hours(staff, date(2026, 11, 24), None, None)  # a day off
    add_special_hours(staff, date(2026, 12, 24), "12:00", "20:00")  # outside the range
    off = (datetime(2026, 11, 22, 11, 0, 30, tzinfo=RIYADH), datetime(2026, 11, 22, 12, 0, tzinfo=RIYADH))
    add_time_off(staff, *off)

    with django_assert_num_queries(1):
        hours = Hours(
            staff_ids=[staff.pk],
            first_day=date(2026, 11, 22),
            last_day=date(2026, 11, 24),
            time_off_over=(datetime(2026, 11, 22, tzinfo=RIYADH), datetime(2026, 11, 25, tzinfo=RIYADH)),
        )

    weekday = date(2026, 11, 22).weekday()
    assert sorted(hours.weekly[staff.pk, weekday]) == [(time(10), time(14)), (time(22), time(2))]
    assert hours.special == {(staff.pk, date(2026, 11, 23)): [(time(12), time(20))], (staff.pk, date(2026, 11, 24)): []}
    assert hours.time_off[staff.pk] == [(off[0].timestamp(), off[1].timestamp())]
    assert hours.working_intervals(staff.pk, date(2026, 11, 24), RIYADH) == []


def test_the_salon_and_service_row_is_the_orms_values():
    from apps.bookings.availability_reads import salon_service_row
    from apps.salons.models import Service

    salon = make_salon(timezone="Asia/Dubai", lead_time_minutes=45, slot_step_minutes=10, is_active=False)
    service = make_service(salon, duration_minutes=50, buffer_minutes=7, is_active=True)
    fields = [
        "salon__timezone",
        "salon__is_active",
        "salon__lead_time_minutes",
        "salon__booking_horizon_days",
        "salon__slot_step_minutes",
        "is_active",
        "duration_minutes",
        "buffer_minutes",
    ]

    late = make_staff(salon, services=[service], display_order=3)
    early = make_staff(salon, services=[service], display_order=1)
    make_staff(salon, services=[service], is_active=False)
    make_staff(make_salon(), services=[service])  # another salon's stylist, linked by mistake

    row = salon_service_row(salon_id=salon.pk, service_id=service.pk)

    staff_ids = row.pop("staff_ids")
    assert row == Service.objects.filter(pk=service.pk, salon_id=salon.pk).values(*fields).get()
    assert row["salon__is_active"] is False and row["is_active"] is True
    assert staff_ids == qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=None)
    assert staff_ids == [early.pk, late.pk]
    lonely = make_service(salon)
    assert salon_service_row(salon_id=salon.pk, service_id=lonely.pk)["staff_ids"] == []
    assert salon_service_row(salon_id=make_salon().pk, service_id=service.pk) is None
