"""Fixtures speaking money: a salon with its manager, a stylist and a customer; visits written directly
(in the past or the future); payments received and refunds made through the payments' own code
(`payment_sync` with the gateway's report), so the ledger hears exactly what it hears in production."""

import itertools
from datetime import datetime, timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.tests.conftest import client_for, make_user
from apps.payments.models import EventSource, Payment, Refund, RefundReason
from apps.payments.records import payment_lock
from apps.payments.refunds import refund_open
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import remote
from apps.salons.tests.factories import make_salon, make_service, make_staff

PRICE = 11500  # 115.00 SAR
IBAN = "SA0380000000608010167519"
_hours = itertools.count(1)


@pytest.fixture
def salon():
    return make_salon(legal_name="Salon Lamsa Trading Est.")


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
    return make_service(salon, price_amount=PRICE, duration_minutes=60, buffer_minutes=0)


@pytest.fixture
def stylist(salon, service):
    return make_staff(salon, [service], user=make_user(first_name="Hessa", role="staff"))


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


def visit(stylist, customer, *, days: float = -10, price: int | None = None, status=None) -> Booking:
    """A booking `days` from now (negative: in the past, completed), at most 11 hours later, each of a
    dozen in a row on an hour of its own."""
    service = stylist.services.first()
    start = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=days, hours=next(_hours) % 12)
    status = status or (BookingStatus.COMPLETED if days < 0 else BookingStatus.CONFIRMED)
    fields = {"price_amount": price} if price is not None else {}
    return make_booking(stylist, service, customer, start, status=status, **fields)


def receive(booking: Booking, *, now: datetime | None = None) -> Payment:
    """The customer pays for `booking`: the gateway reports the payment paid (as a webhook would)."""
    payment = Payment.objects.create(
        booking=booking,
        customer=booking.customer,
        provider="moyasar",
        amount=booking.price_amount,
        currency=booking.currency,
        vat_amount=0,
        method="creditcard",
    )
    report = remote(payment, status="paid", amount=payment.amount)
    return payment_sync(payment_id=payment.pk, remote=report, source=EventSource.WEBHOOK, now=now)


def refund(payment: Payment, amount: int, *, now: datetime | None = None) -> Refund:
    """An operator refunds `amount` of `payment` and the gateway reports it refunded."""
    with transaction.atomic():
        _booking, locked = payment_lock(payment.pk)
        opened = refund_open(locked, amount=amount, reason=RefundReason.ADMIN, source=EventSource.ADMIN)
    payment.refresh_from_db()
    report = remote(payment, status="refunded", amount=payment.amount, refunded=payment.refunded_amount + amount)
    payment_sync(payment_id=payment.pk, remote=report, source=EventSource.REFUND, now=now)
    payment.refresh_from_db()
    return Refund.objects.get(pk=opened.pk)
