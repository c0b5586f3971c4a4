"""Fixtures speaking invoicing: a salon with a VAT number and its manager, a confirmed booking of a
customer, and `pay` / `refund` helpers that move the money through the payments services as the
gateway's reports would (so the invoicing reactions run as in production)."""

import itertools
from datetime import date, timedelta

import pytest
from django.utils import timezone

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user
from apps.payments.models import EventSource
from apps.payments.refund_requests import refund_create
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import make_payment, remote
from apps.salons.tests.factories import make_salon, make_service, make_staff

VAT_NUMBER = "310122334400003"
PRICE = 11500  # 115.00 SAR, of which 15.00 VAT
_hours = itertools.count()


@pytest.fixture
def salon():
    return make_salon(name_ar="صالون لمسة الياسمين", name_en="Jasmine Touch", vat_number=VAT_NUMBER)


@pytest.fixture
def service(salon):
    return make_service(salon, name_ar="قص وتصفيف الشعر", name_en="Haircut and styling", price_amount=PRICE)


@pytest.fixture
def stylist(salon, service):
    return make_staff(salon, [service], display_name="Hessa")


@pytest.fixture
def customer():
    return make_user(first_name="سارة", last_name="العتيبي")


@pytest.fixture
def customer_client(customer):
    return client_for(customer)


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def manager_client(manager):
    return client_for(manager)


@pytest.fixture
def day() -> date:
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def new_booking(stylist, service, customer, day):
    """A confirmed booking, an hour after the last one (so that none overlap)."""

    def _new(*, staff=None, person=None, **fields):
        hour = next(_hours)
        start = at(day + timedelta(days=hour // 10), f"{9 + hour % 10:02d}:00")
        return make_booking(staff or stylist, service, person or customer, start, **fields)

    return _new


@pytest.fixture
def booking(new_booking):
    return new_booking()


def pay(booking, *, source: str = EventSource.WEBHOOK):
    """The gateway reports a new payment of `booking` paid: the payment as payments records it."""
    payment = make_payment(booking)
    return payment_sync(
        payment_id=payment.id, remote=remote(payment, status="paid", amount=payment.amount), source=source
    )


def refund(payment, amount: int, *, actor):
    """An administrator refunds `amount` of `payment` and the gateway then reports it refunded."""
    opened = refund_create(payment_id=payment.id, amount=amount, actor=actor)
    total = payment.refunded_amount + amount
    payment_sync(
        payment_id=payment.id,
        remote=remote(payment, status="refunded", amount=payment.amount, refunded=total),
        source=EventSource.REFUND,
    )
    payment.refresh_from_db()
    opened.refresh_from_db()
    return opened


@pytest.fixture
def admin_user():
    return make_user(first_name="Admin", is_staff=True, is_superuser=True)
