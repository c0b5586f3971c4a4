"""`ledger_check`: do the books add up, and do they agree with the payments, refunds and payouts (and,
for a day, with the gateway)? Read-only; every finding is a sentence an operator can act on.

1. Every transaction has at least two entries and sums to zero.
2. Every payment whose money arrived has its receipt posted for its amount (and no other payment
   has one); every succeeded refund has its refund posted for its amount (and no other refund has
   one); each payment's refunded amount is what the books refunded (a refund made in the gateway's
   dashboard has no refund record: it shows here).
3. Each commission is the recorded rate of its amount, its VAT 15 % of it, and what was reversed is
   the refunded share of both.
4. Each salon's balance is what its rows say: received − refunded − commission and VAT (net of
   reversals) − payouts not returned (± corrections).
5. Each payout is posted as far as its status went, and payouts in transit are the created ones.
6. No platform account has a balance on the wrong side (commission, VAT, refunds clearing and payouts
   in transit are credits; the platform's cash may dip below zero, see `SIDES`).
With a gateway day: the gateway's payments created that day against the books, payment by payment.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.core.money import major_units
from apps.payments.models import HoldAction, HoldSettlement, HoldSettlementStatus, Payment, Refund, RefundStatus
from apps.payments.providers import GatewayError, get_gateway

from .backfill import received_payments
from .models import AccountKind, Cause, EntryKind, LedgerEntry, LedgerTransaction, Payout, PayoutStatus
from .postings import share
from .scheme import commission_for

RECEIPT_KINDS = (EntryKind.PAYMENT_CAPTURED, EntryKind.DUPLICATE_PAYMENT)
REFUND_KINDS = (EntryKind.REFUND, EntryKind.DUPLICATE_REFUND)
# The side each platform account's balance must stay on (+1: debit or zero, -1: credit or zero). Not the
# platform's cash: a refund after the salon was paid out is paid by the platform (the salon's balance
# goes negative until its next payouts recover it), which can take the cash below zero for a while.
SIDES = {
    AccountKind.COMMISSION_REVENUE: -1,
    AccountKind.COMMISSION_VAT: -1,
    AccountKind.REFUNDS_CLEARING: -1,
    AccountKind.PAYOUTS_IN_TRANSIT: -1,
    AccountKind.CUSTOMER_PREPAID: -1,
}


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def sar(halalas: int) -> str:
    return f"{major_units(halalas)} SAR" if halalas >= 0 else f"-{major_units(-halalas)} SAR"


def _cash_by(group: str, kinds) -> dict:
    """Platform cash moved per payment or refund by entries of `kinds` (debits positive)."""
    rows = (
        LedgerEntry.objects.filter(account__kind=AccountKind.PLATFORM_CASH, kind__in=kinds)
        .values_list(f"transaction__{group}")
        .annotate(total=Sum("amount"))
    )
    return {key: total for key, total in rows if key is not None}


def _compare(report: CheckReport, what: str, expected: dict, posted: dict) -> None:
    for key in sorted(set(expected) | set(posted), key=str):
        want, got = expected.get(key, 0), posted.get(key, 0)
        if want != got:
            report.problems.append(f"{what} {key}: the records say {sar(want)}, the books {sar(got)}.")


def _check_balanced(report: CheckReport) -> None:
    totals = LedgerTransaction.objects.annotate(total=Coalesce(Sum("entries__amount"), 0), lines=Count("entries"))
    for key, total, lines in totals.filter(~Q(total=0) | Q(lines__lt=2)).values_list("key", "total", "lines"):
        report.problems.append(f"Transaction {key} does not balance: {lines} entries summing to {sar(total)}.")
    report.facts.append(f"{LedgerTransaction.objects.count()} transactions, {LedgerEntry.objects.count()} entries.")


def _check_money_rows(report: CheckReport) -> None:
    received = dict(received_payments().values_list("pk", "amount"))
    _compare(report, "Money received for payment", received, _cash_by("payment_id", RECEIPT_KINDS))
    succeeded = dict(Refund.objects.filter(status=RefundStatus.SUCCEEDED).values_list("pk", "amount"))
    refunded_by_refund = {key: -total for key, total in _cash_by("refund_id", REFUND_KINDS).items()}
    _compare(report, "Refund", succeeded, refunded_by_refund)
    refunded_by_payment = {key: -total for key, total in _cash_by("payment_id", REFUND_KINDS).items()}
    recorded_refunded = dict(Payment.objects.filter(refunded_amount__gt=0).values_list("pk", "refunded_amount"))
    _compare(report, "Refunded from payment", recorded_refunded, refunded_by_payment)
    report.facts.append(f"{len(received)} payments received, {len(succeeded)} refunds succeeded.")


def _payment_sums() -> dict:
    """Each payment's salon payable entries summed by kind."""
    rows = (
        LedgerEntry.objects.filter(account__kind=AccountKind.SALON_PAYABLE, transaction__payment_id__isnull=False)
        .values_list("transaction__payment_id", "kind")
        .annotate(total=Sum("amount"))
    )
    sums: dict = defaultdict(dict)
    for payment_id, kind, total in rows:
        sums[payment_id][kind] = total
    return sums


