"""The salon list's "near me": `near=lat,lng` and `radius_km`, `distance_km` on each result."""

from decimal import Decimal

import pytest

from apps.discovery.geo import GeoPoint, great_circle_km_between
from apps.salons.tests.factories import make_salon

from .salon_list_helpers import assert_field_error, list_salons, result_ids

pytestmark = pytest.mark.django_db

# Jeddah's corniche, a salon 2.2 km inland, one 8 km north, one in Makkah (about 65 km).
CORNICHE = GeoPoint(21.5433, 39.1728)


def salon_at(latitude: str, longitude: str, **fields):
    return make_salon(latitude=Decimal(latitude), longitude=Decimal(longitude), **fields)


def test_near_keeps_salons_within_the_radius_nearest_first_with_their_distance(api_client):
    # Given
    north = salon_at("21.6150", "39.1650", rating_average=5)
    inland = salon_at("21.5433", "39.1940", rating_average=1)
    salon_at("21.4225", "39.8262")  # Makkah
    make_salon()  # no location

    # When
    response = list_salons(api_client, near="21.5433,39.1728")

    # Then
    assert result_ids(response) == [inland.id, north.id]
    distances = [salon["distance_km"] for salon in response.json()["results"]]
    expected = [
        round(great_circle_km_between(CORNICHE, GeoPoint(21.5433, 39.1940)), 1),
        round(great_circle_km_between(CORNICHE, GeoPoint(21.6150, 39.1650)), 1),
    ]
    assert distances == expected
    assert expected == [2.2, 8.0]


def test_radius_widens_the_circle(api_client):
    # Given
    inland = salon_at("21.5433", "39.1940")
    makkah = salon_at("21.4225", "39.8262")

    # When / Then
    assert result_ids(list_salons(api_client, near="21.5433,39.1728", radius_km="100")) == [inland.id, makkah.id]
    assert result_ids(list_salons(api_client, near="21.5433,39.1728", radius_km="1")) == []


def test_near_keeps_an_explicit_ordering(api_client):
    # Given
    north = salon_at("21.6150", "39.1650", rating_average=5)
    inland = salon_at("21.5433", "39.1940", rating_average=1)

    # When / Then
    assert result_ids(list_salons(api_client, near="21.5433,39.1728", ordering="-rating")) == [north.id, inland.id]
    assert result_ids(list_salons(api_client, near="21.5433,39.1728", ordering="distance")) == [inland.id, north.id]


def test_without_near_the_results_carry_no_distance_but_their_location(api_client):
    # Given
    salon_at("21.5433", "39.1940")

    # When
    salon = list_salons(api_client).json()["results"][0]

    # Then
    assert (salon["distance_km"], salon["latitude"], salon["longitude"]) == (None, 21.5433, 39.194)


@pytest.mark.parametrize("near", ["21.5", "a,b", "21.5,39.1,3", "91,39", "21,181", ""])
def test_an_invalid_location_is_a_field_error(api_client, near):
    if near == "":
        assert list_salons(api_client, near=near).status_code == 200
        return
    assert_field_error(
        list_salons(api_client, near=near), "near", "invalid" if near.count(",") != 1 or "a" in near else "out_of_range"
    )


@pytest.mark.parametrize("radius", ["0", "101", "x"])
def test_an_invalid_radius_is_a_field_error(api_client, radius):
    response = list_salons(api_client, near="21.5,39.1", radius_km=radius)
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["radius_km"]


def test_ordering_by_distance_needs_a_location(api_client):
    assert_field_error(list_salons(api_client, ordering="distance"), "ordering", "near_required")
