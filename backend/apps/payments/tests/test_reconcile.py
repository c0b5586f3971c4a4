"""Reconciliation: missed webhooks, payments never created, paid bookings left unconfirmed, refunds to
retry and idempotency keys to forget."""

from datetime import timedelta
from io import StringIO

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone

from apps.bookings.models import BookingStatus
from apps.payments.models import IdempotencyKey, IdempotencyStatus, Payment, PaymentStatus, Refund, RefundReason
from apps.payments.reconciliation import ReconcileSummary, payments_reconcile

from .conftest import MOYASAR, PRICE, make_payment, moyasar_payment

pytestmark = pytest.mark.django_db


def _aged(payment, minutes: int) -> Payment:
    Payment.objects.filter(pk=payment.pk).update(created_at=timezone.now() - timedelta(minutes=minutes))
    payment.refresh_from_db()
    return payment


def test_a_missed_webhook_is_caught_up_and_the_booking_confirmed(moyasar, booking):
    payment = _aged(make_payment(booking), minutes=3)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="paid"))

    summary = payments_reconcile()

    assert summary == ReconcileSummary(payments_checked=1, payments_changed=1)
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, booking.status) == (PaymentStatus.PAID, BookingStatus.CONFIRMED)


def test_running_again_at_once_asks_nothing_twice(moyasar, booking):
    payment = _aged(make_payment(booking), minutes=3)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="initiated"))
    payments_reconcile()

    summary = payments_reconcile()

    assert summary.payments_checked == 0
    assert len(moyasar.calls) == 1
    payment.refresh_from_db()
    assert (payment.check_count, payment.next_check_at > timezone.now()) == (1, True)


def test_checks_back_off_between_runs(moyasar, booking):
    payment = _aged(make_payment(booking), minutes=3)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="initiated"))
    now = timezone.now()

    payments_reconcile(now=now)
    first_delay = Payment.objects.get().next_check_at - now
    payments_reconcile(now=now + first_delay)
    second_delay = Payment.objects.get().next_check_at - (now + first_delay)

    assert (first_delay, second_delay) == (timedelta(minutes=2), timedelta(minutes=4))


def test_a_payment_moyasar_never_created_is_failed_after_the_grace_period(moyasar, booking):
    old = _aged(make_payment(booking), minutes=20)
    young = _aged(make_payment(booking), minutes=3)
    not_found = {"type": "api_error", "message": "Object not found", "errors": None}
    moyasar.get(f"{MOYASAR}/payments/{old.id}", status=404, json=not_found)
    moyasar.get(f"{MOYASAR}/payments/{young.id}", status=404, json=not_found)

    summary = payments_reconcile()

    assert (summary.payments_checked, summary.payments_changed) == (2, 1)
    statuses = dict(Payment.objects.values_list("id", "status"))
    assert statuses == {old.id: PaymentStatus.FAILED, young.id: PaymentStatus.INITIATED}


def test_a_payment_we_failed_without_moyasars_word_is_followed_and_its_late_money_confirms_the_booking(
    moyasar, booking
):
    payment = _aged(make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway."), 30)
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    summary = payments_reconcile()

    assert (summary.payments_checked, summary.payments_changed) == (1, 1)
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, booking.status) == (PaymentStatus.PAID, BookingStatus.CONFIRMED)


def test_a_payment_we_failed_that_moyasar_still_does_not_know_stays_failed_and_is_checked_less_often(moyasar, booking):
    payment = _aged(make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway."), 30)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", status=404, json={"type": "api_error", "message": "x"})

    summary = payments_reconcile()

    assert (summary.payments_checked, summary.payments_changed) == (1, 0)
    payment.refresh_from_db()
    assert (payment.status, payment.check_count) == (PaymentStatus.FAILED, 1)


def test_a_payment_moyasar_reported_failed_is_not_asked_again(moyasar, booking):
    _aged(make_payment(booking, status=PaymentStatus.FAILED, provider_payment_id="a-moyasar-id"), 30)

    assert payments_reconcile().payments_checked == 0
    assert len(moyasar.calls) == 0


def test_payments_younger_than_a_minute_are_left_to_their_request(moyasar, booking):
    make_payment(booking)

    assert payments_reconcile().payments_checked == 0
    assert len(moyasar.calls) == 0


def test_an_unreachable_gateway_is_counted_and_changes_nothing(moyasar, booking):
    payment = _aged(make_payment(booking), minutes=3)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", body=requests.ConnectionError("down"))

    summary = payments_reconcile()

    assert (summary.payments_checked, summary.payments_unreachable) == (1, 1)
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.INITIATED


def test_flagged_payments_are_left_to_an_operator(moyasar, booking):
    _aged(make_payment(booking, flagged=True, flag_reason="amount 100 instead of 11500"), minutes=3)

    assert payments_reconcile().payments_checked == 0
    assert len(moyasar.calls) == 0


def test_a_paid_payment_whose_booking_was_left_pending_confirms_it(moyasar, booking):
    payment = make_payment(booking, status=PaymentStatus.PAID)  # as if the process died in between
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="paid"))

    summary = payments_reconcile()

    assert summary.bookings_settled == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_pending_refund_is_retried(moyasar, booking):
    payment = make_payment(booking, status=PaymentStatus.PAID)
    booking.status = BookingStatus.CONFIRMED
    booking.save(update_fields=["status"])
    refund = Refund.objects.create(payment=payment, amount=PRICE, reason=RefundReason.ADMIN, refunded_before=0)
    moyasar.post(
        f"{MOYASAR}/payments/{payment.id}/refund",
        json=moyasar_payment(payment.id, status="refunded", refunded=PRICE),
    )

    summary = payments_reconcile()

    assert (summary.refunds_attempted, summary.refunds_succeeded) == (1, 1)
    refund.refresh_from_db()
    assert refund.status == "succeeded"


def test_idempotency_keys_are_kept_a_day_then_deleted(customer):
    now = timezone.now()
    for key, age in (("old", timedelta(hours=25)), ("recent", timedelta(hours=23))):
        row = IdempotencyKey.objects.create(
            user=customer, key=key, fingerprint="f", status=IdempotencyStatus.COMPLETED, locked_at=now - age
        )
        IdempotencyKey.objects.filter(pk=row.pk).update(created_at=now - age)

    summary = payments_reconcile(now=now)

    assert summary.keys_purged == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["recent"]


def test_the_command_prints_a_summary(moyasar, booking):
    payment = _aged(make_payment(booking), minutes=3)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="paid"))
    out = StringIO()

    call_command("reconcile_payments", stdout=out)

    assert out.getvalue().strip() == (
        "Payments checked: 1, changed: 1, unreachable: 0; bookings settled: 0; refunds attempted: 0, "
        "succeeded: 0, failed: 0; idempotency keys purged: 0."
    )
