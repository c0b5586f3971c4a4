"""The cities the salon list's filter offers: only those with an active salon."""

import pytest
from django.urls import reverse

from apps.salons.models import City
from apps.salons.tests.factories import make_salon

pytestmark = pytest.mark.django_db
URL = reverse("discovery:city-list")


def test_only_cities_with_an_active_salon_are_listed_in_the_catalogs_order(api_client):
    make_salon(city=City.JEDDAH)
    make_salon(city=City.RIYADH)
    make_salon(city=City.RIYADH)
    make_salon(city=City.DAMMAM, is_active=False)

    response = api_client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.json() == [{"code": "riyadh", "name": "Riyadh"}, {"code": "jeddah", "name": "Jeddah"}]


def test_city_names_follow_the_request_language(api_client):
    make_salon(city=City.RIYADH)
    assert api_client.get(URL, HTTP_ACCEPT_LANGUAGE="ar").json() == [{"code": "riyadh", "name": "الرياض"}]


def test_no_active_salon_no_city(api_client, django_assert_num_queries):
    make_salon(city=City.MAKKAH, is_active=False)
    with django_assert_num_queries(1):
        assert api_client.get(URL).json() == []
