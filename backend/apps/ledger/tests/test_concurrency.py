"""Real threads against the real database: a cause heard several times at once (a replayed event, a
backfill, a retry) is posted once; two payout runs at once pay each salon once and never more than its
available balance; a payout run racing new money and a returned payout stays within the balance."""

from collections import Counter

import pytest
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from apps.backoffice.tests.conftest import make_payment
from apps.core.tests.concurrency import race
from apps.payments.models import Payment
from apps.payments.records import payment_lock

from ..backfill import ledger_backfill
from ..models import AccountKind, Cause, LedgerEntry, LedgerTransaction, Payout, SalonPayoutAccount
from ..payouts import payout_batch_create, payout_mark_returned
from ..postings import ledger_account
from ..scheme import ledger_post_payment
from ..selectors import salon_balance
from .conftest import IBAN, PRICE, receive, visit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]
NET = PRICE - 1150 - 173


def _replay(payment_id, *, lock: bool):
    """The payment's receipt posted again, as the payments app posts it (under the payment's lock), or
    with no lock at all (only the key's unique index then stands between the posters)."""

    def post() -> str:
        with transaction.atomic():
            if lock:
                _booking, payment = payment_lock(payment_id)
            else:
                payment = Payment.objects.get(pk=payment_id)
            ledger_post_payment(payment=payment)
        return "posted"

    return post


def _paid(stylist, customer) -> Payment:
    payment = make_payment(visit(stylist, customer))
    Payment.objects.filter(pk=payment.pk).update(paid_at=timezone.now())
    return payment


def _posted_once(salon) -> None:
    causes = Counter(LedgerTransaction.objects.values_list("cause", flat=True))
    assert causes == {Cause.PAYMENT_CAPTURED: 1, Cause.COMMISSION_CHARGED: 1}
    assert LedgerEntry.objects.count() == 6
    assert salon_balance(salon=salon).balance == NET


@pytest.mark.parametrize("round_", range(3))
def test_a_payment_replayed_and_backfilled_at_once_is_posted_once(salon, stylist, customer, round_):
    payment = _paid(stylist, customer)

    results = race([_replay(payment.pk, lock=True)] * 3 + [ledger_backfill] * 3)

    assert not [result for result in results if isinstance(result, BaseException)], results
    _posted_once(salon)


@pytest.mark.parametrize("round_", range(3))
def test_posters_racing_without_a_lock_post_once_by_the_keys_unique_index(salon, stylist, customer, round_):
    payment = _paid(stylist, customer)
    for kind in AccountKind.values:
        ledger_account(kind, salon.pk if kind == AccountKind.SALON_PAYABLE else None)

    results = race([_replay(payment.pk, lock=False)] * 6)

    assert results == ["posted"] * 6
    _posted_once(salon)


@pytest.mark.parametrize("round_", range(3))
def test_two_payout_runs_at_once_pay_the_salon_once(salon, stylist, customer, admin_user, round_):
    for _ in range(3):
        receive(visit(stylist, customer))
    SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())

    results = race([lambda: len(payout_batch_create(actor=admin_user, minimum=1).payouts)] * 4)

    assert sorted(results) == [0, 0, 0, 1]
    assert Payout.objects.aggregate(total=Sum("amount"))["total"] == 3 * NET
    balance = salon_balance(salon=salon)
    assert (balance.balance, balance.available, balance.in_transit) == (0, 0, 3 * NET)


@pytest.mark.parametrize("round_", range(3))
def test_a_payout_run_racing_new_money_and_a_return_never_exceeds_the_balance(
    salon, stylist, customer, admin_user, round_
):
    receive(visit(stylist, customer))
    SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())
    first = payout_batch_create(minimum=1).payouts[0]
    later = visit(stylist, customer, days=-5)

    def run() -> int:
        return sum(payout.amount for payout in payout_batch_create(actor=admin_user, minimum=1).payouts)

    results = race(
        [
            run,
            run,
            lambda: receive(later).status,
            lambda: payout_mark_returned(payout_id=first.pk, reference="RET-1").status,
        ]
    )

    assert not [result for result in results if isinstance(result, BaseException)], results
    balance = salon_balance(salon=salon)
    assert balance.balance >= 0 and balance.available >= 0
    assert balance.balance + balance.in_transit == 2 * NET
    assert sum(results[:2]) + balance.available == 2 * NET
