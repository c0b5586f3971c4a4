"""Follow the gateway: bring a payment in line with the gateway's report of it (and its booking and
refunds with the payment), and make the refund calls.

Our state follows the gateway's own report (its answer to our call, or a fresh fetch), never a
browser's callback parameters or a webhook's body; statuses only move forward (see `status`). A
payment that reports money is checked against its booking (amount, currency, metadata); a mismatch
is flagged for an operator and never counts as paid. Gateway calls are made outside transactions;
a refund opened in a transaction is called for after its commit, and retried by reconciliation.
"""

import logging
import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.bookings.models import Booking
from apps.core.after_commit import on_commit_safely

from .errors import PaymentGatewayError, PaymentGatewayUnavailable
from .models import HELD_STATUSES, EventSource, Payment, PaymentMethod, PaymentStatus, Refund, RefundStatus
from .providers import GatewayError, GatewayNotFound, GatewayRejected, GatewayUnavailable, RemotePayment, get_gateway
from .records import payment_event_record, payment_flag, payment_lock
from .refunds import refund_attempt_failed, refund_claim, refund_settle_pending
from .settlement import payment_settle_booking_locked, payment_take_money
from .status import can_move, target_status

logger = logging.getLogger(__name__)


def remote_payment_fetch(payment_id: uuid.UUID, *, quick: bool = False) -> RemotePayment | None:
    """The gateway's report of the payment; None when it has none (its creation never reached it).
    `quick`: one attempt with a short timeout (see `get_gateway`)."""
    try:
        return get_gateway(quick=quick).fetch_payment(payment_id)
    except GatewayNotFound:
        return None
    except GatewayUnavailable as exc:
        raise PaymentGatewayUnavailable() from exc
    except GatewayError as exc:
        raise PaymentGatewayError() from exc


def _mismatch(payment: Payment, booking: Booking, remote: RemotePayment) -> str:
    """Why the gateway's payment is not the one we asked for (empty when it is)."""
    if remote.id.lower() != str(payment.id):
        return f"id {remote.id} instead of {payment.id}"
    if remote.amount != booking.amount_due_online or remote.amount != payment.amount:
        return f"amount {remote.amount} instead of {payment.amount}"
    if remote.currency != booking.currency or remote.currency != payment.currency:
        return f"currency {remote.currency} instead of {payment.currency}"
    booking_ref = remote.metadata.get("booking_id")
    if booking_ref is not None and str(booking_ref) != str(booking.pk):
        return f"metadata booking_id {booking_ref} instead of {booking.pk}"
    return ""


def _copy_details(payment: Payment, remote: RemotePayment) -> None:
    method = "creditcard" if remote.method == "token" else remote.method
    if method in PaymentMethod.values:
        payment.method = method
    payment.card_brand = remote.card_brand or payment.card_brand
    payment.card_last4 = remote.card_last4 or payment.card_last4
    payment.transaction_url = remote.transaction_url or payment.transaction_url
    if remote.status == "failed" and payment.status in (PaymentStatus.INITIATED, PaymentStatus.FAILED):
        payment.failure_message = remote.message
    payment.refunded_amount = max(payment.refunded_amount, min(remote.refunded, payment.amount))
    payment.provider_payment_id = remote.id
    payment.provider_payload = remote.raw


def payment_sync(*, payment_id: uuid.UUID, remote: RemotePayment, source: str, now: datetime | None = None) -> Payment:
    """Bring our payment in line with the gateway's report of it, and the booking and refunds with
    the payment. Idempotent: the same report applied twice changes nothing the second time."""
    now = now or timezone.now()
    with transaction.atomic():
        booking, payment = payment_lock(payment_id)
        mismatch = _mismatch(payment, booking, remote)
        if mismatch:
            payment_flag(payment, reason=mismatch, source=source, remote=remote)
            return payment
        from_status = payment.status
        target = target_status(from_status, remote)
        _copy_details(payment, remote)
        opened = None
        if target is None or target == from_status or not can_move(from_status, target):
            payment.save()
        elif target in HELD_STATUSES and from_status not in HELD_STATUSES:
            if from_status == PaymentStatus.FAILED:
                logger.warning("Payment %s, failed on our side, is reported %s by the gateway", payment.id, target)
            opened = payment_take_money(payment, booking, status=target, source=source, now=now)
        else:
            payment.status = target
            payment.save()
            payment_event_record(
                payment, source=source, kind="status_changed", from_status=from_status, to_status=target
            )
        if payment.status != from_status:  # a new status is due for reconciliation afresh
            payment.next_check_at, payment.check_count = None, 0
            payment.save(update_fields=["next_check_at", "check_count", "updated_at"])
        refund_settle_pending(payment, source=source, now=now)
        refund_execute_after_commit(opened)
    return payment


def payment_settle_booking(
    *, payment_id: uuid.UUID, source: str = EventSource.RECONCILE, now: datetime | None = None
) -> Payment:
    """For a payment holding money whose booking is not confirmed (a crash, an admin edit): confirm
    the booking or refund, as when the payment was first seen paid. Idempotent."""
    now = now or timezone.now()
    with transaction.atomic():
        booking, payment = payment_lock(payment_id)
        if payment.status in HELD_STATUSES and not payment.flagged:
            refund_execute_after_commit(payment_settle_booking_locked(payment, booking, source=source, now=now))
    return payment


# --- Refund calls ---------------------------------------------------------------------------------


def refund_execute_after_commit(refund: Refund | None) -> None:
    """Have the gateway asked for a refund just opened, once the transaction that opened it commits."""
    if refund is not None:
        refund_id = refund.id
        on_commit_safely(lambda: refund_execute(refund_id=refund_id), name="payments.refund_execute")


def refund_execute(*, refund_id: uuid.UUID, now: datetime | None = None) -> Refund | None:
    """Ask the gateway for a pending refund, once per claim. Moyasar's refund is not idempotent, so a
    refund tried before is first compared with the payment's `refunded` amount and only asked again
    when that shows it did not happen. Returns None when someone else holds the refund or it is done."""
    now = now or timezone.now()
    if not refund_claim(refund_id, now):
        return None
    refund = Refund.objects.get(pk=refund_id)
    gateway = get_gateway()
    try:
        if refund.attempts > 1:
            remote = gateway.fetch_payment(refund.payment_id)
            payment_sync(payment_id=refund.payment_id, remote=remote, source=EventSource.REFUND, now=now)
            refund.refresh_from_db()
            if refund.status != RefundStatus.PENDING:
                return refund
        remote = gateway.refund(refund.payment_id, amount=refund.amount)
    except GatewayError as exc:
        return refund_attempt_failed(refund_id, error=str(exc), give_up=isinstance(exc, GatewayRejected), now=now)
    payment_sync(payment_id=refund.payment_id, remote=remote, source=EventSource.REFUND, now=now)
    refund.refresh_from_db()
    if refund.status == RefundStatus.PENDING:
        return refund_attempt_failed(
            refund_id, error="The gateway's refunded amount does not cover this refund.", give_up=False, now=now
        )
    return refund
