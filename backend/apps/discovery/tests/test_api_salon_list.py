from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.salons.models import Audience, City
from apps.salons.tests.factories import add_hours, make_category, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

LIST_URL = reverse("discovery:salon-list")


def list_salons(api_client, language="ar", **params):
    return api_client.get(LIST_URL, params, HTTP_ACCEPT_LANGUAGE=language)


def result_ids(response) -> list[int]:
    assert response.status_code == 200, response.json()
    return [salon["id"] for salon in response.json()["results"]]


def assert_field_error(response, field: str, code: str) -> None:
    assert response.status_code == 400
    body = response.json()
    assert (body["code"], list(body["errors"])) == (code, [field])


# --- Shape, visibility and language -----------------------------------------------------


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
                "price_range": {"min": 8000, "max": 25000, "currency": "SAR"},
                "requires_prepayment": True,
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

    # When / Then three queries (search texts, count, page) serve 3 salons and 30 alike
    with django_assert_num_queries(3):
        assert len(result_ids(list_salons(api_client, language="en", **params))) == 3
    add_salons(27)
    with django_assert_num_queries(3):
        assert len(result_ids(list_salons(api_client, language="en", **params))) == 30


# --- Search -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("صَالُون النَّخِيل", "النخيل"),  # stored with diacritics, searched without
        ("صالون النخيل", "النَّخِيل"),  # searched with diacritics
        ("صالون النخيل", "النـــخيل"),  # searched with tatweel
        ("صالون الأميرة", "الاميره"),  # hamza on alef, ta marbuta written as ha
        ("صالون الاميره", "الأميرة"),  # and the other way round
        ("صالون إيمان", "ايمان"),  # hamza under alef
        ("صالون آمنة", "امنه"),  # madda
        ("صالون ليلى", "ليلي"),  # alef maqsura written as ya
        ("صالون ليلي", "ليلى"),  # and the other way round
    ],
)
def test_search_matches_arabic_names_whatever_the_spelling(api_client, stored, query):
    # Given
    salon = make_salon(name_ar=stored)
    make_salon(name_ar="صالون آخر")

    # When / Then
    assert result_ids(list_salons(api_client, q=query)) == [salon.id]


@pytest.mark.parametrize("query", ["glam", "GLAMOUR", "Studio"])
def test_search_matches_english_names_ignoring_case(api_client, query):
    # Given
    salon = make_salon(name_en="Glamour Studio")
    make_salon(name_en="Barber Shop")

    # When / Then
    assert result_ids(list_salons(api_client, language="en", q=query)) == [salon.id]


@pytest.mark.parametrize("query", ["olaya", "OLAYA", "العليا", "العُلْيا"])
def test_search_matches_districts_in_both_languages(api_client, query):
    # Given
    salon = make_salon(district_ar="العليا", district_en="Al Olaya")
    make_salon(district_ar="الملقا", district_en="Al Malqa")

    # When / Then
    assert result_ids(list_salons(api_client, q=query)) == [salon.id]


@pytest.mark.parametrize("query", ["keratin", "كيراتين"])
def test_search_matches_active_service_names(api_client, query):
    # Given
    salon = make_salon()
    make_service(salon, name_ar="علاج بالكيراتين", name_en="Keratin treatment")
    hidden = make_salon()
    make_service(hidden, name_ar="علاج بالكيراتين", name_en="Keratin treatment", is_active=False)

    # When / Then
    assert result_ids(list_salons(api_client, q=query)) == [salon.id]


def test_search_requires_every_word_to_match_somewhere(api_client):
    # Given a salon whose name has one word and whose service has the other
    salon = make_salon(name_en="Jasmine Touch")
    make_service(salon, name_en="Keratin treatment")
    name_only = make_salon(name_en="Jasmine Garden")
    make_service(name_only, name_en="Haircut")

    # When / Then
    assert result_ids(list_salons(api_client, q="jasmine keratin")) == [salon.id]


def test_search_treats_like_wildcards_as_text(api_client):
    # Given
    make_salon(name_en="Salon 100")

    # When / Then
    assert result_ids(list_salons(api_client, q="%")) == []
    assert result_ids(list_salons(api_client, q="_")) == []


def test_blank_search_lists_every_salon(api_client):
    # Given
    salons = {make_salon().id, make_salon().id}

    # When / Then
    assert set(result_ids(list_salons(api_client, q="   "))) == salons


def test_search_longer_than_100_characters_is_rejected(api_client):
    # When
    response = list_salons(api_client, q="a" * 101)

    # Then
    assert_field_error(response, "q", "max_length")


# --- Filters ----------------------------------------------------------------------------------


def test_city_filter(api_client):
    # Given
    riyadh = make_salon(city=City.RIYADH)
    make_salon(city=City.JEDDAH)

    # When / Then
    assert result_ids(list_salons(api_client, city="riyadh")) == [riyadh.id]


def test_unknown_city_is_a_field_error(api_client):
    # When
    response = list_salons(api_client, city="paris")

    # Then
    assert_field_error(response, "city", "invalid_choice")


def test_category_filter_by_slug_or_id_needs_an_active_service_in_it(api_client):
    # Given
    nails = make_category(slug="nails")
    with_nails = make_salon()
    make_service(with_nails, category=nails)
    inactive_nails = make_salon()
    make_service(inactive_nails, category=nails, is_active=False)
    make_service(make_salon())

    # When / Then
    assert result_ids(list_salons(api_client, category="nails")) == [with_nails.id]
    assert result_ids(list_salons(api_client, category=str(nails.id))) == [with_nails.id]
    assert result_ids(list_salons(api_client, category="unknown")) == []


