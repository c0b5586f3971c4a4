"""The public salon list: its shape, which salons it shows, its language, pagination and queries."""

from decimal import Decimal

import pytest

from apps.salons.models import Audience, City
from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff

from .salon_list_helpers import LIST_URL, list_salons, result_ids

pytestmark = pytest.mark.django_db


def test_list_result_has_every_field_in_the_request_language(api_client):
    # Given an active salon with two active services and one inactive cheaper one
    salon = make_salon(
        slug="jasmine-touch",
        name_ar="لمسة الياسمين",
        name_en="Jasmine Touch",
        city=City.JEDDAH,
        district_ar="الروضة",
        district_en="Al Rawdah",
        audience=Audience.WOMEN,
        rating_average=Decimal("4.50"),
        rating_count=12,
        requires_prepayment=True,
        cover_photo="salons/covers/jasmine.jpg",
    )
    make_service(salon, price_amount=8000)
    make_service(salon, price_amount=25000)
    make_service(salon, price_amount=1000, is_active=False)

    # When
    response = list_salons(api_client, language="en")

    # Then
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "next": None,
        "previous": None,
        "results": [
            {
                "id": salon.id,
                "slug": "jasmine-touch",
                "name": "Jasmine Touch",
                "city": "jeddah",
                "city_name": "Jeddah",
                "district": "Al Rawdah",
                "audience": "women",
                "rating": 4.5,
                "review_count": 12,
                "cover_photo_url": "http://testserver/media/salons/covers/jasmine.jpg",
                # No smaller copies of a file the storage does not have (see salons' test_renditions).
                "cover_photo_srcset": None,
                "price_range": {"min": 8000, "max": 25000, "currency": "SAR"},
                "requires_prepayment": True,
                "is_favourite": False,
                "latitude": None,
                "longitude": None,
                "distance_km": None,
            }
        ],
    }


def test_list_answers_in_arabic_by_default(api_client):
    # Given
    make_salon(name_ar="لمسة الياسمين", name_en="Jasmine Touch", district_ar="الروضة", district_en="Al Rawdah")

    # When
    response = api_client.get(LIST_URL)

    # Then
    (result,) = response.json()["results"]
    assert (result["name"], result["district"]) == ("لمسة الياسمين", "الروضة")


def test_english_request_falls_back_to_arabic_text_when_english_is_empty(api_client):
    # Given
    make_salon(name_ar="حلاق الفارس", name_en="", district_ar="العليا", district_en="")

    # When
    response = list_salons(api_client, language="en")

    # Then
    (result,) = response.json()["results"]
    assert (result["name"], result["district"]) == ("حلاق الفارس", "العليا")


def test_list_hides_inactive_salons(api_client):
    # Given
    active = make_salon()
    make_salon(is_active=False)

    # When / Then
    assert result_ids(list_salons(api_client)) == [active.id]


def test_salon_without_active_services_has_no_price_range_nor_photo(api_client):
    # Given
    salon = make_salon()
    make_service(salon, is_active=False)

    # When
    response = list_salons(api_client)

    # Then
    (result,) = response.json()["results"]
    assert (result["price_range"], result["cover_photo_url"]) == (None, None)


def test_list_is_paginated(api_client):
    # Given three salons, best rated first
    salons = [make_salon(rating_average=Decimal(rating)) for rating in ("5.00", "4.00", "3.00")]

    # When
    first_page = list_salons(api_client, page_size=2).json()
    second_page = list_salons(api_client, page_size=2, page=2).json()

    # Then
    assert first_page["count"] == 3
    assert [salon["id"] for salon in first_page["results"]] == [salons[0].id, salons[1].id]
    assert first_page["next"] == "http://testserver/api/salons/?page=2&page_size=2"
    assert [salon["id"] for salon in second_page["results"]] == [salons[2].id]
    assert second_page["next"] is None


def test_list_query_count_does_not_grow_with_salons(api_client, django_assert_num_queries):
    # Given salons, each with services, staff and hours
    def add_salons(count):
        for _ in range(count):
            salon = make_salon(cover_photo="salons/covers/c.jpg")
            services = [make_service(salon), make_service(salon)]
            add_hours(make_staff(salon, services=services), 6, "10:00", "18:00")

    params = {"page_size": 100, "q": "salon", "ordering": "price"}
    add_salons(3)
    list_salons(api_client, language="en", **params)  # SQLite asks once per connection whether it has FTS5

    # When / Then the same queries serve 3 salons and 30 alike: whether the word is common, the count and
    # the page (and, while the word is rare, its typos: the spellings it may stand for on PostgreSQL,
    # the candidates on SQLite; at 30 salons it is common)
    with django_assert_num_queries(4):
        assert len(result_ids(list_salons(api_client, language="en", **params))) == 3
    add_salons(27)
    with django_assert_num_queries(3):
        assert len(result_ids(list_salons(api_client, language="en", **params))) == 30
