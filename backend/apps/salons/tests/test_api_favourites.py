"""A customer's favourite salons: idempotent add and remove, the list (the salon list's cards), and
`is_favourite` on the salon list and the salon page without a query per salon."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from rest_framework.test import APIClient

from apps.bookings.tests.conftest import client_for, make_user
from apps.salons.models import Favourite
from apps.salons.tests.factories import make_salon, make_service

pytestmark = pytest.mark.django_db
LIST_URL = "/api/favourites/"


def favourite_url(salon_id: int) -> str:
    return f"/api/favourites/{salon_id}/"


def test_adding_twice_keeps_one_favourite_and_removing_twice_is_harmless():
    customer, salon = make_user(), make_salon()
    client = client_for(customer)

    assert client.put(favourite_url(salon.id)).status_code == 204
    assert client.put(favourite_url(salon.id)).status_code == 204
    assert list(Favourite.objects.values_list("user_id", "salon_id")) == [(customer.id, salon.id)]

    assert client.delete(favourite_url(salon.id)).status_code == 204
    assert client.delete(favourite_url(salon.id)).status_code == 204
    assert not Favourite.objects.exists()


def test_an_unknown_or_inactive_salon_cannot_be_added():
    client = client_for(make_user())
    hidden = make_salon(is_active=False)

    for salon_id in (hidden.id, hidden.id + 1000):
        response = client.put(favourite_url(salon_id))
        assert response.status_code == 404
        assert response.json()["code"] == "salon_not_found"
    assert not Favourite.objects.exists()


def test_favourites_need_a_signed_in_person():
    salon = make_salon()
    client = APIClient()
    assert client.get(LIST_URL).status_code == 401
    assert client.put(favourite_url(salon.id)).status_code == 401
    assert client.delete(favourite_url(salon.id)).status_code == 401


def test_the_database_refuses_a_second_row_for_the_same_person_and_salon():
    customer, salon = make_user(), make_salon()
    Favourite.objects.create(user=customer, salon=salon)
    with pytest.raises(IntegrityError), transaction.atomic():
        Favourite.objects.create(user=customer, salon=salon)


def test_the_list_has_only_my_active_favourites_latest_first_as_salon_cards():
    me, someone = make_user(), make_user()
    first, second, closed, theirs = make_salon(), make_salon(), make_salon(), make_salon()
    make_service(first, price_amount=8000)
    client = client_for(me)
    for salon in (first, closed, second):
        assert client.put(favourite_url(salon.id)).status_code == 204
    client_for(someone).put(favourite_url(theirs.id))
    closed.is_active = False
    closed.save()

    response = client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["next"]) == (2, None)
    assert [salon["id"] for salon in body["results"]] == [second.id, first.id]
    card = body["results"][1]
    assert card["is_favourite"] is True
    assert card["price_range"] == {"min": 8000, "max": 8000, "currency": "SAR"}
    assert set(card) == set(APIClient().get("/api/salons/").json()["results"][0])


def test_the_list_is_paginated_like_the_salon_list():
    me = make_user()
    client = client_for(me)
    for _ in range(3):
        client.put(favourite_url(make_salon().id))

    body = client.get(LIST_URL, {"page_size": 2}).json()

    assert (body["count"], len(body["results"])) == (3, 2)
    assert body["next"] is not None


def test_the_salon_list_and_page_say_whether_a_salon_is_a_favourite(django_assert_num_queries):
    me = make_user()
    liked, other = make_salon(), make_salon()
    Favourite.objects.create(user=me, salon=liked)
    Favourite.objects.create(user=make_user(), salon=other)
    client = client_for(me)

    with django_assert_num_queries(2):  # count and page, whatever the number of salons
        results = client.get("/api/salons/").json()["results"]
    assert {salon["id"]: salon["is_favourite"] for salon in results} == {liked.id: True, other.id: False}
    assert client.get(reverse("salons:salon-detail", args=[liked.id])).json()["is_favourite"] is True
    assert client.get(reverse("salons:salon-detail", args=[other.id])).json()["is_favourite"] is False

    anonymous = APIClient()
    assert [salon["is_favourite"] for salon in anonymous.get("/api/salons/").json()["results"]] == [False, False]
    assert anonymous.get(reverse("salons:salon-detail", args=[liked.id])).json()["is_favourite"] is False
