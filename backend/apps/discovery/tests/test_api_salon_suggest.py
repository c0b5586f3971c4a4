"""The search's typeahead: `GET /api/salons/suggest/?q=`."""

import pytest
from django.urls import reverse

from apps.salons.tests.factories import make_salon, make_service

pytestmark = pytest.mark.django_db

SUGGEST_URL = reverse("discovery:salon-suggest")


def suggest(api_client, language="ar", **params):
    response = api_client.get(SUGGEST_URL, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, response.json()
    return response.json()


def test_suggests_salons_services_and_districts_matching_what_was_typed(api_client):
    # Given
    rose = make_salon(name_ar="صالون الورد", name_en="Rose Salon", district_ar="الورود", district_en="Al Wurud")
    for salon in (rose, make_salon(), make_salon()):
        make_service(salon, name_ar="حمام الورد", name_en="Rose bath")
    make_salon(name_ar="صالون آخر", district_ar="العليا")

    # When
    body = suggest(api_client, q="الور")

    # Then
    assert [salon["id"] for salon in body["salons"]] == [rose.id]
    assert body["salons"][0]["name"] == "صالون الورد"
    assert body["services"] == [{"name": "حمام الورد", "salon_count": 3}]
    assert body["districts"] == [{"name": "الورود", "city": "riyadh", "city_name": "الرياض", "salon_count": 1}]


def test_suggestions_come_in_the_requests_language(api_client):
    # Given
    salon = make_salon(name_ar="صالون الورد", name_en="Rose Salon", district_ar="الورود", district_en="Al Wurud")
    make_service(salon, name_ar="ورد", name_en="Rose facial")

    # When
    body = suggest(api_client, language="en", q="rose")

    # Then
    assert body["salons"][0]["name"] == "Rose Salon"
    assert body["services"] == [{"name": "Rose facial", "salon_count": 1}]


def test_suggestions_fold_arabic_like_the_search(api_client):
    # Given
    salon = make_salon(name_ar="صالون الأميرة")

    # When / Then
    assert [row["id"] for row in suggest(api_client, q="الاميره")["salons"]] == [salon.id]


def test_at_most_five_of_each_most_offered_service_first(api_client):
    # Given
    for count, name in enumerate(["قص أ", "قص ب", "قص ج", "قص د", "قص هـ", "قص و"], start=1):
        for _ in range(count):
            make_service(make_salon(name_ar=f"قصر {name} {_}"), name_ar=name)

    # When
    body = suggest(api_client, q="قص")

    # Then
    assert len(body["salons"]) == 5
    assert [row["salon_count"] for row in body["services"]] == [6, 5, 4, 3, 2]


def test_inactive_salons_and_services_are_not_suggested(api_client):
    # Given
    make_salon(name_en="Hidden Rose", is_active=False)
    make_service(make_salon(), name_en="Rose oil", is_active=False)

    # When
    body = suggest(api_client, language="en", q="rose")

    # Then
    assert body == {"salons": [], "services": [], "districts": []}


def test_city_limits_the_suggestions(api_client):
    # Given
    jeddah = make_salon(name_en="Rose Jeddah", city="jeddah")
    make_salon(name_en="Rose Riyadh", city="riyadh")

    # When / Then
    assert [row["id"] for row in suggest(api_client, language="en", q="rose", city="jeddah")["salons"]] == [jeddah.id]


def test_a_blank_query_suggests_nothing(api_client):
    make_salon()
    assert suggest(api_client, q="  ") == {"salons": [], "services": [], "districts": []}


@pytest.mark.parametrize(
    ("params", "field"), [({"q": "a" * 101}, "q"), ({"q": "x", "city": "paris"}, "city"), ({}, "q")]
)
def test_invalid_input_is_a_field_error(api_client, params, field):
    response = api_client.get(SUGGEST_URL, params)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_a_typo_still_suggests_the_service_and_the_salon(api_client):
    # Given
    salon = make_salon(name_en="Jasmine Salon")
    make_service(salon, name_ar="باديكير", name_en="Pedicure")
    make_service(make_salon(name_en="Other"), name_ar="قص شعر", name_en="Haircut")

    # When
    by_service = suggest(api_client, q="بديكير")
    by_name = suggest(api_client, language="en", q="jasmien")

    # Then
    assert by_service["services"] == [{"name": "باديكير", "salon_count": 1}]
    assert [row["id"] for row in by_name["salons"]] == [salon.id]
