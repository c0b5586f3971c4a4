"""The salon list's `district` and `min_price`/`max_price` filters."""

import pytest

from apps.salons.tests.factories import make_category, make_salon, make_service

from .salon_list_helpers import assert_field_error, list_salons, result_ids

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("district", ["العليا", "العُلْيا", "Al Olaya", "al olaya"])
def test_district_matches_either_language_folded(api_client, district):
    # Given
    salon = make_salon(district_ar="العليا", district_en="Al Olaya")
    make_salon(district_ar="العليا الجنوبية", district_en="South Olaya")  # a longer name is another district

    # When / Then
    assert result_ids(list_salons(api_client, district=district)) == [salon.id]


def test_price_range_needs_one_service_within_it(api_client):
    # Given
    cheap = make_salon()
    make_service(cheap, price_amount=5_000)
    wide = make_salon()
    make_service(wide, price_amount=2_000)
    make_service(wide, price_amount=50_000)
    dear = make_salon()
    make_service(dear, price_amount=40_000)
    make_service(make_salon(), price_amount=6_000, is_active=False)

    # When / Then
    assert set(result_ids(list_salons(api_client, min_price=3_000, max_price=10_000))) == {cheap.id}
    assert set(result_ids(list_salons(api_client, max_price=5_000))) == {cheap.id, wide.id}
    assert set(result_ids(list_salons(api_client, min_price=30_000))) == {wide.id, dear.id}


def test_price_range_with_a_category_looks_at_that_category_only(api_client):
    # Given
    nails = make_category(slug="nails")
    hair = make_category(slug="hair")
    salon = make_salon()
    make_service(salon, category=hair, price_amount=5_000)
    make_service(salon, category=nails, price_amount=30_000)

    # When / Then
    assert result_ids(list_salons(api_client, category="nails", max_price=10_000)) == []
    assert result_ids(list_salons(api_client, category="hair", max_price=10_000)) == [salon.id]


def test_a_price_range_upside_down_is_a_field_error(api_client):
    assert_field_error(list_salons(api_client, min_price=5_000, max_price=1_000), "max_price", "below_min_price")


@pytest.mark.parametrize("price", ["-1", "abc", "1.5"])
def test_an_invalid_price_is_a_field_error(api_client, price):
    response = list_salons(api_client, min_price=price)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["min_price"]
