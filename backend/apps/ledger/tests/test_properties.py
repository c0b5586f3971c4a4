"""A property test: random sequences of payments (and duplicate payments), partial and full refunds,
replays (the same gateway report, the same event, a backfill), payout runs, payouts sent and returned,
through the payments' own code. After every step the books balance, the accounts that must not go
negative do not, a payout never takes more than the available balance, and the salon's balance is
what an independent model of the money says: paid − refunded − commission and its VAT (net of the
reversals) − paid out. Each example runs in a savepoint rolled back at its end (fast, and every example
starts from the same salon)."""

from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.db.models import Sum
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.payments.events import MoneyMoved, PaymentEventKind, payment_reactors
from apps.payments.models import EventSource, Payment, PaymentStatus, RefundStatus
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import remote

from ..backfill import ledger_backfill
from ..checks import ledger_check
from ..models import AccountKind, LedgerEntry, Payout, PayoutStatus, SalonPayoutAccount
from ..payouts import payout_batch_create, payout_mark_returned, payout_mark_sent
from ..postings import share
from ..scheme import commission_for
from ..selectors import salon_balance
from .conftest import IBAN, receive, refund, visit

pytestmark = pytest.mark.django_db

BOOKINGS = 3  # visited long ago (available), visited yesterday (in the refund window), next week (pending)
DAYS = (-10, -1, 7)

operation = st.one_of(
    st.tuples(st.just("pay"), st.integers(0, BOOKINGS - 1)),
    st.tuples(st.just("refund"), st.integers(0, 7), st.integers(1, 100)),
    st.tuples(st.just("full_refund"), st.integers(0, 7)),
    st.tuples(st.just("replay"), st.integers(0, 7)),
    st.tuples(st.just("settle_duplicates")),
    st.tuples(st.just("payout")),
    st.tuples(st.just("send"), st.integers(0, 3)),
    st.tuples(st.just("return"), st.integers(0, 3)),
)


@dataclass
class Model:
    """What the salon is owed, kept apart from the ledger."""

    rate_bps: int
    payments: dict = field(default_factory=dict)  # payment id -> [amount, refunded, booking index]
    duplicates: dict = field(default_factory=dict)  # payment id -> [amount, refunded]
    payouts: dict = field(default_factory=dict)  # payout id -> amount, while not returned

    def net(self, amount: int, refunded: int) -> int:
        commission, vat = commission_for(amount, self.rate_bps)
        kept = commission - share(commission, refunded, amount) + vat - share(vat, refunded, amount)
        return amount - refunded - kept

    def owed(self) -> int:
        total = sum(self.net(amount, refunded) for amount, refunded, _booking in self.payments.values())
        return total - sum(self.payouts.values())

    def pending(self) -> int:
        """The money of the bookings visited yesterday (in the refund window) or not yet visited."""
        return sum(self.net(amount, refunded) for amount, refunded, booking in self.payments.values() if booking > 0)


def _platform_balance(kind: str) -> int:
    entries = LedgerEntry.objects.filter(account__kind=kind, account__salon__isnull=True)
    return entries.aggregate(total=Sum("amount"))["total"] or 0


def _check_invariants(salon, model: Model) -> None:
    unbalanced = LedgerEntry.objects.values("transaction_id").annotate(total=Sum("amount")).exclude(total=0)
    assert not unbalanced.exists()
    assert _platform_balance(AccountKind.COMMISSION_REVENUE) <= 0
    assert _platform_balance(AccountKind.COMMISSION_VAT) <= 0
    assert _platform_balance(AccountKind.PAYOUTS_IN_TRANSIT) <= 0
    assert -_platform_balance(AccountKind.REFUNDS_CLEARING) == sum(a - r for a, r in model.duplicates.values())
    balance = salon_balance(salon=salon)
    assert (balance.balance, balance.pending) == (model.owed(), model.pending())
    assert balance.available == model.owed() - model.pending()
    created = Payout.objects.filter(status=PayoutStatus.CREATED).aggregate(total=Sum("amount"))["total"] or 0
    assert (balance.in_transit, -_platform_balance(AccountKind.PAYOUTS_IN_TRANSIT)) == (created, created)


