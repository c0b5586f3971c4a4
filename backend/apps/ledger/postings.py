"""Writing the books: accounts found or opened, balanced transactions posted once per key, reversals.

`ledger_post` is the only writer of transactions. It runs inside the caller's transaction (the payment
change, the payout) so that the books and the change commit or roll back together. It locks the
salon payable accounts it touches (in id order, after whatever the caller locked: booking, payment,
refund), so a payout deciding how much it may take sees every posting that came before it. A key
already posted returns the transaction posted first: a replayed webhook, a reconciliation run, a
backfill or a retry never posts twice, also when two of them race (the key's unique index decides).

Whoever posts a payment's or a refund's causes holds the payment's lock (`payments.records.payment_lock`:
the payments app's own transactions do, and so does the backfill): the entries reference the payment
and its booking, so PostgreSQL checks those keys, which a poster without the lock would wait for.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum

from .models import AccountKind, Cause, LedgerAccount, LedgerEntry, LedgerTransaction


class UnbalancedTransaction(ValueError):
    """The lines of a transaction do not sum to zero, or there are fewer than two of them."""


@dataclass(frozen=True)
class Line:
    account: LedgerAccount
    amount: int  # a debit is positive, a credit negative
    kind: str


def share(amount: int, numerator: int, denominator: int) -> int:
    """`amount × numerator / denominator` in whole halalas, rounded half up (all non-negative)."""
    return (2 * amount * numerator + denominator) // (2 * denominator)


def ledger_account(kind: str, salon_id: int | None = None) -> LedgerAccount:
    """The account, opened on first use (a concurrent opening of the same account is harmless)."""
    if (kind == AccountKind.SALON_PAYABLE) != (salon_id is not None):
        raise ValueError("Only salon payable accounts belong to a salon.")
    account = LedgerAccount.objects.filter(kind=kind, salon_id=salon_id).first()
    if account is not None:
        return account
    try:
        with transaction.atomic():
            return LedgerAccount.objects.create(kind=kind, salon_id=salon_id)
    except IntegrityError:
        return LedgerAccount.objects.get(kind=kind, salon_id=salon_id)


def salon_account_lock(salon_id: int) -> LedgerAccount:
    """The salon's payable account, locked until the end of the caller's transaction."""
    account = ledger_account(AccountKind.SALON_PAYABLE, salon_id)
    return LedgerAccount.objects.select_for_update().get(pk=account.pk)


def ledger_post(
    *,
    key: str,
    cause: str,
    occurred_at: datetime,
    lines: Iterable[Line],
    salon_id: int | None = None,
    booking_id: int | None = None,
    payment_id=None,
    refund_id=None,
    payout_id: int | None = None,
    reverses_id: int | None = None,
    data: dict[str, Any] | None = None,
) -> LedgerTransaction:
    """Post a balanced transaction under `key`, or return the one already posted under it. Lines of
    zero are left out; what remains must be at least two lines summing to zero."""
    lines = [line for line in lines if line.amount != 0]
    if len(lines) < 2 or sum(line.amount for line in lines) != 0:
        raise UnbalancedTransaction(f"{key}: {[(line.account.kind, line.amount) for line in lines]}")
    with transaction.atomic():
        salon_accounts = sorted({line.account.pk for line in lines if line.account.salon_id is not None})
        list(LedgerAccount.objects.select_for_update().filter(pk__in=salon_accounts).order_by("pk"))
        existing = LedgerTransaction.objects.filter(key=key).first()
        if existing is not None:
            return existing
        try:
            with transaction.atomic():
                posted = LedgerTransaction.objects.create(
                    key=key,
                    cause=cause,
                    occurred_at=occurred_at,
                    salon_id=salon_id,
                    booking_id=booking_id,
                    payment_id=payment_id,
                    refund_id=refund_id,
                    payout_id=payout_id,
                    reverses_id=reverses_id,
                    data=data or {},
                )
                LedgerEntry.objects.bulk_create(
                    LedgerEntry(transaction=posted, account=line.account, amount=line.amount, kind=line.kind)
                    for line in lines
                )
        except IntegrityError:  # posted meanwhile by someone else (the key's unique index)
            existing = LedgerTransaction.objects.filter(key=key).first()
            if existing is None:
                raise
            return existing
    return posted


def ledger_reverse(*, key: str, occurred_at: datetime, note: str = "") -> LedgerTransaction:
    """Correct a transaction posted by mistake: a new transaction with every entry negated, under
    `reversal:<key>` (so a reversal is posted once too). The cause itself stays posted: posting it
    again under its key is a no-op, so a reversed cause stays reversed."""
    original = LedgerTransaction.objects.select_related("salon").get(key=key)
    lines = [Line(entry.account, -entry.amount, entry.kind) for entry in original.entries.select_related("account")]
    return ledger_post(
        key=f"reversal:{key}",
        cause=Cause.CORRECTION,
        occurred_at=occurred_at,
        lines=lines,
        salon_id=original.salon_id,
        booking_id=original.booking_id,
        payment_id=original.payment_id,
        refund_id=original.refund_id,
        payout_id=original.payout_id,
        reverses_id=original.pk,
        data={"note": note} if note else {},
    )


def account_balance(account: LedgerAccount) -> int:
    """The sum of the account's entries (debits positive)."""
    return account.entries.aggregate(total=Sum("amount"))["total"] or 0
