"""Card holds (ADR 0016): an authorize-only payment is released (voided) when the visit is completed
or cancelled in time, and charged the fee (captured, in part or in full) for a no-show or a late
cancellation.

Each hold has at most one `HoldSettlement` (unique per payment): it is opened inside the booking's
transaction with the payment locked, so a double click, a second server or a replayed event finds
the first one instead of acting twice. The gateway is called after commit (`hold_calls`), once per
claim (a conditional UPDATE, as for refunds); Moyasar's capture and void carry no idempotency key, so
a call tried before is first compared with the gateway's own report of the payment. A failed call is
recorded with the gateway's error and tried again after a back-off by `holds_retry` (the
`card_holds_retry` command), or failed for good when the gateway refuses it.
"""

import logging
import uuid
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q

from apps.core.after_commit import on_commit_safely

from .models import (
    HoldAction,
    HoldReason,
    HoldSettlement,
    HoldSettlementStatus,
    Payment,
    PaymentStatus,
)
from .records import payment_event_record

logger = logging.getLogger(__name__)

HOLD_LEASE = timedelta(minutes=5)
MAX_HOLD_ATTEMPTS = 8
HOLD_RETRY_BASE = timedelta(minutes=1)
HOLD_RETRY_CAP = timedelta(hours=6)
# The gateway's status once each action is done.
DONE_STATUS = {HoldAction.VOID: "voided", HoldAction.CAPTURE: "captured"}
FEE_REASONS = (HoldReason.NO_SHOW, HoldReason.LATE_CANCELLATION)


def hold_open(
    payment: Payment, *, action: str, reason: str, amount: int = 0, source: str, actor_id: int | None = None
) -> HoldSettlement | None:
    """Decide what happens to a locked authorized payment; the first decision stands (returned again
    to a repeat). None when the payment holds nothing to release or charge."""
    existing = HoldSettlement.objects.filter(payment=payment).first()
    if existing is not None:
        return existing
    if payment.status != PaymentStatus.AUTHORIZED:
        return None
    amount = min(amount, payment.amount) if action == HoldAction.CAPTURE else 0
    if action == HoldAction.CAPTURE and amount <= 0:
        action, amount = HoldAction.VOID, 0
    try:
        with transaction.atomic():
            settlement = HoldSettlement.objects.create(
                payment=payment, action=action, reason=reason, amount=amount, requested_by_id=actor_id
            )
    except IntegrityError:  # one per payment: another transaction was first
        return HoldSettlement.objects.get(payment=payment)
    payment_event_record(
        payment,
        source=source,
        kind=f"hold_{action}_requested",
        actor_id=actor_id,
        data={"hold_settlement_id": str(settlement.id), "amount": amount, "reason": reason},
    )
    hold_execute_after_commit(settlement)
    return settlement


def hold_execute_after_commit(settlement: HoldSettlement) -> None:
    """Have the gateway called once the transaction that opened the settlement commits."""
    settlement_id = settlement.id

    def execute() -> None:
        from .hold_calls import hold_execute  # the calls need `sync`, which needs this module

        hold_execute(settlement_id=settlement_id)

    on_commit_safely(execute, name="payments.hold_execute")


def hold_claim(settlement_id: uuid.UUID, now: datetime) -> bool:
    """Take the settlement for one call; one conditional UPDATE, so only one process wins."""
    claimed = (
        HoldSettlement.objects.filter(pk=settlement_id, status=HoldSettlementStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(attempts=F("attempts") + 1, next_attempt_at=now + HOLD_LEASE, updated_at=now)
    )
    return claimed == 1


def hold_backoff(attempts: int) -> timedelta:
    return min(HOLD_RETRY_BASE * 2 ** max(attempts - 1, 0), HOLD_RETRY_CAP)
