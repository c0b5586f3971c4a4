"""Fixtures speaking the back office: a salon with its manager, a stylist with an account (working
every day with `stylist`), a second stylist, a customer and a `book` helper, another salon managed by
someone else, and a platform admin; bookings and payments written directly (`make_booking`,
`make_payment`)."""

import itertools
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user, work_every_day
from apps.core.money import vat_included
from apps.payments.models import Payment, PaymentStatus
from apps.salons.tests.factories import make_salon, make_service, make_staff

_references = itertools.count(1)


@pytest.fixture
def salon():
    return make_salon()


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def manager_client(manager):
    return client_for(manager)


@pytest.fixture
def service(salon):
    return make_service(salon)


@pytest.fixture
def stylist_user(salon, service):
    user = make_user(first_name="Hessa", role="staff")
    make_staff(salon, [service], user=user)
    return user


@pytest.fixture
def customer():
    return make_user(first_name="Noura")


@pytest.fixture
def other_salon():
    other = make_salon()
    other.managers.add(make_user(role="manager"))
    return other


@pytest.fixture
def admin_user():
    return make_user(is_superuser=True, is_staff=True)


@pytest.fixture
def day() -> date:
    """A local day three days ahead: inside the default horizon and past the lead time."""
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def stylist(stylist_user):
    """The stylist account's profile, working 09:00–21:00 every day."""
    staff = stylist_user.staff_profile
    work_every_day(staff)
    return staff


@pytest.fixture
def other_stylist(salon, service):
    staff = make_staff(salon, [service], display_name="Sara", user=make_user(first_name="Sara", role="staff"))
    work_every_day(staff)
    return staff


@pytest.fixture
def book(service, stylist, customer, day):
    """A booking made through the bookings service, by the customer (pending: the salon confirms)."""

    def _book(hhmm: str = "10:00", *, staff=None, actor=None, **kwargs):
        return booking_services.booking_create(
            actor=actor or customer,
            service_id=service.pk,
            staff_id=(staff or stylist).pk,
            start=at(day, hhmm),
            **kwargs,
        )

    return _book


def url(salon, path: str = "") -> str:
    return f"/api/manage/salons/{salon.pk}/{path}"


def make_booking(staff, service, customer, start: datetime, *, status=BookingStatus.CONFIRMED, **fields) -> Booking:
    """A booking row as the services would leave it, written directly (no checks, no messages)."""
    end = start + service.duration
    values = {
        "reference": f"SLN-{next(_references):05d}",
        "salon": staff.salon,
        "end": end,
        "buffer_minutes": service.buffer_minutes,
        "blocked_until": end + service.buffer,
        "price_amount": service.price_amount,
        "created_by": customer,
    }
    values.update(fields)
    return Booking.objects.create(customer=customer, service=service, staff=staff, start=start, status=status, **values)


def make_payment(booking: Booking, *, status: str = PaymentStatus.PAID, refunded_amount: int = 0) -> Payment:
    return Payment.objects.create(
        booking=booking,
        customer=booking.customer,
        provider="fake",
        amount=booking.price_amount,
        currency="SAR",
        vat_amount=vat_included(booking.price_amount),
        status=status,
        method="creditcard",
        refunded_amount=refunded_amount,
    )
