"""Real threads against the real database: the last session or the last riyals of a card go to exactly
one booking, however many ask at once; the loser gets a 409 with a code and nothing is written for it."""

from collections import Counter

import pytest

from apps.bookings.models import Booking
from apps.bookings.tests.conftest import at, client_for, make_user, work_every_day
from apps.core.tests.concurrency import race
from apps.packages.models import GiftCard, PackagePurchase, Redemption
from apps.salons.tests.factories import make_staff

from .conftest import PRICE, prepaid

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


def _post(client, body):
    def call() -> tuple[int, str]:
        response = client.post("/api/bookings/", body, format="json")
        return response.status_code, response.json().get("code", "")

    return call


def test_two_bookings_racing_for_the_last_session_get_exactly_one(buy_package, customer, service, stylist, day):
    bought = buy_package()
    PackagePurchase.objects.filter(pk=bought.pk).update(sessions_used=4)  # one session left
    other_stylist = make_staff(stylist.salon, services=[service], display_name="Maha")
    work_every_day(other_stylist)
    client = client_for(customer)
    calls = [
        _post(
            client, {"service": service.pk, "staff": staff.pk, "start": at(day, hhmm).isoformat(), "package": bought.pk}
        )
        for staff, hhmm in ((stylist, "10:00"), (other_stylist, "14:00"))
    ]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "package_used_up"): 1}
    assert PackagePurchase.objects.get(pk=bought.pk).sessions_used == 5
    assert Booking.objects.count() == 1
    assert Redemption.objects.count() == 1


def test_customers_racing_to_spend_the_same_card_spend_it_once(buy_gift_card, salon, service, day):
    card = buy_gift_card(amount=PRICE)
    stylists = [make_staff(salon, services=[service], display_name=f"S{index}") for index in range(4)]
    for staff in stylists:
        work_every_day(staff)
    calls = [
        _post(
            client_for(make_user()),
            {"service": service.pk, "staff": staff.pk, "start": at(day, "10:00").isoformat(), "gift_card": card.code},
        )
        for staff in stylists
    ]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "gift_card_empty"): 3}
    assert GiftCard.objects.get(pk=card.pk).balance == 0
    assert Booking.objects.get().price_amount == 0
    assert prepaid() == 0
