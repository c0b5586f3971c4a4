"""Fixtures speaking the back office: a salon with its manager, a stylist with an account, a
customer, another salon managed by someone else, and a platform admin; bookings and payments
written directly (`make_booking`, `make_payment`)."""

import itertools
from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from apps.bookings.models import Booking, BookingStatus
from apps.bookings.tests.conftest import RIYADH, client_for, make_user
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
    """A local day three days ahead in the salon's zone (Riyadh)."""
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


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