@pytest.mark.parametrize(
    ("audience", "expected"),
    [("women", {"women", "all"}), ("men", {"men", "all"}), ("all", {"all"})],
)
def test_audience_filter_includes_salons_for_everyone(api_client, audience, expected):
    # Given
    salons = {make_salon(audience=value).id: value for value in ("women", "men", "all")}

    # When
    ids = result_ids(list_salons(api_client, audience=audience))

    # Then
    assert {salons[salon_id] for salon_id in ids} == expected


def test_unknown_audience_is_a_field_error(api_client):
    # When
    response = list_salons(api_client, audience="kids")

    # Then
    assert_field_error(response, "audience", "invalid_choice")


def test_min_rating_filter(api_client):
    # Given
    make_salon(rating_average=Decimal("3.99"))
    exact = make_salon(rating_average=Decimal("4.00"))
    best = make_salon(rating_average=Decimal("4.80"))

    # When / Then
    assert result_ids(list_salons(api_client, min_rating="4")) == [best.id, exact.id]


@pytest.mark.parametrize(
    ("value", "code"),
    [("-1", "min_value"), ("5.01", "max_value"), ("abc", "invalid"), ("NaN", "invalid"), ("4.555", "max_digits")],
)
def test_invalid_min_rating_is_a_field_error(api_client, value, code):
    # When
    response = list_salons(api_client, min_rating=value)

    # Then
    assert_field_error(response, "min_rating", code)


def test_has_availability_on_keeps_the_salons_the_engine_finds_free(api_client, monkeypatch):
    # Given the engine says the first and the Jeddah salon are free
    free = make_salon(city=City.RIYADH, rating_average=Decimal("5.00"))
    busy = make_salon(city=City.RIYADH, rating_average=Decimal("4.00"))
    elsewhere = make_salon(city=City.JEDDAH)
    calls = []

    def engine(*, salon_ids, day, now=None):
        calls.append((sorted(salon_ids), day))
        return {free.id, elsewhere.id}

    monkeypatch.setattr("apps.discovery.selectors.salon_ids_with_availability", engine)

    # When
    ids = result_ids(list_salons(api_client, city="riyadh", has_availability_on="2026-11-22"))

    # Then only the Riyadh salons were asked about, for that date
    assert ids == [free.id]
    assert calls == [(sorted([free.id, busy.id]), date(2026, 11, 22))]


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "22/11/2026", "2026-11-22T10:00"])
def test_invalid_availability_date_is_a_field_error(api_client, value):
    # When
    response = list_salons(api_client, has_availability_on=value)

    # Then
    assert_field_error(response, "has_availability_on", "invalid")


def test_has_availability_on_with_the_real_engine(api_client):
    # Given a salon whose stylist works all day a week from now, and one whose stylist never works
    day = timezone.localdate() + timedelta(days=7)
    open_salon = make_salon()
    add_hours(make_staff(open_salon, services=[make_service(open_salon)]), day.weekday(), "09:00", "21:00")
    closed_salon = make_salon()
    make_staff(closed_salon, services=[make_service(closed_salon)])

    # When
    ids = result_ids(list_salons(api_client, has_availability_on=day.isoformat()))

    # Then
    assert ids == [open_salon.id]


# --- Ordering ----------------------------------------------------------------------------------------


@pytest.fixture
def ranked_salons():
    """Three salons whose order differs by rating, name and price; the last has no active service."""
    cheap = make_salon(name_ar="باء", name_en="Charlie", rating_average=Decimal("3.00"))
    make_service(cheap, price_amount=5000)
    dear = make_salon(name_ar="ألف", name_en="bravo", rating_average=Decimal("4.00"))
    make_service(dear, price_amount=20000)
    make_service(dear, price_amount=1000, is_active=False)
    unpriced = make_salon(name_ar="تاء", name_en="Alpha", rating_average=Decimal("5.00"))
    return cheap, dear, unpriced


@pytest.mark.parametrize(
    ("ordering", "language", "expected"),
    [
        (None, "en", ["unpriced", "dear", "cheap"]),
        ("-rating", "en", ["unpriced", "dear", "cheap"]),
        ("rating", "en", ["cheap", "dear", "unpriced"]),
        ("name", "en", ["unpriced", "dear", "cheap"]),  # Alpha, bravo, Charlie: case-insensitive
        ("-name", "en", ["cheap", "dear", "unpriced"]),
        ("name", "ar", ["dear", "cheap", "unpriced"]),  # ألف، باء، تاء
        ("-name", "ar", ["unpriced", "cheap", "dear"]),
        ("price", "en", ["cheap", "dear", "unpriced"]),  # without a price: last
        ("-price", "en", ["dear", "cheap", "unpriced"]),  # without a price: still last
    ],
)
def test_ordering(api_client, ranked_salons, ordering, language, expected):
    # Given
    cheap, dear, unpriced = ranked_salons
    names = {cheap.id: "cheap", dear.id: "dear", unpriced.id: "unpriced"}
    params = {"ordering": ordering} if ordering else {}

    # When
    ids = result_ids(list_salons(api_client, language=language, **params))

    # Then
    assert [names[salon_id] for salon_id in ids] == expected


def test_equal_ratings_are_ordered_by_name(api_client):
    # Given
    second = make_salon(name_en="Beta", rating_average=Decimal("4.00"))
    first = make_salon(name_en="Alpha", rating_average=Decimal("4.00"))

    # When / Then
    assert result_ids(list_salons(api_client, language="en")) == [first.id, second.id]


def test_unknown_ordering_is_a_field_error(api_client):
    # When
    response = list_salons(api_client, ordering="distance")

    # Then
    assert_field_error(response, "ordering", "invalid_choice")
