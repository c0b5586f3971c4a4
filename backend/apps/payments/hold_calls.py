"""The gateway calls of card holds (see `holds`): void or capture once per claim, apply the gateway's
answer, record a failure with its error and back off, and the retry of whatever is due."""

import logging
import uuid
from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .events import MoneyMoved, PaymentEventKind, payment_reactors
from .holds import DONE_STATUS, MAX_HOLD_ATTEMPTS, hold_backoff, hold_claim
from .models import EventSource, HoldAction, HoldSettlement, HoldSettlementStatus
from .providers import GatewayError, GatewayRejected, RemotePayment, get_gateway
from .records import payment_event_record, payment_lock
from .sync import payment_sync

logger = logging.getLogger(__name__)


def _call(settlement: HoldSettlement) -> RemotePayment:
    gateway = get_gateway()
    if settlement.action == HoldAction.CAPTURE:
        return gateway.capture(settlement.payment_id, amount=settlement.amount)
    return gateway.void(settlement.payment_id)


def hold_execute(*, settlement_id: uuid.UUID, now: datetime | None = None) -> HoldSettlement | None:
    """Ask the gateway to void or capture, once per claim. Returns None when someone else holds the
    settlement or it is done."""
    now = now or timezone.now()
    if not hold_claim(settlement_id, now):
        return None
    settlement = HoldSettlement.objects.get(pk=settlement_id)
    done = DONE_STATUS[settlement.action]
    try:
        if settlement.attempts > 1:  # an earlier call may have worked: ask before calling again
            remote = get_gateway().fetch_payment(settlement.payment_id)
            if remote.status == done:
                return _hold_apply(settlement_id, remote, now=now)
        with transaction.atomic():
            _booking, payment = payment_lock(settlement.payment_id)
            payment_event_record(
                payment,
                source=EventSource.BOOKING,
                kind=f"hold_{settlement.action}_called",
                data={"attempt": settlement.attempts},
            )
        remote = _call(settlement)
    except GatewayRejected as exc:
        remote = _fetch_quietly(settlement.payment_id)
        if remote is not None and remote.status == done:
            return _hold_apply(settlement_id, remote, now=now)
        return _hold_attempt_failed(settlement_id, error=str(exc), give_up=True, now=now)
    except GatewayError as exc:
        return _hold_attempt_failed(settlement_id, error=str(exc), give_up=False, now=now)
    if remote.status != done:
        return _hold_attempt_failed(
            settlement_id, error=f"The gateway reports {remote.status} instead of {done}.", give_up=False, now=now
        )
    return _hold_apply(settlement_id, remote, now=now)


def _payment_id_of(settlement_id: uuid.UUID) -> uuid.UUID:
    return HoldSettlement.objects.filter(pk=settlement_id).values_list("payment_id", flat=True).get()


def _fetch_quietly(payment_id: uuid.UUID) -> RemotePayment | None:
    try:
        return get_gateway().fetch_payment(payment_id)
    except GatewayError:
        return None


def _hold_apply(settlement_id: uuid.UUID, remote: RemotePayment, *, now: datetime) -> HoldSettlement:
    """The gateway did it: the payment follows its report, the settlement succeeds, and a captured fee
    is published (the ledger posts it and invoicing issues its own document, in this transaction)."""
    with transaction.atomic():
        payment_id = _payment_id_of(settlement_id)
        payment = payment_sync(payment_id=payment_id, remote=remote, source=EventSource.BOOKING, now=now)
        settlement = HoldSettlement.objects.select_for_update().get(pk=settlement_id)
        if settlement.status == HoldSettlementStatus.SUCCEEDED:
            return settlement
        settlement.status = HoldSettlementStatus.SUCCEEDED
        settlement.succeeded_at = now
        settlement.next_attempt_at = None
        settlement.last_error = ""
        if settlement.action == HoldAction.CAPTURE and remote.captured:
            settlement.amount = remote.captured
        settlement.save(
            update_fields=["status", "succeeded_at", "next_attempt_at", "last_error", "amount", "updated_at"]
        )
        payment_event_record(
            payment,
            source=EventSource.BOOKING,
            kind=f"hold_{settlement.action}_succeeded",
            data={"hold_settlement_id": str(settlement.id), "amount": settlement.amount},
        )
        if settlement.action == HoldAction.CAPTURE:
            payment_reactors.publish(
                MoneyMoved(
                    booking_id=payment.booking_id,
                    kind=PaymentEventKind.FEE_CAPTURED,
                    data={
                        "payment_id": str(payment.id),
                        "hold_settlement_id": str(settlement.id),
                        "amount": settlement.amount,
                        "currency": payment.currency,
                        "reason": settlement.reason,
                    },
                )
            )
    return settlement


def _hold_attempt_failed(settlement_id: uuid.UUID, *, error: str, give_up: bool, now: datetime) -> HoldSettlement:
    """Record a failed call with the gateway's error: try again after a back-off, or fail for good."""
    with transaction.atomic():
        _booking, payment = payment_lock(_payment_id_of(settlement_id))
        settlement = HoldSettlement.objects.select_for_update().get(pk=settlement_id)
        if settlement.status != HoldSettlementStatus.PENDING:
            return settlement
        settlement.last_error = error[:500]
        if give_up or settlement.attempts >= MAX_HOLD_ATTEMPTS:
            settlement.status = HoldSettlementStatus.FAILED
            settlement.next_attempt_at = None
            logger.error("Card hold %s of payment %s failed for good: %s", settlement.action, payment.pk, error)
        else:
            settlement.next_attempt_at = now + hold_backoff(settlement.attempts)
            logger.warning("Card hold %s attempt %s failed: %s", settlement.action, settlement.attempts, error)
        settlement.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
        payment_event_record(
            payment,
            source=EventSource.BOOKING,
            kind=f"hold_{settlement.action}_failed",
            data={"hold_settlement_id": str(settlement.id), "attempt": settlement.attempts, "error": error[:500]},
        )
    return settlement


def holds_retry(*, now: datetime | None = None, include_failed: bool = False) -> int:
    """Call the gateway for every pending settlement that is due (and, with `include_failed`, give the
    failed ones another try); returns how many succeeded."""
    now = now or timezone.now()
    if include_failed:
        HoldSettlement.objects.filter(status=HoldSettlementStatus.FAILED).update(
            status=HoldSettlementStatus.PENDING, next_attempt_at=None, updated_at=now
        )
    due = HoldSettlement.objects.filter(status=HoldSettlementStatus.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    succeeded = 0
    for settlement_id in list(due.order_by("created_at").values_list("pk", flat=True)):
        result = hold_execute(settlement_id=settlement_id, now=now)
        if result is not None and result.status == HoldSettlementStatus.SUCCEEDED:
            succeeded += 1
    return succeeded
