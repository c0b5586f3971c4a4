"""Buying packages and gift cards through the gateway: activation, validity, the books, failures."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from apps.bookings.redemptions import RedemptionRequest
from apps.core.exceptions import AppError
from apps.ledger.checks import ledger_check
from apps.ledger.models import AccountKind, LedgerTransaction
from apps.packages import purchases
from apps.packages.books import session_value
from apps.packages.codes import ALPHABET, LENGTH
from apps.packages.models import GiftCard, InstrumentStatus, PackagePurchase, Purchase, PurchaseStatus
from apps.packages.refunds import purchase_refund
from apps.payments.providers.fake import fake_checkout_complete

from .conftest import APPLE_PAY, CARD, balance, prepaid

pytestmark = pytest.mark.django_db


def test_a_package_paid_at_once_is_active_for_its_validity_and_held_as_prepaid(package, customer):
    purchase = purchases.package_buy(user=customer, package_id=package.pk, source=APPLE_PAY)

    assert purchase.status == PurchaseStatus.PAID
    bought = PackagePurchase.objects.get(purchase=purchase)
    assert (bought.status, bought.sessions_total, bought.sessions_used) == (InstrumentStatus.ACTIVE, 5, 0)
    assert bought.expires_at == purchase.paid_at + timedelta(days=90)
    assert balance(AccountKind.PLATFORM_CASH) == 50000
    assert prepaid() == 50000


def test_a_card_payment_is_initiated_then_paid_when_the_browser_returns(package, customer):
    purchase = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)
    assert purchase.status == PurchaseStatus.INITIATED
    assert purchase.transaction_url
    assert PackagePurchase.objects.get(purchase=purchase).status == InstrumentStatus.PENDING
    assert prepaid() == 0

    fake_checkout_complete(payment_id=purchase.id, approve=True)
    refreshed = purchases.purchase_refresh(user=customer, purchase_id=purchase.id)
    again = purchases.purchase_refresh(user=customer, purchase_id=purchase.id)

    assert (refreshed.status, again.status) == (PurchaseStatus.PAID, PurchaseStatus.PAID)
    assert PackagePurchase.objects.get(purchase=purchase).status == InstrumentStatus.ACTIVE
    assert LedgerTransaction.objects.filter(key=f"purchase:{purchase.pk}:paid").count() == 1
    assert prepaid() == 50000


def test_a_declined_payment_fails_and_nothing_is_usable_or_posted(package, customer):
    purchase = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)
    fake_checkout_complete(payment_id=purchase.id, approve=False)

    refreshed = purchases.purchase_refresh(user=customer, purchase_id=purchase.id)

    assert refreshed.status == PurchaseStatus.FAILED
    assert PackagePurchase.objects.get(purchase=purchase).status == InstrumentStatus.PENDING
    assert LedgerTransaction.objects.count() == 0


def test_someone_elses_purchase_cannot_be_refreshed(package, customer, other_customer):
    purchase = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)

    with pytest.raises(AppError) as excinfo:
        purchases.purchase_refresh(user=other_customer, purchase_id=purchase.id)

    assert (excinfo.value.code, excinfo.value.status_code) == ("purchase_not_found", 404)


def test_a_package_off_sale_cannot_be_bought(package, customer):
    package.is_active = False
    package.save()

    with pytest.raises(AppError) as excinfo:
        purchases.package_buy(user=customer, package_id=package.pk, source=APPLE_PAY)

    assert excinfo.value.code == "package_not_on_sale"
    assert Purchase.objects.count() == 0


def test_a_gift_card_gets_a_readable_code_and_its_balance(salon, customer):
    purchase = purchases.gift_card_buy(
        user=customer, salon_id=salon.pk, amount=20000, source=APPLE_PAY, recipient_name="Sara"
    )

    card = GiftCard.objects.get(purchase=purchase)
    assert len(card.code) == LENGTH and set(card.code) <= set(ALPHABET)
    assert (card.balance, card.initial_amount, card.status) == (20000, 20000, InstrumentStatus.ACTIVE)
    assert card.expires_at == purchase.paid_at + timedelta(days=365)
    assert prepaid() == 20000


@override_settings(GIFT_CARD_MIN_AMOUNT=5000, GIFT_CARD_MAX_AMOUNT=100000)
@pytest.mark.parametrize("amount", [4999, 100001])
def test_a_gift_card_outside_the_allowed_amounts_is_refused(salon, customer, amount):
    with pytest.raises(AppError) as excinfo:
        purchases.gift_card_buy(user=customer, salon_id=salon.pk, amount=amount, source=APPLE_PAY)

    assert excinfo.value.code == "gift_card_amount_invalid"
    assert Purchase.objects.count() == 0


def test_the_sessions_of_a_package_are_worth_exactly_its_price():
    values = [session_value(price=10000, sessions=3, number=number) for number in (1, 2, 3)]

    assert values == [3333, 3334, 3333]
    assert sum(values) == 10000


def test_the_books_check_finds_nothing_wrong_after_a_sale_a_use_and_a_refund(package, customer, book, buy_package):
    bought = buy_package()
    book(redemption=RedemptionRequest(package=bought.pk))
    purchase_refund(actor=customer, salon_id=package.salon_id, purchase_id=bought.purchase_id)

    report = ledger_check(gateway_day=timezone.localdate())

    assert report.problems == []
    assert balance(AccountKind.CUSTOMER_PREPAID) == 0


def test_a_purchase_whose_buyer_never_returned_is_settled_by_the_reconciliation(package, customer):
    paid = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)
    unfinished = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)
    fake_checkout_complete(payment_id=paid.id, approve=True)
    later = timezone.now() + timedelta(minutes=10)

    settled = purchases.purchases_reconcile(now=later)
    again = purchases.purchases_reconcile(now=later)

    assert (settled, again) == (1, 0)
    assert Purchase.objects.get(pk=paid.pk).status == PurchaseStatus.PAID
    assert Purchase.objects.get(pk=unfinished.pk).status == PurchaseStatus.INITIATED
    assert PackagePurchase.objects.get(purchase=paid).status == InstrumentStatus.ACTIVE
    assert LedgerTransaction.objects.filter(key=f"purchase:{paid.pk}:paid").count() == 1


def test_a_fresh_purchase_is_left_to_its_buyers_return(package, customer):
    purchase = purchases.package_buy(user=customer, package_id=package.pk, source=CARD)
    fake_checkout_complete(payment_id=purchase.id, approve=True)

    assert purchases.purchases_reconcile() == 0
    assert Purchase.objects.get(pk=purchase.pk).status == PurchaseStatus.INITIATED
