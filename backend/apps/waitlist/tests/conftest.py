"""Fixtures speaking the waitlist's domain: a salon whose one stylist works 10:00–12:00 every day, with a
60-minute service on a 60-minute grid (two times a day: 10:00 and 11:00), customers, and helpers to
fill the day, join the line and free a time."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import client_for, make_user
from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff
from apps.waitlist.models import WaitlistEntry

RIYADH = ZoneInfo("Asia/Riyadh")

__all__ = ["at", "client_for", "make_user"]


def at(day: date, hhmm: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=RIYADH)


@pytest.fixture
def day() -> date:
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def salon():
    return make_salon(lead_time_minutes=60, slot_step_minutes=60, cancellation_window_hours=24, hold_minutes=10)


@pytest.fixture
def service(salon):
    return make_service(salon, duration_minutes=60, price_amount=11500, buffer_minutes=0)


@pytest.fixture
def stylist(salon, service):
    staff = make_staff(salon, services=[service], display_name="Hessa", user=make_user(first_name="Hessa"))
    for weekday in range(7):
        add_hours(staff, weekday, "10:00", "12:00")
    return staff


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Maha", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def customer():
    return make_user(first_name="Noura")


@pytest.fixture
def full_day(service, stylist, day):
    """Both times of `day` booked (confirmed) by other customers; returns the two bookings."""

    def _book(hhmm: str):
        booking = booking_services.booking_create(
            actor=make_user(first_name="Other"), service_id=service.pk, staff_id=stylist.pk, start=at(day, hhmm)
        )
        booking_services.booking_confirm(booking_id=booking.pk, actor=None)
        return booking

    return [_book("10:00"), _book("11:00")]


@pytest.fixture
def line(salon, service, day):
    """Customers joining the line for `day` (any stylist), in the order called; no offer is attempted."""

    def _join(customer=None, **kwargs) -> WaitlistEntry:
        fields = {"salon": salon, "service": service, "date_from": day, "date_to": day, **kwargs}
        return WaitlistEntry.objects.create(customer=customer or make_user(), **fields)

    return _join


def cancel(booking) -> None:
    booking_services.booking_cancel(booking_id=booking.pk, actor=booking.customer)
