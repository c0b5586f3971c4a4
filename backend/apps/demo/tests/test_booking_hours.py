"""Demo bookings fall inside working hours whatever the time of day `seed_demo` (`make run`) runs."""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.bookings.availability import staff_working_intervals
from apps.bookings.models import Booking, BookingStatus
from apps.salons.models import StaffMember, TimeOff

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")


def seed_at(monkeypatch, moment: datetime) -> None:
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-admin-password")
    monkeypatch.setattr(timezone, "now", lambda: moment)
    call_command("seed_demo", stdout=io.StringIO())


def outside_hours(booking: Booking) -> bool:
    tz = booking.salon.tz
    day = booking.start.astimezone(tz).date()
    intervals = staff_working_intervals(staff_ids=[booking.staff_id], first_day=day, last_day=day, tz=tz)
    inside = any(start <= booking.start and booking.end <= end for start, end in intervals[booking.staff_id])
    away = TimeOff.objects.filter(staff_id=booking.staff_id, start__lt=booking.end, end__gt=booking.start).exists()
    return not inside or away


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 10, 0, 30, tzinfo=RIYADH),  # a Thursday, after midnight
        datetime(2026, 12, 10, 11, 0, tzinfo=RIYADH),
        datetime(2026, 12, 10, 23, 50, tzinfo=RIYADH),
        datetime(2026, 12, 11, 9, 0, tzinfo=RIYADH),  # a Friday morning: stylists work Friday evenings only
    ],
    ids=["00:30", "11:00", "23:50", "friday-09:00"],
)
def test_every_demo_booking_is_inside_its_stylists_working_hours(monkeypatch, moment):
    seed_at(monkeypatch, moment)

    bookings = list(Booking.objects.select_related("salon", "staff__user"))
    assert len(bookings) > 20
    # Except the demo stylist's visit under way, seeded at any hour so that the stylist's journey (and a
    # reviewer at night) always has one to complete.
    under_way = {
        booking.pk
        for booking in bookings
        if booking.staff.user_id and booking.staff.user.phone_number == "+966500000002" and booking.start <= moment
    }
    assert [booking.reference for booking in bookings if booking.pk not in under_way and outside_hours(booking)] == []
    # Inside the stylist's hours means inside the salon's opening hours, the union of its stylists' hours.
    assert all(booking.start.astimezone(booking.salon.tz).minute % 15 == 0 for booking in bookings)


def test_the_demo_stylists_day_never_overlaps_itself(monkeypatch):
    seed_at(monkeypatch, datetime(2026, 12, 10, 21, 40, tzinfo=RIYADH))
    stylist = StaffMember.objects.get(user__phone_number="+966500000002")

    day = list(Booking.objects.filter(staff=stylist, status=BookingStatus.CONFIRMED).order_by("start"))

    assert len(day) == 3
    assert all(first.blocked_until <= second.start for first, second in zip(day, day[1:], strict=False))


def test_the_demo_stylist_has_a_started_booking_today_when_at_work(monkeypatch):
    now = datetime(2026, 12, 10, 11, 0, tzinfo=RIYADH)  # the demo stylist works 10:00–14:00 on Thursdays
    seed_at(monkeypatch, now)
    stylist = StaffMember.objects.get(user__phone_number="+966500000002")

    started = Booking.objects.get(staff=stylist, status=BookingStatus.CONFIRMED, start__lte=now)

    assert started.start == datetime(2026, 12, 10, 10, 30, tzinfo=RIYADH)
    assert started.end > now - timedelta(minutes=30)
