"""Reading the books for a salon: its balance (available, pending, in transit, paid out) and its
statement over a period, with a running balance.

What a salon is owed is the credit balance of its payable account. Part of it is **pending**: the money
of paid bookings whose visit has not ended yet, or ended less than `LEDGER_REFUND_WINDOW_HOURS` ago,
or that have a refund of the salon's money in flight (pending, or failed and waiting for an operator). The rest is
**available** and is what a payout may take. Why this window and not the salon's cancellation window:
that one governs customers' cancellations *before* the visit and has always passed when the visit
ends; after the visit the money can still go back (a salon cancelling a booking it never marked
completed, an operator's refund), and the window keeps it from being paid out meanwhile. A refund
after the money was paid out makes the balance negative; the next payouts recover it.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from apps.payments.models import PaymentStatus, Refund, RefundStatus
from apps.salons.models import Salon

from .models import AccountKind, LedgerEntry, Payout, PayoutStatus, SalonPayoutAccount
from .scheme import commission_rate_bps

CURRENCY = "SAR"


@dataclass(frozen=True)
class SalonBalance:
    currency: str
    balance: int
    available: int
    pending: int
    in_transit: int
    paid_out: int
    commission_rate_bps: int
    minimum_payout: int
    payouts_enabled: bool
    refund_window_hours: int


def _salon_entries(salon_id: int) -> QuerySet[LedgerEntry]:
    return LedgerEntry.objects.filter(account__kind=AccountKind.SALON_PAYABLE, account__salon_id=salon_id)


def _owed(entries: QuerySet[LedgerEntry]) -> int:
    """What the entries say the platform owes the salon (credits are negative)."""
    return -(entries.aggregate(total=Sum("amount"))["total"] or 0)


def pending_q(now: datetime) -> Q:
    """Entries of a booking whose money is not yet available (see the module's docstring)."""
    window = timedelta(hours=settings.LEDGER_REFUND_WINDOW_HOURS)
    in_flight = Refund.objects.filter(
        payment__booking_id=OuterRef("transaction__booking_id"),
        status__in=(RefundStatus.PENDING, RefundStatus.FAILED),
    ).exclude(payment__status=PaymentStatus.DUPLICATE)  # a duplicate's refund is not the salon's money
    return Q(transaction__booking__isnull=False) & (Q(transaction__booking__end__gt=now - window) | Exists(in_flight))


def salon_owed(*, salon_id: int, now: datetime) -> tuple[int, int]:
    """(balance, pending) of the salon: what it is owed now, and the part of it not yet available."""
    entries = _salon_entries(salon_id)
    return _owed(entries), _owed(entries.filter(pending_q(now)))


def salon_balance(*, salon: Salon, now: datetime | None = None) -> SalonBalance:
    now = now or timezone.now()
    balance, pending = salon_owed(salon_id=salon.pk, now=now)
    payouts = Payout.objects.filter(salon=salon)
    return SalonBalance(
        currency=CURRENCY,
        balance=balance,
        available=balance - pending,
        pending=pending,
        in_transit=payouts.filter(status=PayoutStatus.CREATED).aggregate(total=Sum("amount"))["total"] or 0,
        paid_out=payouts.filter(status=PayoutStatus.SENT).aggregate(total=Sum("amount"))["total"] or 0,
        commission_rate_bps=commission_rate_bps(salon.pk),
        minimum_payout=settings.PAYOUT_MINIMUM_HALALAS,
        payouts_enabled=SalonPayoutAccount.objects.filter(salon=salon).exists(),
        refund_window_hours=settings.LEDGER_REFUND_WINDOW_HOURS,
    )


# --- Statement -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatementLine:
    entry: LedgerEntry
    amount: int  # from the salon's side: + owed to the salon, − taken from it
    balance_after: int


@dataclass(frozen=True)
class Statement:
    currency: str
    start: datetime
    end: datetime
    opening_balance: int
    closing_balance: int
    lines: list[StatementLine]


def salon_statement(*, salon: Salon, start: datetime, end: datetime) -> Statement:
    """The salon's entries that occurred in [start, end), oldest first, each with the balance after it."""
    entries = _salon_entries(salon.pk)
    opening = _owed(entries.filter(transaction__occurred_at__lt=start))
    rows = (
        entries.filter(transaction__occurred_at__gte=start, transaction__occurred_at__lt=end)
        .select_related("transaction__booking", "transaction__payout")
        .order_by("transaction__occurred_at", "transaction_id", "id")
    )
    lines, running = [], opening
    for entry in rows:
        running -= entry.amount
        lines.append(StatementLine(entry=entry, amount=-entry.amount, balance_after=running))
    return Statement(CURRENCY, start, end, opening, running, lines)
