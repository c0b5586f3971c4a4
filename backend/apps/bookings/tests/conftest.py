"""Fixtures speaking the domain: a salon whose one stylist works 09:00–21:00 every day, customers,
a linked stylist account and a manager, and `book` / `api_book` helpers calling the create service
(at a fixed "now", or at the real time API calls use); `error_code` and `nothing_written` for refusals."""

import itertools
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from rest_framework.test import APIClient

from apps.bookings import services
from apps.bookings.models import Booking, BookingEvent
from apps.core.exceptions import AppError
from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff

RIYADH = ZoneInfo("Asia/Riyadh")
_phones = itertools.count(1)


def make_user(*, verified: bool = True, **kwargs):
    phone = kwargs.pop("phone_number", f"+9665500{next(_phones):05d}")
    kwargs.setdefault("first_name", "Noura")
    return get_user_model().objects.create_user(phone, is_phone_verified=verified, **kwargs)


def client_for(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def at(day: date, hhmm: str, tz: ZoneInfo = RIYADH) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), tzinfo=tz)


def error_code(call) -> str:
    """The code of the AppError `call()` raises."""
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def nothing_written(user_count: int | None = None) -> None:
    """No booking and no audit row exist (and, if given, exactly `user_count` users)."""
    assert Booking.objects.count() == 0
    assert BookingEvent.objects.count() == 0
    if user_count is not None:
        assert get_user_model().objects.count() == user_count


def work_every_day(staff, start: str = "09:00", end: str = "21:00") -> None:
    for weekday in range(7):
        add_hours(staff, weekday, start, end)


@pytest.fixture
def day() -> date:
    """A local day three days ahead: inside every default horizon and past every lead time."""
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def now(day) -> datetime:
    """A fixed "now" for service calls: noon two days before `day`."""
    return at(day - timedelta(days=2), "12:00")


@pytest.fixture
def salon():
    return make_salon(lead_time_minutes=60, slot_step_minutes=15, cancellation_window_hours=24, hold_minutes=10)


@pytest.fixture
def service(salon):
    return make_service(salon, duration_minutes=60, price_amount=11500, buffer_minutes=0)


@pytest.fixture
def stylist_user():
    return make_user(first_name="Hessa")


@pytest.fixture
def stylist(salon, service, stylist_user):
    staff = make_staff(salon, services=[service], display_name="Hessa", user=stylist_user)
    work_every_day(staff)
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
def other_customer():
    return make_user(first_name="Sara")


@pytest.fixture
def book(service, stylist, customer, day, now):
    """Create a booking through the service with sensible defaults."""

    def _book(hhmm: str = "10:00", **kwargs):
        kwargs.setdefault("actor", customer)
        kwargs.setdefault("service_id", service.pk)
        kwargs.setdefault("staff_id", stylist.pk)
        kwargs.setdefault("now", now)
        if "start" not in kwargs:
            kwargs["start"] = at(day, hhmm)
        return services.booking_create(**kwargs)

    return _book


@pytest.fixture
def api_book(service, stylist, customer, day):
    """Create a booking through the service, as of the real current time (API calls use it too)."""

    def _book(hhmm: str = "10:00", actor=None, **kwargs):
        kwargs.setdefault("staff_id", stylist.pk)
        return services.booking_create(actor=actor or customer, service_id=service.pk, start=at(day, hhmm), **kwargs)

    return _book
