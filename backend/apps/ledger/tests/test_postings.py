"""Posting itself: balanced or refused, once per key, append-only (the models everywhere, triggers on
PostgreSQL), corrections as reversing transactions."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, connection, transaction

from ..models import AccountKind, Cause, EntryKind, LedgerEntry, LedgerIsAppendOnly, LedgerTransaction
from ..postings import Line, UnbalancedTransaction, account_balance, ledger_account, ledger_post, ledger_reverse, share

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL triggers")


def post(key="test:1", amount=500, **kwargs) -> LedgerTransaction:
    cash, clearing = ledger_account(AccountKind.PLATFORM_CASH), ledger_account(AccountKind.REFUNDS_CLEARING)
    lines = kwargs.pop("lines", [Line(cash, amount, EntryKind.REFUND), Line(clearing, -amount, EntryKind.REFUND)])
    return ledger_post(key=key, cause=Cause.DUPLICATE_RECEIVED, occurred_at=T0, lines=lines, **kwargs)


@pytest.mark.parametrize(
    "numerator, denominator, expected",
    [(1, 2, 500), (3333, 10000, 333), (6666, 10000, 667), (15, 100, 150), (0, 7, 0), (1, 2000, 1), (1, 2001, 0)],
)
def test_share_rounds_half_up(numerator, denominator, expected):
    assert share(1000, numerator, denominator) == expected


def test_a_transaction_is_posted_once_per_key():
    first = post()

    again = post(amount=900)

    assert again.pk == first.pk
    assert LedgerEntry.objects.count() == 2
    assert account_balance(ledger_account(AccountKind.PLATFORM_CASH)) == 500


@pytest.mark.parametrize(
    "amounts", [[500, -400], [500], [0, 0], []], ids=["not summing to zero", "one line", "only zeros", "none"]
)
def test_an_unbalanced_transaction_is_refused_and_nothing_is_written(amounts):
    cash = ledger_account(AccountKind.PLATFORM_CASH)
    with pytest.raises(UnbalancedTransaction):
        post(lines=[Line(cash, amount, EntryKind.REFUND) for amount in amounts])

    assert LedgerTransaction.objects.count() == 0


def test_lines_of_zero_are_left_out():
    cash, clearing = ledger_account(AccountKind.PLATFORM_CASH), ledger_account(AccountKind.REFUNDS_CLEARING)

    posted = post(
        lines=[Line(cash, 5, EntryKind.REFUND), Line(clearing, 0, EntryKind.REFUND), Line(clearing, -5, "refund")]
    )

    assert posted.entries.count() == 2


def test_only_salon_payables_belong_to_a_salon(salon):
    with pytest.raises(ValueError):
        ledger_account(AccountKind.PLATFORM_CASH, salon.pk)
    with pytest.raises(ValueError):
        ledger_account(AccountKind.SALON_PAYABLE)
    assert ledger_account(AccountKind.SALON_PAYABLE, salon.pk) == ledger_account(AccountKind.SALON_PAYABLE, salon.pk)


def test_the_models_refuse_to_change_or_delete_ledger_rows():
    posted = post()
    entry = posted.entries.first()

    for attempt in (
        posted.save,
        posted.delete,
        entry.save,
        entry.delete,
        lambda: LedgerEntry.objects.filter(pk=entry.pk).update(amount=1),
        lambda: LedgerEntry.objects.all().delete(),
        lambda: LedgerTransaction.objects.filter(pk=posted.pk).update(key="x"),
        lambda: LedgerTransaction.objects.all().delete(),
    ):
        with pytest.raises(LedgerIsAppendOnly):
            attempt()
    assert LedgerEntry.objects.get(pk=entry.pk).amount == entry.amount


@on_postgresql
@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE ledger_ledgerentry SET amount = amount + 1",
        "DELETE FROM ledger_ledgerentry",
        "UPDATE ledger_ledgertransaction SET key = 'tampered'",
        "DELETE FROM ledger_ledgertransaction",
    ],
)
def test_postgresql_refuses_updates_and_deletes_of_ledger_rows(statement):
    post()

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(statement)


def _check_deferred_constraints_now():
    """PostgreSQL runs the checks deferred to the commit when they are made immediate."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


@on_postgresql
def test_postgresql_refuses_at_commit_a_transaction_that_does_not_balance():
    cash = ledger_account(AccountKind.PLATFORM_CASH)
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic():
        txn = LedgerTransaction.objects.create(key="bad", cause=Cause.CORRECTION, occurred_at=T0)
        LedgerEntry.objects.create(transaction=txn, account=cash, amount=1, kind=EntryKind.REFUND)
        _check_deferred_constraints_now()


@on_postgresql
def test_postgresql_refuses_at_commit_a_transaction_without_entries():
    with pytest.raises(IntegrityError, match="does not balance"), transaction.atomic():
        LedgerTransaction.objects.create(key="empty", cause=Cause.CORRECTION, occurred_at=T0)
        _check_deferred_constraints_now()


@on_postgresql
def test_postgresql_accepts_at_commit_what_ledger_post_writes():
    with transaction.atomic():
        post()
        _check_deferred_constraints_now()

    assert LedgerTransaction.objects.count() == 1


def test_a_correction_reverses_every_entry_once():
    original = post(amount=700)

    reversal = ledger_reverse(key=original.key, occurred_at=T0, note="posted by mistake")
    again = ledger_reverse(key=original.key, occurred_at=T0)

    assert again.pk == reversal.pk
    assert (reversal.key, reversal.cause, reversal.reverses_id) == ("reversal:test:1", Cause.CORRECTION, original.pk)
    assert sorted(reversal.entries.values_list("amount", flat=True)) == [-700, 700]
    assert account_balance(ledger_account(AccountKind.PLATFORM_CASH)) == 0
    assert post(amount=700).pk == original.pk  # the cause stays posted (and reversed)
