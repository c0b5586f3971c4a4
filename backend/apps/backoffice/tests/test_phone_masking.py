"""Least privilege: the salon sees a customer's number whole only on the day of the booking (when the stylist may
have to call); on any other day, and in the customer list, it is masked; the customer always sees their own."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings.state import Actor, shows_full_customer_phone
from apps.bookings.tests.conftest import client_for
from apps.core.phone_mask import mask_phone_number

from .conftest import make_booking, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def today_and_tomorrow(stylist, service, customer):
    now = timezone.now()
    return (
        make_booking(stylist, service, customer, now + timedelta(minutes=1)),
        make_booking(stylist, service, customer, now + timedelta(days=1, hours=1)),
    )


def phones(response) -> dict[str, str]:
    return {row["reference"]: row["customer"]["phone_number"] for row in response.json()["results"]}


def test_the_salon_sees_todays_numbers_whole_and_other_days_masked(manager_client, salon, customer, today_and_tomorrow):
    today, tomorrow = today_and_tomorrow
    if today.start.astimezone(salon.tz).date() != timezone.now().astimezone(salon.tz).date():
        pytest.skip("a minute before the salon's midnight")

    response = manager_client.get(url(salon, "bookings/"))

    assert phones(response) == {
        today.reference: customer.phone_number,
        tomorrow.reference: mask_phone_number(customer.phone_number),
    }


def test_the_customer_sees_their_own_number_whole(customer, today_and_tomorrow):
    _today, tomorrow = today_and_tomorrow

    response = client_for(customer).get(f"/api/bookings/{tomorrow.pk}/")

    assert response.json()["customer"]["phone_number"] == customer.phone_number


def test_the_day_is_the_salons_day(salon, stylist, service, customer):
    late_evening = timezone.now().astimezone(salon.tz).replace(hour=23, minute=30, second=0, microsecond=0)
    booking = make_booking(stylist, service, customer, late_evening)

    assert shows_full_customer_phone(booking, frozenset({Actor.SALON}), late_evening.replace(hour=0, minute=5))
    assert not shows_full_customer_phone(booking, frozenset({Actor.SALON}), late_evening + timedelta(hours=1))
    assert shows_full_customer_phone(booking, frozenset({Actor.CUSTOMER}), late_evening + timedelta(days=9))
    assert not shows_full_customer_phone(booking, frozenset(), late_evening)


def test_the_customer_list_masks_and_the_recorded_profile_shows_whole(
    manager_client, salon, customer, today_and_tomorrow
):
    listing = manager_client.get(url(salon, "customers/")).json()["results"]
    profile = manager_client.get(url(salon, f"customers/{customer.pk}/")).json()

    assert [row["phone_number"] for row in listing] == ["+9665•••••" + customer.phone_number[-3:]]
    assert profile["phone_number"] == customer.phone_number
