"""The salon list's `ordering`: by rating (the default), name or price, ties by name."""

from decimal import Decimal

import pytest

from apps.salons.tests.factories import make_salon, make_service

from .salon_list_helpers import assert_field_error, list_salons, result_ids

pytestmark = pytest.mark.django_db


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
    response = list_salons(api_client, ordering="nearest")

    # Then
    assert_field_error(response, "ordering", "invalid_choice")
