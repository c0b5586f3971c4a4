"""The salon list's `q`: Arabic-aware search in names, districts and service names."""

import pytest

from apps.discovery.search import COMMON_TERM_SALONS
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


@pytest.mark.parametrize(("stored", "query"), [("صالون ١٠٠", "100"), ("Salon 100", "١٠٠")])
def test_search_matches_digits_in_either_form(api_client, stored, query):
    # Given
    salon = make_salon(name_ar=stored)
    make_salon(name_ar="صالون آخر")

    # When / Then
    assert result_ids(list_salons(api_client, q=query)) == [salon.id]


def test_search_matches_a_city_name(api_client):
    # Given
    salon = make_salon(city="jeddah")
    make_salon(city="riyadh")

    # When / Then
    assert result_ids(list_salons(api_client, q="جدة")) == [salon.id]


def test_search_ranks_name_matches_above_service_matches(api_client):
    # Given a better rated salon that only offers the word as a service
    offers_it = make_salon(name_en="Rose", rating_average=5)
    make_service(offers_it, name_en="Henna night")
    named_after_it = make_salon(name_en="Henna House", rating_average=3)

    # When
    response = list_salons(api_client, language="en", q="henna")

    # Then relevance decides, not the rating
    assert result_ids(response) == [named_after_it.id, offers_it.id]


def test_an_explicit_ordering_wins_over_relevance(api_client):
    # Given
    offers_it = make_salon(name_en="Rose", rating_average=5)
    make_service(offers_it, name_en="Henna night")
    named_after_it = make_salon(name_en="Henna House", rating_average=3)

    # When / Then
    assert result_ids(list_salons(api_client, q="henna", ordering="-rating")) == [offers_it.id, named_after_it.id]


def test_relevance_ordering_without_a_query_is_the_default_order(api_client):
    # Given
    low, high = make_salon(rating_average=2), make_salon(rating_average=4)

    # When / Then
    assert result_ids(list_salons(api_client, ordering="relevance")) == [high.id, low.id]


def test_search_finds_a_name_renamed_after_creation(api_client):
    # Given
    salon = make_salon(name_en="Rose")
    salon.name_en = "Violet"
    salon.save()

    # When / Then
    assert result_ids(list_salons(api_client, q="violet")) == [salon.id]
    assert result_ids(list_salons(api_client, q="rose")) == []


@pytest.mark.parametrize(
    ("stored", "query"), [("تسريحة شعر", "تصريحة"), ("باديكير", "بديكير"), ("Manicure", "manicur")]
)
def test_search_forgives_a_typo(api_client, stored, query):
    # Given
    salon = make_salon()
    make_service(salon, name_ar=stored, name_en=stored)
    make_service(make_salon(), name_ar="قص شعر", name_en="Haircut")

    # When / Then
    assert result_ids(list_salons(api_client, q=query)) == [salon.id]


def test_a_word_spelt_as_many_salons_spell_it_is_not_searched_for_typos(api_client):
    # Given a page of salons offering "Manicure", and one offering "Manicures" (a near spelling)
    spelt = [make_salon() for _ in range(COMMON_TERM_SALONS)]
    for salon in spelt:
        make_service(salon, name_ar="مانيكير", name_en="Manicure")
    near = make_salon()
    make_service(near, name_ar="مانكير", name_en="Manikure")

    # When the common spelling is searched / Then only the salons spelling it so come (no typo matches)
    assert sorted(result_ids(list_salons(api_client, q="manicure", page_size=100))) == sorted(s.id for s in spelt)
    # While with one salon fewer spelling it, the near spelling is found too
    service = spelt[0].services.get()
    service.is_active = False
    service.save()
    assert near.id in result_ids(list_salons(api_client, q="manicure", page_size=100))
