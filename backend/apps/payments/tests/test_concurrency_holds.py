"""Real threads against the real database: two servers (or a double click) settling one card hold
call the gateway once and charge the fee once (ADR 0016)."""

from collections import Counter
from datetime import timedelta

import pytest
from django.db import transaction

from apps.bookings import services as booking_services
from apps.bookings.errors import InvalidTransition
from apps.bookings.tests.conftest import make_user
from apps.core.tests.concurrency import race
from apps.ledger.models import LedgerTransaction
from apps.ledger.scheme import fee_key
from apps.payments.hold_calls import hold_execute
from apps.payments.holds import hold_open
from apps.payments.models import (
    EventSource,
    HoldAction,
    HoldReason,
    HoldSettlement,
    HoldSettlementStatus,
    Payment,
    PaymentStatus,
)
from apps.payments.providers.fake import fake_checkout_complete
from apps.payments.records import payment_lock
from apps.payments.services import payment_create, payment_refresh
from apps.salons.tests.factories import make_salon

from .conftest import PRICE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


@pytest.fixture
def salon():
    return make_salon(no_show_policy="card_hold", booking_horizon_days=7, hold_minutes=10, lead_time_minutes=60)


def authorize(customer, booking) -> Payment:
    payment = payment_create(user=customer, booking_id=booking.pk, source={"type": "token", "token": "token_x"})
    fake_checkout_complete(payment_id=payment.id, approve=True)
    return payment_refresh(user=customer, payment_id=payment.id)


def test_two_no_show_clicks_at_once_capture_once(customer, salon, booking):
    manager = make_user(first_name="Huda", role="manager")
    salon.managers.add(manager)
    payment = authorize(customer, booking)
    later = booking.start + timedelta(minutes=20)

    def mark():
        booking_services.booking_mark_no_show(booking_id=booking.pk, actor=manager, now=later)
        return "marked"

    results = race([mark, mark])

    assert Counter(type(result).__name__ if isinstance(result, Exception) else result for result in results) == {
        "marked": 1,
        InvalidTransition.__name__: 1,
    }
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.CAPTURED
    assert payment.events.filter(kind="hold_capture_called").count() == 1
    assert LedgerTransaction.objects.filter(key=fee_key(payment.id)).count() == 1


def test_two_servers_executing_one_settlement_call_the_gateway_once(customer, booking):
    payment = authorize(customer, booking)
    # Opened as `hold_open` does, without its own after-commit call: the servers race to make it.
    settlement = HoldSettlement.objects.create(
        payment=payment, action=HoldAction.CAPTURE, reason=HoldReason.NO_SHOW, amount=PRICE
    )

    results = race([lambda: hold_execute(settlement_id=settlement.id)] * 4)

    assert sum(result is not None for result in results) == 1
    settlement.refresh_from_db()
    payment.refresh_from_db()
    assert (settlement.status, payment.status) == (HoldSettlementStatus.SUCCEEDED, PaymentStatus.CAPTURED)
    assert payment.events.filter(kind="hold_capture_called").count() == 1
    assert HoldSettlement.objects.filter(payment=payment).count() == 1
    assert LedgerTransaction.objects.filter(key=fee_key(payment.id)).count() == 1


def test_two_requests_opening_settlements_at_once_keep_the_first(customer, booking):
    payment = authorize(customer, booking)

    def open_capture():
        with transaction.atomic():
            _booking, locked = payment_lock(payment.id)
            return hold_open(
                locked, action=HoldAction.CAPTURE, reason=HoldReason.NO_SHOW, amount=100, source=EventSource.ADMIN
            ).pk

    results = race([open_capture, open_capture, open_capture])

    assert len(set(results)) == 1
    assert HoldSettlement.objects.filter(payment=payment).count() == 1
