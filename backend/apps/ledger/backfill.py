"""Posting what the books miss: payments received and refunds made before the ledger existed (or by a
path that published nothing, like the demo's rows). Idempotent: it posts under the same keys as the
live reactions, so running it twice, or while webhooks arrive, posts nothing twice.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Exists, OuterRef

from apps.payments.models import Payment, PaymentStatus, Refund, RefundStatus
from apps.payments.records import payment_lock

from .models import Cause, LedgerTransaction
from .scheme import ledger_post_payment, ledger_post_refund

# Payments whose money arrived (a duplicate's too), once `paid_at` says when.
RECEIVED_STATUSES = (PaymentStatus.PAID, PaymentStatus.CAPTURED, PaymentStatus.REFUNDED, PaymentStatus.DUPLICATE)


@dataclass(frozen=True)
class BackfillResult:
    payments: int
    refunds: int
    transactions: int


def received_payments():
    return Payment.objects.filter(paid_at__isnull=False, status__in=RECEIVED_STATUSES)


def ledger_backfill() -> BackfillResult:
    """Post the receipt of every received payment and every succeeded refund the books lack, each
    payment under its locks (booking, payment) in a transaction of its own, oldest first."""
    before = LedgerTransaction.objects.count()
    receipt_posted = LedgerTransaction.objects.filter(
        payment_id=OuterRef("pk"), cause__in=(Cause.PAYMENT_CAPTURED, Cause.DUPLICATE_RECEIVED)
    )
    missing_payments = list(
        received_payments().filter(~Exists(receipt_posted)).order_by("paid_at", "pk").values_list("pk", flat=True)
    )
    for payment_id in missing_payments:
        with transaction.atomic():
            _booking, payment = payment_lock(payment_id)
            ledger_post_payment(payment=payment)

    refund_posted = LedgerTransaction.objects.filter(
        refund_id=OuterRef("pk"), cause__in=(Cause.REFUND_SUCCEEDED, Cause.DUPLICATE_REFUNDED)
    )
    missing_refunds = list(
        Refund.objects.filter(~Exists(refund_posted), status=RefundStatus.SUCCEEDED)
        .order_by("succeeded_at", "created_at", "pk")
        .values_list("pk", "payment_id")
    )
    for refund_id, payment_id in missing_refunds:
        with transaction.atomic():
            payment_lock(payment_id)
            ledger_post_refund(refund=Refund.objects.select_related("payment__booking").get(pk=refund_id))
    return BackfillResult(
        payments=len(missing_payments),
        refunds=len(missing_refunds),
        transactions=LedgerTransaction.objects.count() - before,
    )
