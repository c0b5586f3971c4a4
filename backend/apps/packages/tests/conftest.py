"""Fixtures speaking the domain: a prepayment salon with one stylist working every day, a package of
its service, and helpers that buy a package or a gift card through the fake gateway."""

from datetime import timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import RIYADH, at, make_user, work_every_day
from apps.ledger.models import AccountKind, LedgerEntry
from apps.packages import purchases
from apps.packages.models import Package
from apps.salons.tests.factories import make_salon, make_service, make_staff

PRICE = 11500  # the service: 115.00 SAR
APPLE_PAY = {"type": "applepay", "token": "fake"}  # the fake gateway pays Apple Pay at once
CARD = {"type": "token", "token": "fake"}  # a card goes through the fake 3-D Secure page


@pytest.fixture
def salon():
    return make_salon(requires_prepayment=True, hold_minutes=10, lead_time_minutes=60, cancellation_window_hours=24)


@pytest.fixture
def service(salon):
    return make_service(salon, duration_minutes=60, price_amount=PRICE, buffer_minutes=0)


@pytest.fixture
def stylist(salon, service):
    staff = make_staff(salon, services=[service], display_name="Hessa")
    work_every_day(staff)
    return staff


@pytest.fixture
def customer():
    return make_user(first_name="Noura")


@pytest.fixture
def other_customer():
    return make_user(first_name="Sara")


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Maha", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def package(salon, service):
    return Package.objects.create(
        salon=salon,
        service=service,
        name_ar="٥ جلسات",
        name_en="5 sessions",
        sessions=5,
        validity_days=90,
        price_amount=50000,
    )


@pytest.fixture
def buy_package(package, customer):
    """A paid package of `customer` (or `user`); returns the PackagePurchase."""

    def _buy(user=None, of=None):
        purchase = purchases.package_buy(user=user or customer, package_id=(of or package).pk, source=APPLE_PAY)
        return purchase.package_purchase

    return _buy


@pytest.fixture
def buy_gift_card(salon, customer):
    def _buy(amount: int = 5000, user=None, **kwargs):
        purchase = purchases.gift_card_buy(
            user=user or customer, salon_id=kwargs.pop("salon_id", salon.pk), amount=amount, source=APPLE_PAY, **kwargs
        )
        return purchase.gift_card

    return _buy


@pytest.fixture
def book(service, stylist, customer, day):
    def _book(hhmm: str = "10:00", **kwargs):
        kwargs.setdefault("actor", customer)
        kwargs.setdefault("service_id", service.pk)
        kwargs.setdefault("staff_id", stylist.pk)
        kwargs.setdefault("start", at(day, hhmm))
        return booking_services.booking_create(**kwargs)

    return _book


@pytest.fixture
def day():
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


def balance(kind: str, salon=None) -> int:
    entries = LedgerEntry.objects.filter(account__kind=kind, account__salon=salon)
    return entries.aggregate(total=Sum("amount"))["total"] or 0


def prepaid() -> int:
    """What the platform holds for customers (a credit balance, so shown positive)."""
    return -balance(AccountKind.CUSTOMER_PREPAID)