def _payment(index: int) -> Payment | None:
    payments = list(Payment.objects.order_by("created_at", "pk"))
    return payments[index % len(payments)] if payments else None


def _step(op: tuple, *, salon, bookings, model: Model) -> None:
    name = op[0]
    if name == "pay":
        payment = receive(bookings[op[1]])
        if payment.status == PaymentStatus.DUPLICATE:
            model.duplicates[payment.pk] = [payment.amount, 0]
        else:
            model.payments[payment.pk] = [payment.amount, 0, op[1]]
    elif name in ("refund", "full_refund"):
        payment = _payment(op[1])
        if payment is None or payment.pk not in model.payments or payment.refundable_amount <= 0:
            return
        amount = (
            payment.refundable_amount if name == "full_refund" else max(1, payment.refundable_amount * op[2] // 100)
        )
        refund(payment, amount)
        model.payments[payment.pk][1] += amount
    elif name == "replay":
        payment = _payment(op[1])
        if payment is None:
            return
        report = remote(
            payment, status=payment.status if payment.status != "duplicate" else "paid", amount=payment.amount
        )
        if payment.refunded_amount:
            report = remote(payment, status="refunded", amount=payment.amount, refunded=payment.refunded_amount)
        payment_sync(payment_id=payment.pk, remote=report, source=EventSource.RECONCILE)
        payment_reactors.publish(
            MoneyMoved(payment.booking_id, PaymentEventKind.PAYMENT_RECEIVED, {"payment_id": str(payment.pk)})
        )
        ledger_backfill()
    elif name == "settle_duplicates":
        for payment_id, amounts in model.duplicates.items():
            payment = Payment.objects.get(pk=payment_id)
            if payment.refunds.filter(status=RefundStatus.PENDING).exists():
                report = remote(payment, status="refunded", amount=payment.amount, refunded=payment.amount)
                payment_sync(payment_id=payment_id, remote=report, source=EventSource.REFUND)
                amounts[1] = payment.amount
    elif name == "payout":
        available = salon_balance(salon=salon).available
        for payout in payout_batch_create(minimum=1).payouts:
            assert 0 < payout.amount == available
            model.payouts[payout.pk] = payout.amount
            assert salon_balance(salon=salon).available == 0
    elif name in ("send", "return"):
        payouts = list(Payout.objects.order_by("pk"))
        if not payouts:
            return
        payout = payouts[op[1] % len(payouts)]
        if name == "send" and payout.status == PayoutStatus.CREATED:
            payout_mark_sent(payout_id=payout.pk, bank_reference=f"TRF-{payout.pk}")
        elif name == "return" and payout.status != PayoutStatus.RETURNED:
            payout_mark_returned(payout_id=payout.pk, reference=f"RET-{payout.pk}")
            del model.payouts[payout.pk]


@settings(
    max_examples=20,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    price=st.sampled_from([101, 999, 11500, 33333]),
    rate_bps=st.sampled_from([0, 333, 1000]),
    ops=st.lists(operation, min_size=1, max_size=8),
)
def test_the_books_always_add_up(salon, stylist, customer, price, rate_bps, ops):
    with transaction.atomic(), override_settings(PLATFORM_COMMISSION_RATE_BPS=rate_bps):
        SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=salon.created_at)
        bookings = [visit(stylist, customer, days=days, price=price) for days in DAYS]
        model = Model(rate_bps=rate_bps)
        for op in ops:
            _step(op, salon=salon, bookings=bookings, model=model)
            _check_invariants(salon, model)
        assert ledger_check().problems == []
        transaction.set_rollback(True)
