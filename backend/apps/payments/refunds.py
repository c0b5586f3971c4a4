"""Refund records: open a refund of a locked payment, settle it when the gateway's refunded amount
covers it, and the claim and back-off of its calls. No gateway calls here: `sync.refund_execute`
makes the call, after the commit that opened the refund (see `sync.refund_execute_after_commit`)."""

import logging
import uuid
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from .errors import RefundInProgress
from .events import MoneyMoved, PaymentEventKind, payment_reactors
from .holds import hold_open
from .models import EventSource, HoldAction, HoldReason, Payment, PaymentStatus, Refund, RefundReason, RefundStatus
from .records import payment_event_record, payment_lock

logger = logging.getLogger(__name__)

# A claimed refund call is not tried again by anyone else before this lease ends.
REFUND_LEASE = timedelta(minutes=5)
MAX_REFUND_ATTEMPTS = 8
REFUND_RETRY_BASE = timedelta(minutes=1)
REFUND_RETRY_CAP = timedelta(hours=6)


def refund_open(
    payment: Payment, *, amount: int, reason: str, source: str, actor_id: int | None = None, note: str = ""
) -> Refund:
    """Record a refund to make of a locked payment; the caller has the call made after commit."""
    try:
        with transaction.atomic():
            refund = Refund.objects.create(
                payment=payment,
                amount=amount,
                reason=reason,
                note=note,
                refunded_before=payment.refunded_amount,
                requested_by_id=actor_id,
            )
    except IntegrityError as exc:  # `refund_one_pending_per_payment`
        raise RefundInProgress() from exc
    payment_event_record(
        payment,
        source=source,
        kind="refund_requested",
        actor_id=actor_id,
        data={"refund_id": str(refund.id), "amount": amount, "reason": reason},
    )
    return refund


def refund_remaining(payment: Payment, *, reason: str, source: str, actor_id: int | None = None) -> Refund | None:
    """Open a refund of what is left of a locked payment, unless a refund of it is already in flight
    (the reconciliation then refunds what that one leaves). Returns the refund opened, if any."""
    if payment.status == PaymentStatus.AUTHORIZED:
        # A card hold is released (voided), not refunded; the void is called after commit (`holds`).
        hold_reason = (
            HoldReason.CANCELLED if reason == RefundReason.BOOKING_CANCELLED else HoldReason.BOOKING_NOT_CONFIRMED
        )
        hold_open(payment, action=HoldAction.VOID, reason=hold_reason, source=source, actor_id=actor_id)
        return None
    if payment.refundable_amount <= 0 or payment.refunds.filter(status=RefundStatus.PENDING).exists():
        return None
    return refund_open(payment, amount=payment.refundable_amount, reason=reason, source=source, actor_id=actor_id)


def refund_settle_pending(payment: Payment, *, source: str, now: datetime) -> None:
    """Mark the locked payment's refund in flight done once the gateway's refunded amount covers it,
    and tell the customer."""
    refund = Refund.objects.select_for_update().filter(payment=payment, status=RefundStatus.PENDING).first()
    if refund is None or payment.refunded_amount < refund.refunded_before + refund.amount:
        return
    refund.status = RefundStatus.SUCCEEDED
    refund.succeeded_at = now
    refund.next_attempt_at = None
    refund.save(update_fields=["status", "succeeded_at", "next_attempt_at", "updated_at"])
    payment_event_record(
        payment, source=source, kind="refund_succeeded", data={"refund_id": str(refund.id), "amount": refund.amount}
    )
    payment_reactors.publish(
        MoneyMoved(
            booking_id=payment.booking_id,
            kind=PaymentEventKind.REFUND_ISSUED,
            data={
                "refund_id": str(refund.id),
                "payment_id": str(payment.id),
                "amount": refund.amount,
                "currency": payment.currency,
                "reason": refund.reason,
            },
        )
    )


def refund_backoff(attempts: int) -> timedelta:
    return min(REFUND_RETRY_BASE * 2 ** max(attempts - 1, 0), REFUND_RETRY_CAP)


def refund_claim(refund_id: uuid.UUID, now: datetime) -> bool:
    """Take the refund for one call; one conditional UPDATE, so only one process wins."""
    claimed = (
        Refund.objects.filter(pk=refund_id, status=RefundStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(attempts=F("attempts") + 1, next_attempt_at=now + REFUND_LEASE, updated_at=now)
    )
    return claimed == 1


def refund_attempt_failed(refund_id: uuid.UUID, *, error: str, give_up: bool, now: datetime) -> Refund:
    """Record a failed call: try again after a back-off, or fail the refund for good."""
    payment_id = Refund.objects.filter(pk=refund_id).values_list("payment_id", flat=True).get()
    with transaction.atomic():
        _booking, payment = payment_lock(payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status != RefundStatus.PENDING:
            return refund
        refund.last_error = error[:500]
        if give_up or refund.attempts >= MAX_REFUND_ATTEMPTS:
            refund.status = RefundStatus.FAILED
            refund.next_attempt_at = None
            logger.error("Refund %s of payment %s failed for good: %s", refund.id, refund.payment_id, error)
        else:
            refund.next_attempt_at = now + refund_backoff(refund.attempts)
            logger.warning("Refund %s attempt %s failed: %s", refund.id, refund.attempts, error)
        refund.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        payment_event_record(
            payment,
            source=EventSource.REFUND,
            kind="refund_failed" if refund.status == RefundStatus.FAILED else "refund_attempt_failed",
            data={"refund_id": str(refund.id), "attempt": refund.attempts, "error": error[:500]},
        )
    return refund