def _check_commission_and_salons(report: CheckReport) -> None:
    """Recompute each salon's balance from the rows (payments, refunds, payouts) with the commission
    rate each payment was charged at, and each payment's commission and reversals on the way."""
    duplicates = LedgerTransaction.objects.filter(cause=Cause.DUPLICATE_RECEIVED).values("payment_id")
    charged = dict(LedgerTransaction.objects.filter(cause=Cause.COMMISSION_CHARGED).values_list("payment_id", "data"))
    refunded = dict(
        Refund.objects.filter(status=RefundStatus.SUCCEEDED).values_list("payment_id").annotate(total=Sum("amount"))
    )
    posted_by_payment = _payment_sums()
    expected: dict = defaultdict(int)
    payments = received_payments().exclude(pk__in=duplicates).values_list("pk", "booking__salon_id", "amount")
    for payment_id, salon_id, amount in payments:
        back = refunded.get(payment_id, 0)
        data = charged.get(payment_id)
        owed = (0, 0, 0, 0)
        if data is not None:
            if data.get("base") != amount:
                report.problems.append(
                    f"Commission of payment {payment_id} was charged on {sar(data.get('base') or 0)}, "
                    f"the payment is {sar(amount)}."
                )
            owed = _expected_commission(amount, data["rate_bps"], back)
            posted = posted_by_payment.get(payment_id, {})
            in_books = (
                posted.get(EntryKind.COMMISSION, 0),
                posted.get(EntryKind.COMMISSION_VAT, 0),
                -posted.get(EntryKind.COMMISSION_REVERSAL, 0),
                -posted.get(EntryKind.COMMISSION_VAT_REVERSAL, 0),
            )
            if in_books != owed:
                report.problems.append(
                    f"Commission of payment {payment_id} at {data['rate_bps'] / 100:g}%: (commission, VAT, "
                    f"reversed, VAT reversed) should be {owed}, the books have {in_books}."
                )
        commission, vat, commission_back, vat_back = owed
        expected[salon_id] += amount - back - (commission - commission_back) - (vat - vat_back)
    _expect_fees(report, expected, charged)
    for salon_id, total in (
        Payout.objects.exclude(status=PayoutStatus.RETURNED).values_list("salon_id").annotate(total=Sum("amount"))
    ):
        expected[salon_id] -= total
    salon_entries = LedgerEntry.objects.filter(account__kind=AccountKind.SALON_PAYABLE)
    # Corrections, and prepaid value used at bookings (packages and gift cards, ADR 0018; their own
    # reversals are corrections), are taken as the books have them.
    for salon_id, total in (
        salon_entries.filter(transaction__cause__in=(Cause.CORRECTION, Cause.PREPAID_REDEEMED))
        .values_list("account__salon_id")
        .annotate(t=Sum("amount"))
    ):
        expected[salon_id] -= total
    posted = {
        salon_id: -total
        for salon_id, total in salon_entries.values_list("account__salon_id").annotate(total=Sum("amount"))
    }
    _compare(report, "Balance of salon", {k: v for k, v in expected.items() if v or k in posted}, posted)
    report.facts.append(f"{len(posted)} salons in the books.")


def _expect_fees(report: CheckReport, expected: dict, charged: dict) -> None:
    """The fees card holds were charged (ADR 0016): the salon's, less the commission on them."""
    fees = HoldSettlement.objects.filter(status=HoldSettlementStatus.SUCCEEDED, action=HoldAction.CAPTURE)
    for payment_id, salon_id, amount in fees.values_list("payment_id", "payment__booking__salon_id", "amount"):
        data = charged.get(payment_id)
        commission, vat = commission_for(amount, data["rate_bps"]) if data is not None else (0, 0)
        if data is not None and data.get("base") != amount:
            report.problems.append(f"Commission of the fee of payment {payment_id} was charged on another amount.")
        expected[salon_id] += amount - commission - vat


def _expected_commission(amount: int, rate: int, refunded: int) -> tuple[int, int, int, int]:
    """(commission, VAT, reversed, VAT reversed) of a payment after `refunded` of it went back."""
    commission, vat = commission_for(amount, rate)
    refunded = min(refunded, amount)
    return commission, vat, share(commission, refunded, amount), share(vat, refunded, amount)


