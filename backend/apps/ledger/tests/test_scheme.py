"""The posting scheme, heard through the payments' own events: a payment received, its commission,
refunds (full and partial) with the commission reversed cumulatively, duplicates, replays."""

import pytest
from django.db.models import Sum

from apps.payments.events import MoneyMoved, PaymentEventKind, payment_reactors
from apps.payments.models import EventSource, PaymentStatus
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import remote

from ..models import AccountKind, Cause, LedgerAccount, LedgerEntry, LedgerTransaction, SalonCommission
from ..selectors import salon_balance
from .conftest import PRICE, receive, refund, visit

pytestmark = pytest.mark.django_db


def balance_of(kind: str, salon=None) -> int:
    """The account's balance, debits positive."""
    account = LedgerAccount.objects.filter(kind=kind, salon=salon).first()
    return (account.entries.aggregate(total=Sum("amount"))["total"] or 0) if account else 0


def postings() -> list[tuple[str, str, list[tuple[str, int]]]]:
    """Every transaction as (cause, key prefix, [(account kind, amount)])."""
    return [
        (
            txn.cause,
            txn.key.rsplit(":", 1)[1],
            [(entry.account.kind, entry.amount) for entry in txn.entries.select_related("account").order_by("id")],
        )
        for txn in LedgerTransaction.objects.order_by("id")
    ]


def test_a_payment_received_posts_the_capture_and_the_commission_with_its_vat(salon, stylist, customer):
    payment = receive(visit(stylist, customer))

    assert postings() == [
        ("payment_captured", "captured", [("platform_cash", PRICE), ("salon_payable", -PRICE)]),
        (
            "commission_charged",
            "commission",
            [("salon_payable", 1150), ("salon_payable", 173), ("commission_revenue", -1150), ("commission_vat", -173)],
        ),
    ]
    commission = LedgerTransaction.objects.get(cause=Cause.COMMISSION_CHARGED)
    assert commission.data == {"rate_bps": 1000, "base": PRICE}
    assert (commission.payment_id, commission.booking_id, commission.salon_id) == (
        payment.pk,
        payment.booking_id,
        salon.pk,
    )
    assert commission.occurred_at == payment.paid_at
    assert salon_balance(salon=salon).balance == PRICE - 1150 - 173


def test_a_replayed_report_and_a_replayed_event_post_nothing_more(salon, stylist, customer):
    payment = receive(visit(stylist, customer))
    before = LedgerTransaction.objects.count()

    payment_sync(payment_id=payment.pk, remote=remote(payment, status="paid"), source=EventSource.RECONCILE)
    payment_reactors.publish(
        MoneyMoved(payment.booking_id, PaymentEventKind.PAYMENT_RECEIVED, {"payment_id": str(payment.pk)})
    )

    assert LedgerTransaction.objects.count() == before == 2


def test_a_full_refund_takes_the_money_back_and_returns_the_commission(salon, stylist, customer):
    payment = receive(visit(stylist, customer))

    refund(payment, PRICE)

    assert [cause for cause, _key, _lines in postings()] == [
        "payment_captured",
        "commission_charged",
        "refund_succeeded",
        "commission_reversed",
    ]
    assert postings()[3][2] == [
        ("commission_revenue", 1150),
        ("commission_vat", 173),
        ("salon_payable", -1150),
        ("salon_payable", -173),
    ]
    assert salon_balance(salon=salon).balance == 0
    for kind in AccountKind.values:
        assert balance_of(kind, salon if kind == AccountKind.SALON_PAYABLE else None) == 0


def test_partial_refunds_reverse_the_commission_cumulatively_to_the_halala(salon, stylist, customer):
    payment = receive(visit(stylist, customer, price=10000))  # commission 1000, its VAT 150

    for amount in (3333, 3333, 3334):
        refund(payment, amount)

    reversals = LedgerTransaction.objects.filter(cause=Cause.COMMISSION_REVERSED).order_by("id")
    revenue_back = [txn.entries.get(account__kind=AccountKind.COMMISSION_REVENUE).amount for txn in reversals]
    vat_back = [txn.entries.get(account__kind=AccountKind.COMMISSION_VAT).amount for txn in reversals]
    assert revenue_back == [333, 334, 333]
    assert vat_back == [50, 50, 50]
    assert balance_of(AccountKind.COMMISSION_REVENUE) == balance_of(AccountKind.COMMISSION_VAT) == 0
    assert salon_balance(salon=salon).balance == 0


def test_a_small_refund_whose_share_rounds_to_nothing_reverses_nothing_yet(salon, stylist, customer):
    payment = receive(visit(stylist, customer, price=10000))

    refund(payment, 4)  # 1000 × 4 / 10000 = 0.4 halala

    assert not LedgerTransaction.objects.filter(cause=Cause.COMMISSION_REVERSED).exists()
    refund(payment, 9996)
    assert balance_of(AccountKind.COMMISSION_REVENUE) == 0


def test_the_salons_own_rate_applies_and_is_recorded(salon, stylist, customer):
    SalonCommission.objects.create(salon=salon, rate_bps=750)

    receive(visit(stylist, customer, price=20000))

    commission = LedgerTransaction.objects.get(cause=Cause.COMMISSION_CHARGED)
    assert commission.data["rate_bps"] == 750
    assert balance_of(AccountKind.COMMISSION_REVENUE) == -1500
    assert balance_of(AccountKind.COMMISSION_VAT) == -225


def test_no_commission_no_commission_transaction(salon, stylist, customer, settings):
    settings.PLATFORM_COMMISSION_RATE_BPS = 0

    receive(visit(stylist, customer))

    assert [cause for cause, _key, _lines in postings()] == ["payment_captured"]
    assert salon_balance(salon=salon).balance == PRICE


def test_a_duplicate_payment_is_the_customers_in_refunds_clearing_until_refunded(salon, stylist, customer):
    booking = visit(stylist, customer)
    receive(booking)

    duplicate = receive(booking)

    assert duplicate.status == PaymentStatus.DUPLICATE
    assert balance_of(AccountKind.REFUNDS_CLEARING) == -PRICE
    assert balance_of(AccountKind.PLATFORM_CASH) == 2 * PRICE
    balance = salon_balance(salon=salon).balance
    opened = duplicate.refunds.get()
    report = remote(duplicate, status="refunded", amount=PRICE, refunded=PRICE)
    payment_sync(payment_id=duplicate.pk, remote=report, source=EventSource.REFUND)

    opened.refresh_from_db()
    assert LedgerTransaction.objects.get(key=f"refund:{opened.pk}:succeeded").cause == Cause.DUPLICATE_REFUNDED
    assert balance_of(AccountKind.REFUNDS_CLEARING) == 0
    assert balance_of(AccountKind.PLATFORM_CASH) == PRICE
    assert salon_balance(salon=salon).balance == balance


def test_every_transaction_balances(salon, stylist, customer):
    payment = receive(visit(stylist, customer))
    refund(payment, 5000)

    sums = LedgerEntry.objects.values("transaction_id").annotate(total=Sum("amount")).values_list("total", flat=True)
    assert set(sums) == {0}
