"""Deposits (ADR 0016): a deposit salon's booking is paid online for the deposit only, invoiced and
posted as such; a cancellation in time refunds it, a late one keeps the fee from it."""

from datetime import timedelta

import pytest

from apps.bookings import services as booking_services
from apps.bookings.models import BookingStatus, PaymentMode
from apps.invoicing.models import Document
from apps.ledger.models import Cause, LedgerTransaction
from apps.payments.models import PaymentStatus, RefundStatus
from apps.payments.providers.fake import fake_checkout_complete
from apps.payments.services import payment_create, payment_refresh
from apps.salons.tests.factories import make_salon

from .conftest import PRICE

pytestmark = pytest.mark.django_db
DEPOSIT = 3000
FEE = PRICE * 20 // 100  # 2300


@pytest.fixture
def salon():
    return make_salon(
        no_show_policy="deposit",
        deposit_amount=DEPOSIT,
        no_show_fee_percent=20,
        hold_minutes=10,
        lead_time_minutes=60,
        cancellation_window_hours=24,
    )


def pay_deposit(customer, booking):
    payment = payment_create(user=customer, booking_id=booking.pk, source={"type": "token", "token": "token_x"})
    fake_checkout_complete(payment_id=payment.id, approve=True)
    return payment_refresh(user=customer, payment_id=payment.id)


def test_the_deposit_is_what_is_paid_online_and_it_confirms_the_booking(customer, booking, service):
    assert (booking.payment_mode, booking.online_amount, booking.status) == (PaymentMode.DEPOSIT, DEPOSIT, "pending")

    payment = pay_deposit(customer, booking)

    booking.refresh_from_db()
    assert (payment.status, payment.amount, booking.status) == (PaymentStatus.PAID, DEPOSIT, BookingStatus.CONFIRMED)
    captured = LedgerTransaction.objects.get(payment_id=payment.id, cause=Cause.PAYMENT_CAPTURED)
    assert sorted(entry.amount for entry in captured.entries.all()) == [-DEPOSIT, DEPOSIT]
    [receipt] = Document.objects.filter(payment=payment)
    assert receipt.total == DEPOSIT
    assert receipt.lines[0]["description_en"] == f"Deposit: {service.name_en}"


def test_the_booking_tells_the_rules_and_the_amounts(customer_client, booking):
    body = customer_client.get(f"/api/bookings/{booking.pk}/").json()

    policy = body["no_show_policy"]
    assert {key: policy[key] for key in ("policy", "online_amount", "pay_at_salon", "fee_amount")} == {
        "policy": "deposit",
        "online_amount": DEPOSIT,
        "pay_at_salon": PRICE - DEPOSIT,
        "fee_amount": FEE,
    }
    assert "30.00" in policy["text"] and "23.00" in policy["text"]


def test_a_cancellation_in_time_refunds_the_whole_deposit(customer, booking, django_capture_on_commit_callbacks):
    payment = pay_deposit(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, DEPOSIT)


def test_a_late_cancellation_keeps_the_fee_and_refunds_the_rest(customer, booking, django_capture_on_commit_callbacks):
    payment = pay_deposit(customer, booking)

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer, now=booking.start - timedelta(hours=3))

    payment.refresh_from_db()
    [refund] = payment.refunds.all()
    assert (refund.amount, refund.status) == (DEPOSIT - FEE, RefundStatus.SUCCEEDED)
    assert payment.refunded_amount == DEPOSIT - FEE
    assert payment.events.get(kind="deposit_kept").data == {"amount": FEE}
