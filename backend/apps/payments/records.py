"""The payments' own records: the audit trail of every payment, flags for an operator, and the
locks every write takes.

Locks are taken in one order, shared with bookings: the booking (`booking_lock`: its customer,
its stylist, its row), then the payment row, then refund rows.
"""

import logging
import uuid

from django.db import transaction

from apps.bookings.models import Booking
from apps.bookings.services import booking_lock
from apps.core.observability.metrics import PAYMENT_TRANSITIONS, count_after_commit

from .errors import PaymentNotFound
from .models import Payment, PaymentEvent, PaymentStatus
from .providers import RemotePayment

logger = logging.getLogger(__name__)

# The failure message of a payment whose creation never reached the gateway.
NOT_AT_GATEWAY = "Not found at the gateway."


def payment_event_record(
    payment: Payment | None,
    *,
    source: str,
    kind: str,
    from_status: str = "",
    to_status: str = "",
    actor_id: int | None = None,
    data: dict | None = None,
) -> PaymentEvent:
    if to_status:
        count_after_commit(PAYMENT_TRANSITIONS.labels(to_status))
    return PaymentEvent.objects.create(
        payment=payment,
        source=source,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor_id=actor_id,
        data=data or {},
    )


def payment_lock(payment_id: uuid.UUID) -> tuple[Booking, Payment]:
    """The payment and its booking, locked in the shared order. Call inside `transaction.atomic()`."""
    booking_id = Payment.objects.filter(pk=payment_id).values_list("booking_id", flat=True).first()
    if booking_id is None:
        raise PaymentNotFound()
    booking = booking_lock(booking_id=booking_id)
    return booking, Payment.objects.select_for_update().get(pk=payment_id)


def payment_fail(payment: Payment, *, message: str, source: str) -> None:
    """Fail a locked initiated payment that the gateway refused or never created."""
    payment.status = PaymentStatus.FAILED
    payment.failure_message = message[:255]
    payment.save(update_fields=["status", "failure_message", "updated_at"])
    payment_event_record(
        payment,
        source=source,
        kind="status_changed",
        from_status=PaymentStatus.INITIATED,
        to_status=PaymentStatus.FAILED,
        data={"message": message},
    )


def payment_mark_failed(*, payment_id: uuid.UUID, message: str, source: str) -> None:
    """An initiated payment the gateway refused or never created is failed."""
    with transaction.atomic():
        _booking, payment = payment_lock(payment_id)
        if payment.status == PaymentStatus.INITIATED:
            payment_fail(payment, message=message, source=source)


def payment_flag(payment: Payment, *, reason: str, source: str, remote: RemotePayment) -> None:
    """Set a locked payment aside for an operator: what the gateway reports is not what we asked for."""
    if payment.flagged:
        return
    payment.flagged = True
    payment.flag_reason = reason[:255]
    payment.provider_payload = remote.raw
    payment.save(update_fields=["flagged", "flag_reason", "provider_payload", "updated_at"])
    payment_event_record(
        payment,
        source=source,
        kind="mismatch",
        data={"reason": reason, "status": remote.status, "amount": remote.amount, "currency": remote.currency},
    )
    logger.error("Payment %s flagged: the gateway reports %s", payment.id, reason)
