"""`ledger_backfill` posts what the books miss, once; `ledger_check` passes on good books and reports
every disagreement (a tampered row, a payment changed, a refund outside the platform, a gateway day)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from apps.backoffice.tests.conftest import make_payment
from apps.payments.models import EventSource, FakeGatewayPayment, Payment, PaymentStatus, Refund, RefundReason
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import remote

from ..backfill import ledger_backfill
from ..checks import ledger_check
from ..models import Cause, LedgerTransaction, SalonPayoutAccount
from ..payouts import payout_batch_create, payout_mark_returned, payout_mark_sent
from ..selectors import salon_balance
from .conftest import IBAN, PRICE, receive, refund, visit

pytestmark = pytest.mark.django_db


def old_rows(stylist, customer):
    """A paid payment with a partial refund, and a duplicate refunded in full, written before the
    ledger existed (directly, so nothing was posted)."""
    booking = visit(stylist, customer)
    paid = make_payment(booking, refunded_amount=2000)
    Payment.objects.filter(pk=paid.pk).update(paid_at=timezone.now() - timedelta(days=9))
    Refund.objects.create(
        payment=paid,
        amount=2000,
        reason=RefundReason.ADMIN,
        status="succeeded",
        refunded_before=0,
        succeeded_at=timezone.now() - timedelta(days=8),
    )
    duplicate = make_payment(booking, status=PaymentStatus.REFUNDED, refunded_amount=PRICE)
    Payment.objects.filter(pk=duplicate.pk).update(paid_at=timezone.now() - timedelta(days=9))
    duplicate.events.create(source=EventSource.WEBHOOK, kind="status_changed", to_status=PaymentStatus.DUPLICATE)
    Refund.objects.create(
        payment=duplicate,
        amount=PRICE,
        reason=RefundReason.DUPLICATE_PAYMENT,
        status="succeeded",
        refunded_before=0,
        succeeded_at=timezone.now() - timedelta(days=8),
    )
    never_paid = make_payment(visit(stylist, customer), status=PaymentStatus.FAILED)
    return paid, duplicate, never_paid


def test_the_backfill_posts_what_is_missing_once(salon, stylist, customer):
    paid, duplicate, _never_paid = old_rows(stylist, customer)
    assert not ledger_check().ok

    first = ledger_backfill()
    second = ledger_backfill()

    assert (first.payments, first.refunds, first.transactions) == (2, 2, 6)
    assert (second.payments, second.refunds, second.transactions) == (0, 0, 0)
    causes = sorted(LedgerTransaction.objects.values_list("cause", flat=True))
    assert causes == sorted(
        ["payment_captured", "commission_charged", "refund_succeeded", "commission_reversed"]
        + ["duplicate_received", "duplicate_refunded"]
    )
    captured = LedgerTransaction.objects.get(key=f"payment:{paid.pk}:captured")
    paid.refresh_from_db()
    assert captured.occurred_at == paid.paid_at
    assert salon_balance(salon=salon).balance == PRICE - 2000 - 1150 - 173 + 200 + 30
    report = ledger_check()
    assert report.problems == []


def test_the_command_reports_what_it_posted(salon, stylist, customer):
    old_rows(stylist, customer)
    out = StringIO()

    call_command("ledger_backfill", stdout=out)

    assert out.getvalue().strip() == "Payments posted: 2; refunds posted: 2; transactions written: 6."


def books(stylist, customer):
    """Live books: payments, refunds, a duplicate, payouts sent and returned."""
    first = receive(visit(stylist, customer))
    refund(first, 1500)
    receive(visit(stylist, customer, days=3))
    receive(first.booking)  # a duplicate, its refund still pending
    SalonPayoutAccount.objects.create(salon=stylist.salon, iban=IBAN, iban_changed_at=timezone.now())
    payout = payout_batch_create(minimum=1).payouts[0]
    payout_mark_sent(payout_id=payout.pk, bank_reference="TRF-1")
    payout_mark_returned(payout_id=payout.pk, reference="RET-1", reason="account closed")
    payout_batch_create(minimum=1)
    return first


def test_the_check_passes_on_good_books_and_says_so(salon, stylist, customer):
    books(stylist, customer)
    out = StringIO()

    call_command("ledger_check", stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == "11 transactions, 28 entries."
    assert lines[-1] == "The ledger adds up."


def test_the_check_fails_on_a_payment_amount_changed_behind_the_books(salon, stylist, customer):
    books(stylist, customer)
    payment = Payment.objects.filter(status=PaymentStatus.PAID).order_by("paid_at").last()
    Payment.objects.filter(pk=payment.pk).update(amount=12000)
    err = StringIO()

    with pytest.raises(CommandError, match="does not add up"):
        call_command("ledger_check", stdout=StringIO(), stderr=err)

    assert (
        f"- Money received for payment {payment.pk}: the records say 120.00 SAR, the books 115.00 SAR."
        in err.getvalue()
    )
    assert f"- Balance of salon {payment.booking.salon_id}: " in err.getvalue()


def _tamper(entry_id: int, change: int) -> None:
    """Change an entry's amount with raw SQL behind the models' back (and, on PostgreSQL, with the
    triggers off, as a superuser can)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("UPDATE ledger_ledgerentry SET amount = amount + %s WHERE id = %s", [change, entry_id])
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")


