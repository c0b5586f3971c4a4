"""Using a package session or a gift card at booking, and getting it back when the booking is cancelled
or expires unpaid: the price, the booking's status, the instrument and the books move together."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.redemptions import RedemptionRequest
from apps.core.exceptions import AppError
from apps.ledger.models import AccountKind
from apps.packages.codes import display_code
from apps.packages.models import GiftCard, PackagePurchase, Redemption
from apps.salons.tests.factories import make_salon, make_service

from .conftest import PRICE, balance, prepaid

pytestmark = pytest.mark.django_db


def _code(call) -> str:
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def test_a_package_session_pays_the_booking_in_full_and_confirms_it(book, buy_package, salon):
    bought = buy_package()

    booking = book(redemption=RedemptionRequest(package=bought.pk))

    booking.refresh_from_db()
    assert (booking.price_amount, booking.status, booking.hold_expires_at) == (0, BookingStatus.CONFIRMED, None)
    bought.refresh_from_db()
    assert (bought.sessions_used, bought.sessions_left) == (1, 4)
    use = Redemption.objects.get(booking=booking)
    assert (use.amount, use.value_amount) == (PRICE, 10000)
    assert prepaid() == 40000
    assert balance(AccountKind.SALON_PAYABLE, salon) == -10000  # the salon is owed the session's value


def test_cancelling_the_booking_gives_the_session_back_once(book, buy_package, customer, salon):
    bought = buy_package()
    booking = book(redemption=RedemptionRequest(package=bought.pk))

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    bought.refresh_from_db()
    assert bought.sessions_used == 0
    assert Redemption.objects.get(booking=booking).returned_at is not None
    assert prepaid() == 50000
    assert balance(AccountKind.SALON_PAYABLE, salon) == 0


def test_a_package_is_only_for_its_service(book, buy_package, salon, stylist):
    bought = buy_package()
    other = make_service(salon, duration_minutes=30, price_amount=5000, buffer_minutes=0)
    stylist.services.add(other)

    assert _code(lambda: book(service_id=other.pk, redemption=RedemptionRequest(package=bought.pk))) == (
        "package_wrong_service"
    )
    assert Booking.objects.count() == 0


def test_a_package_used_up_expired_or_someone_elses_is_refused(book, buy_package, other_customer):
    bought = buy_package()
    PackagePurchase.objects.filter(pk=bought.pk).update(sessions_used=5)
    assert _code(lambda: book(redemption=RedemptionRequest(package=bought.pk))) == "package_used_up"

    PackagePurchase.objects.filter(pk=bought.pk).update(sessions_used=0, expires_at=timezone.now() + timedelta(days=1))
    assert _code(lambda: book(redemption=RedemptionRequest(package=bought.pk))) == "package_expired"

    theirs = buy_package(user=other_customer)
    assert _code(lambda: book(redemption=RedemptionRequest(package=theirs.pk))) == "purchase_not_found"
    assert Booking.objects.count() == 0


def test_a_gift_card_pays_part_of_the_price_and_the_rest_is_paid_as_usual(book, buy_gift_card, salon):
    card = buy_gift_card(amount=5000)

    booking = book(redemption=RedemptionRequest(gift_card=display_code(card.code).lower()))

    booking.refresh_from_db()
    assert (booking.price_amount, booking.status) == (PRICE - 5000, BookingStatus.PENDING)
    assert booking.hold_expires_at is not None
    card.refresh_from_db()
    assert card.balance == 0
    assert prepaid() == 0
    assert balance(AccountKind.SALON_PAYABLE, salon) == -5000


def test_a_gift_card_larger_than_the_price_keeps_the_rest(book, buy_gift_card):
    card = buy_gift_card(amount=20000)

    booking = book(redemption=RedemptionRequest(gift_card=card.code))

    booking.refresh_from_db()
    card.refresh_from_db()
    assert (booking.price_amount, booking.status, card.balance) == (0, BookingStatus.CONFIRMED, 20000 - PRICE)


def test_a_booking_that_expires_unpaid_gives_the_amount_back(book, buy_gift_card):
    card = buy_gift_card(amount=5000)
    book(redemption=RedemptionRequest(gift_card=card.code))

    booking_services.booking_expire_holds(now=timezone.now() + timedelta(minutes=11))

    card.refresh_from_db()
    assert card.balance == 5000
    assert prepaid() == 5000


def test_a_gift_card_of_another_salon_empty_or_unknown_is_refused(book, buy_gift_card, customer):
    elsewhere = make_salon()
    theirs = buy_gift_card(amount=5000, salon_id=elsewhere.pk)
    assert _code(lambda: book(redemption=RedemptionRequest(gift_card=theirs.code))) == "gift_card_wrong_salon"

    empty = buy_gift_card(amount=5000)
    GiftCard.objects.filter(pk=empty.pk).update(balance=0)
    assert _code(lambda: book(redemption=RedemptionRequest(gift_card=empty.code))) == "gift_card_empty"
    assert _code(lambda: book(redemption=RedemptionRequest(gift_card="AAAA-BBBB-CCCC"))) == "gift_card_not_found"
    assert Booking.objects.count() == 0


def test_a_package_and_a_gift_card_together_are_refused(book, buy_package, buy_gift_card):
    request = RedemptionRequest(package=buy_package().pk, gift_card=buy_gift_card().code)

    assert _code(lambda: book(redemption=request)) == "redemption_two_instruments"
