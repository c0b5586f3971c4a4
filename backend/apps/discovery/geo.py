"""Distances for "near me", without PostGIS: a bounding box that an index on latitude and longitude
can serve, then the great-circle (haversine) distance, in SQL on both databases (Django provides
the trigonometric functions on SQLite)."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, FloatField
from django.db.models.functions import ASin, Cast, Cos, Least, Power, Radians, Sin, Sqrt

EARTH_RADIUS_KM = 6371.0088  # the mean radius
KM_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_KM / 180


@dataclass(frozen=True)
class GeoPoint:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Box:
    south: Decimal
    north: Decimal
    west: Decimal
    east: Decimal


def bounding_box(point: GeoPoint, radius_km: float) -> Box:
    """The latitude/longitude box around the circle (a little larger near the poles; it never wraps
    around the antimeridian, which no Saudi salon is near)."""
    latitude_span = radius_km / KM_PER_DEGREE_LATITUDE
    cos_latitude = max(math.cos(math.radians(point.latitude)), 0.01)
    longitude_span = min(radius_km / (KM_PER_DEGREE_LATITUDE * cos_latitude), 180.0)

    def degrees(value: float) -> Decimal:
        return Decimal(f"{value:.6f}")

    return Box(
        south=degrees(max(point.latitude - latitude_span, -90.0)),
        north=degrees(min(point.latitude + latitude_span, 90.0)),
        west=degrees(max(point.longitude - longitude_span, -180.0)),
        east=degrees(min(point.longitude + longitude_span, 180.0)),
    )


def great_circle_km(point: GeoPoint):
    """The haversine distance in km from `point` to a salon's latitude/longitude, as an expression."""
    latitude = Radians(Cast(F("latitude"), FloatField()))
    longitude = Radians(Cast(F("longitude"), FloatField()))
    origin_latitude = math.radians(point.latitude)
    origin_longitude = math.radians(point.longitude)
    half_chord = Power(Sin((latitude - origin_latitude) / 2), 2) + math.cos(origin_latitude) * Cos(latitude) * Power(
        Sin((longitude - origin_longitude) / 2), 2
    )
    # Rounding can take the chord a hair past 1, outside arcsine's domain.
    return Cast(2 * EARTH_RADIUS_KM * ASin(Least(Sqrt(half_chord), 1.0)), FloatField())


def great_circle_km_between(a: GeoPoint, b: GeoPoint) -> float:
    """The same distance in Python (tests and the fake data)."""
    half_chord = (
        math.sin(math.radians(b.latitude - a.latitude) / 2) ** 2
        + math.cos(math.radians(a.latitude))
        * math.cos(math.radians(b.latitude))
        * math.sin(math.radians(b.longitude - a.longitude) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(half_chord))
