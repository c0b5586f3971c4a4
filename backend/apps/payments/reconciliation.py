"""Bring our records in line with the gateway: missed webhooks, abandoned returns, crashes between
calls, refunds that failed. Safe at any time, any number of times, on several servers at once:
rows are claimed in short transactions (`SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL) and stamped
with the next time they are due, and every step is idempotent.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.bookings.models import BookingStatus

from .idempotency import idempotency_purge
from .models import HELD_STATUSES, EventSource, Payment, PaymentStatus, Refund, RefundStatus
from .providers import GatewayError, GatewayNotFound, get_gateway
from .records import NOT_AT_GATEWAY, payment_mark_failed
from .sync import payment_settle_booking, payment_sync, refund_execute

logger = logging.getLogger(__name__)

# An initiated payment younger than this may still be being created: left alone.
MIN_AGE = timedelta(minutes=1)
# A payment Moyasar still does not know after this long was never created there.
NOT_FOUND_GRACE = timedelta(minutes=15)
# Initiated payments, and payments we failed without the gateway's word, are followed this long (the
# payer abandoned them otherwise).
MAX_AGE = timedelta(days=7)
CHECK_INTERVAL = timedelta(minutes=2)
CHECK_INTERVAL_CAP = timedelta(hours=6)
BATCH_SIZE = 100
_SETTLED_BOOKING_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


@dataclass
class ReconcileSummary:
    payments_checked: int = 0
    payments_changed: int = 0
    payments_unreachable: int = 0
    bookings_settled: int = 0
    refunds_attempted: int = 0
    refunds_succeeded: int = 0
    refunds_failed: int = 0
    keys_purged: int = 0


def _claim_due(queryset, *, now: datetime, limit: int) -> list[uuid.UUID]:
    """Claim up to `limit` due payments: each is stamped with its next check time, backing off."""
    with transaction.atomic():
        # Rows another run holds are skipped (PostgreSQL); SQLite serialises write transactions anyway.
        rows = list(queryset.select_for_update(skip_locked=True, of=("self",)).order_by("created_at")[:limit])
        for payment in rows:
            delay = min(CHECK_INTERVAL * 2**payment.check_count, CHECK_INTERVAL_CAP)
            payment.next_check_at = now + delay
            payment.check_count += 1
            payment.save(update_fields=["next_check_at", "check_count", "updated_at"])
    return [payment.pk for payment in rows]


def _check(payment_id: uuid.UUID, summary: ReconcileSummary, *, now: datetime) -> Payment | None:
    """Fetch the payment and apply what the gateway says; None when it could not be asked."""
    payment = Payment.objects.get(pk=payment_id)
    summary.payments_checked += 1
    try:
        remote = get_gateway().fetch_payment(payment_id)
    except GatewayNotFound:
        if payment.status == PaymentStatus.INITIATED and payment.created_at < now - NOT_FOUND_GRACE:
            payment_mark_failed(payment_id=payment_id, message=NOT_AT_GATEWAY, source=EventSource.RECONCILE)
            summary.payments_changed += 1
        return None
    except GatewayError as exc:
        logger.warning("Reconciliation could not fetch payment %s: %s", payment_id, exc)
        summary.payments_unreachable += 1
        return None
    synced = payment_sync(payment_id=payment_id, remote=remote, source=EventSource.RECONCILE, now=now)
    if synced.status != payment.status or synced.flagged != payment.flagged:
        summary.payments_changed += 1
    return synced


def _due(now: datetime) -> Q:
    return Q(next_check_at__isnull=True) | Q(next_check_at__lte=now)


def _open_payments_due(now: datetime):
    """Initiated payments, and failed ones the gateway never reported (we failed them on a gateway
    error or a "not found"): the gateway may report them paid."""
    failed_by_us = Q(status=PaymentStatus.FAILED, provider_payment_id="")
    return Payment.objects.filter(
        Q(status=PaymentStatus.INITIATED) | failed_by_us,
        _due(now),
        flagged=False,
        created_at__lte=now - MIN_AGE,
        created_at__gte=now - MAX_AGE,
    )


def _unsettled_payments_due(now: datetime):
    """Payments holding money for a booking that is not confirmed and has no refund in flight."""
    return (
        Payment.objects.filter(_due(now), status__in=HELD_STATUSES, flagged=False)
        .exclude(booking__status__in=_SETTLED_BOOKING_STATUSES)
        .exclude(refunds__status__in=(RefundStatus.PENDING, RefundStatus.FAILED))
    )


def reconciliation_due_count() -> int:
    """Payments the next `reconcile_payments` run would check (the reconciliation backlog, for monitoring)."""
    now = timezone.now()
    return _open_payments_due(now).count() + _unsettled_payments_due(now).count()


def _reconcile_open(summary: ReconcileSummary, *, now: datetime, batch_size: int) -> None:
    open_payments = _open_payments_due(now)
    while batch := _claim_due(open_payments, now=now, limit=batch_size):
        for payment_id in batch:
            _check(payment_id, summary, now=now)


def _reconcile_unsettled(summary: ReconcileSummary, *, now: datetime, batch_size: int) -> None:
    unsettled = _unsettled_payments_due(now)
    while batch := _claim_due(unsettled, now=now, limit=batch_size):
        for payment_id in batch:
            synced = _check(payment_id, summary, now=now)
            if synced is not None and synced.status in HELD_STATUSES:
                payment_settle_booking(payment_id=payment_id, now=now)
                summary.bookings_settled += 1


def _reconcile_refunds(summary: ReconcileSummary, *, now: datetime) -> None:
    due = Refund.objects.filter(status=RefundStatus.PENDING).filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    )
    for refund_id in list(due.order_by("created_at").values_list("pk", flat=True)):
        refund = refund_execute(refund_id=refund_id, now=now)  # claims the refund itself
        if refund is None:
            continue
        summary.refunds_attempted += 1
        if refund.status == RefundStatus.SUCCEEDED:
            summary.refunds_succeeded += 1
        elif refund.status == RefundStatus.FAILED:
            summary.refunds_failed += 1


def payments_reconcile(*, now: datetime | None = None, batch_size: int = BATCH_SIZE) -> ReconcileSummary:
    """Check due initiated payments and payments we failed without the gateway's word with the
    gateway, check and settle payments holding money for a booking left unconfirmed, retry pending
    refunds, and delete idempotency keys past their retention."""
    now = now or timezone.now()
    summary = ReconcileSummary()
    _reconcile_open(summary, now=now, batch_size=batch_size)
    _reconcile_unsettled(summary, now=now, batch_size=batch_size)
    _reconcile_refunds(summary, now=now)
    summary.keys_purged = idempotency_purge(now=now)
    return summary
