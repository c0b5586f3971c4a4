"""Refunds an operator asks for (from the admin): all or part of what is left of a payment, and a
second chance for a refund that failed for good. The gateway is called after commit."""

import uuid

from django.db import IntegrityError, transaction

from .errors import PaymentNotFound, PaymentNotRefundable, RefundAmountInvalid, RefundInProgress
from .models import EventSource, Refund, RefundReason, RefundStatus
from .records import payment_event_record, payment_lock
from .refunds import refund_open
from .status import REFUNDABLE_STATUSES
from .sync import refund_execute_after_commit


def refund_create(*, payment_id: uuid.UUID, amount: int, actor, note: str = "") -> Refund:
    """An administrator refunds all or part of what is left of a payment; the call is made after commit."""
    with transaction.atomic():
        _booking, payment = payment_lock(payment_id)
        if payment.flagged or payment.status not in REFUNDABLE_STATUSES:
            raise PaymentNotRefundable()
        if not 0 < amount <= payment.refundable_amount:
            raise RefundAmountInvalid()
        refund = refund_open(
            payment, amount=amount, reason=RefundReason.ADMIN, source=EventSource.ADMIN, actor_id=actor.pk, note=note
        )
        refund_execute_after_commit(refund)
    return refund


def refund_retry(*, refund_id: uuid.UUID, actor) -> Refund:
    """Put a refund that failed for good back in line (after an operator fixed the cause). Its
    attempt count restarts at one, so the next try first checks whether an earlier one went through."""
    with transaction.atomic():
        payment_id = Refund.objects.filter(pk=refund_id).values_list("payment_id", flat=True).first()
        if payment_id is None:
            raise PaymentNotFound()
        _booking, payment = payment_lock(payment_id)
        refund = Refund.objects.select_for_update().get(pk=refund_id)
        if refund.status != RefundStatus.FAILED:
            return refund
        refund.status = RefundStatus.PENDING
        refund.attempts = 1
        refund.next_attempt_at = None
        try:
            with transaction.atomic():
                refund.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
        except IntegrityError as exc:
            raise RefundInProgress() from exc
        payment_event_record(
            payment,
            source=EventSource.ADMIN,
            kind="refund_retried",
            actor_id=actor.pk,
            data={"refund_id": str(refund.id)},
        )
        refund_execute_after_commit(refund)
    return refund