def test_the_check_fails_on_a_tampered_entry(salon, stylist, customer):
    books(stylist, customer)
    commission = LedgerTransaction.objects.filter(cause=Cause.COMMISSION_CHARGED).order_by("id").first()
    entry = commission.entries.order_by("id").first()
    _tamper(entry.pk, -100)

    report = ledger_check()

    assert f"Transaction {commission.key} does not balance: 4 entries summing to -1.00 SAR." in report.problems
    # (PostgreSQL's deferred check would refuse the tampered transaction at commit: put it back.)
    _tamper(entry.pk, +100)


def test_the_check_sees_a_refund_made_outside_the_platform(salon, stylist, customer):
    payment = receive(visit(stylist, customer))
    report = remote(payment, status="refunded", refunded=PRICE)
    payment_sync(payment_id=payment.pk, remote=report, source=EventSource.RECONCILE)

    problems = ledger_check().problems

    assert f"Refunded from payment {payment.pk}: the records say 115.00 SAR, the books 0.00 SAR." in problems


def test_a_gateway_day_agrees_with_the_books(salon, stylist, customer, settings):
    payment = receive(visit(stylist, customer))
    FakeGatewayPayment.objects.create(
        id=payment.pk, amount=PRICE, currency="SAR", status="refunded", source_type="creditcard", refunded=1000
    )
    refund(payment, 1000)
    out = StringIO()

    call_command("ledger_check", "--gateway-day", timezone.localdate().isoformat(), stdout=out)

    assert (
        "Gateway, payments created on " + timezone.localdate().isoformat() + ": 1; received 115.00 SAR "
        "(books 115.00 SAR), refunded 10.00 SAR (books 10.00 SAR)."
    ) in out.getvalue()


def test_a_gateway_day_with_money_the_books_do_not_have_fails(salon, stylist, customer):
    payment = receive(visit(stylist, customer))
    FakeGatewayPayment.objects.create(
        id=payment.pk, amount=PRICE, currency="SAR", status="refunded", source_type="creditcard", refunded=PRICE
    )
    stranger = FakeGatewayPayment.objects.create(
        id="0b7b2a52-0000-4000-8000-000000000001", amount=5000, currency="SAR", status="paid", source_type="applepay"
    )

    problems = ledger_check(gateway_day=timezone.localdate()).problems

    assert problems == [
        f"Payment {payment.pk} at the gateway: refunded, received 115.00 SAR, refunded 115.00 SAR; "
        "the books: received 115.00 SAR, refunded 0.00 SAR.",
        f"The gateway has payment {stranger.pk} (50.00 SAR, paid); we do not.",
    ]


def test_an_unreadable_gateway_day_is_refused(salon):
    with pytest.raises(CommandError, match="--gateway-day must be a date"):
        call_command("ledger_check", "--gateway-day", "yesterday")