def _check_payouts(report: CheckReport) -> None:
    posted: dict = defaultdict(set)
    for payout_id, cause in (
        LedgerTransaction.objects.filter(payout_id__isnull=False)
        .exclude(cause=Cause.CORRECTION)
        .values_list("payout_id", "cause")
    ):
        posted[payout_id].add(cause)
    amounts = dict(
        LedgerEntry.objects.filter(transaction__cause=Cause.PAYOUT_CREATED, account__kind=AccountKind.SALON_PAYABLE)
        .values_list("transaction__payout_id")
        .annotate(total=Sum("amount"))
    )
    steps = {
        PayoutStatus.CREATED: {Cause.PAYOUT_CREATED},
        PayoutStatus.SENT: {Cause.PAYOUT_CREATED, Cause.PAYOUT_SENT},
    }
    payouts = Payout.objects.values_list("pk", "status", "amount")
    for payout_id, status, amount in payouts:
        have = posted[payout_id]
        if status == PayoutStatus.RETURNED:
            complete = {Cause.PAYOUT_CREATED, Cause.PAYOUT_RETURNED} <= have
        else:
            complete = have == steps[status]
        reference = f"PO-{payout_id:06d}"
        if not complete:
            report.problems.append(f"Payout {reference} is {status}, the books have {sorted(have) or 'nothing'}.")
        if amounts.get(payout_id, 0) != amount:
            report.problems.append(
                f"Payout {reference} is {sar(amount)}, the books took {sar(amounts.get(payout_id, 0))} for it."
            )
    report.facts.append(f"{len(payouts)} payouts.")


def _check_sides(report: CheckReport) -> None:
    balances = dict(
        LedgerEntry.objects.filter(account__salon__isnull=True)
        .values_list("account__kind")
        .annotate(total=Sum("amount"))
    )
    for kind, side in SIDES.items():
        total = balances.get(kind, 0)
        if total * side < 0:
            report.problems.append(f"The {AccountKind(kind).label} account is on the wrong side: {sar(total)}.")
    in_transit = Payout.objects.filter(status=PayoutStatus.CREATED).aggregate(total=Sum("amount"))["total"] or 0
    if -balances.get(AccountKind.PAYOUTS_IN_TRANSIT, 0) != in_transit:
        report.problems.append(
            f"Payouts in transit: the payouts to send come to {sar(in_transit)}, the account holds "
            f"{sar(-balances.get(AccountKind.PAYOUTS_IN_TRANSIT, 0))}."
        )


# --- Against the gateway -------------------------------------------------------------------------

_MONEY_STATUSES = ("paid", "captured", "refunded")


def _check_gateway_day(report: CheckReport, day: date) -> None:
    zone = timezone.get_default_timezone()
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = start + timedelta(days=1)
    try:
        remote = get_gateway().list_payments(created_from=start, created_to=end)
    except GatewayError as exc:
        report.problems.append(f"The gateway could not list the payments of {day}: {exc}")
        return
    known = {
        str(pk)
        for pk in Payment.objects.filter(pk__in=[p.id for p in remote if _is_uuid(p.id)]).values_list("pk", flat=True)
    }
    received_in_books = {str(key): total for key, total in _cash_by("payment_id", RECEIPT_KINDS).items()}
    refunded_in_books = {str(key): -total for key, total in _cash_by("payment_id", REFUND_KINDS).items()}
    totals = defaultdict(int)
    for payment in remote:
        if payment.metadata.get("purchase_id"):
            continue  # a package's or gift card's payment (ADR 0018): no booking payment of ours
        pid = payment.id.lower()
        received = (payment.captured or payment.amount) if payment.status in _MONEY_STATUSES else 0
        refunded = payment.refunded if payment.status in _MONEY_STATUSES else 0
        totals["gateway received"] += received
        totals["gateway refunded"] += refunded
        totals["books received"] += received_in_books.get(pid, 0)
        totals["books refunded"] += refunded_in_books.get(pid, 0)
        if pid not in known:
            if received:
                report.problems.append(f"The gateway has payment {pid} ({sar(received)}, {payment.status}); we do not.")
            continue
        if received != received_in_books.get(pid, 0) or refunded != refunded_in_books.get(pid, 0):
            report.problems.append(
                f"Payment {pid} at the gateway: {payment.status}, received {sar(received)}, refunded {sar(refunded)}; "
                f"the books: received {sar(received_in_books.get(pid, 0))}, refunded {sar(refunded_in_books.get(pid, 0))}."
            )
    report.facts.append(
        f"Gateway, payments created on {day}: {len(remote)}; received {sar(totals['gateway received'])} "
        f"(books {sar(totals['books received'])}), refunded {sar(totals['gateway refunded'])} "
        f"(books {sar(totals['books refunded'])})."
    )


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def ledger_check(*, gateway_day: date | None = None) -> CheckReport:
    report = CheckReport()
    _check_balanced(report)
    _check_money_rows(report)
    _check_commission_and_salons(report)
    _check_payouts(report)
    _check_sides(report)
    if gateway_day is not None:
        _check_gateway_day(report, gateway_day)
    return report
