"""The salon list's `q`: Arabic-aware search in names, districts and service names."""

import pytest

from apps.salons.tests.factories import make_salon, make_service

from .salon_list_helpers import assert_field_error, list_salons, result_ids

pytestmark = pytest.mark.django_db


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
