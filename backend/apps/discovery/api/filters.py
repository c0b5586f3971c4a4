"""Query parameters of the salon list. Invalid values are 400s with field errors.

Each filter method hands over to a selector; the descriptions are developer documentation for the
OpenAPI schema.
"""

from datetime import date

import django_filters
from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from apps.salons.models import Audience, City, Salon

from .. import selectors
from ..geo import GeoPoint

DEFAULT_RADIUS_KM = 10
MAX_RADIUS_KM = 100


class GeoPointField(forms.CharField):
    """`latitude,longitude` in decimal degrees."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        parts = value.split(",")
        try:
            latitude, longitude = (float(part) for part in parts)
        except ValueError:
            raise forms.ValidationError(
                _("Give a location as latitude,longitude in degrees, e.g. 24.7136,46.6753."), code="invalid"
            ) from None
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise forms.ValidationError(
                _("Latitude must be between -90 and 90 and longitude between -180 and 180."), code="out_of_range"
            )
        return GeoPoint(latitude=latitude, longitude=longitude)


class GeoPointFilter(django_filters.Filter):
    field_class = GeoPointField


class SalonFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        min_price, max_price = cleaned.get("min_price"), cleaned.get("max_price")
        if min_price is not None and max_price is not None and min_price > max_price:
            self.add_error(
                "max_price",
                forms.ValidationError(_("The highest price cannot be below the lowest."), code="below_min_price"),
            )
        if cleaned.get("ordering") == "distance" and cleaned.get("near") is None:
            self.add_error(
                "ordering",
                forms.ValidationError(_("Sorting by distance needs a location (near)."), code="near_required"),
            )
        return cleaned


OPEN_NOW_HELP = "`true`: salons where at least one stylist is working now (in the salon's time zone)."


def _price_filter(direction: str) -> django_filters.NumberFilter:
    return django_filters.NumberFilter(
        method="filter_price",
        min_value=0,
        max_value=10_000_000,
        decimal_places=0,
        help_text=f"In halalas: salons with an active service (in `category`, when given) at this price or {direction}.",
    )


class SalonFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_q",
        max_length=100,
        help_text=(
            "Words to find in salon names, districts and service names, in Arabic or English. "
            "Every word must match; Arabic matches with or without diacritics and whatever the "
            "spelling of alef, ta marbuta and alef maqsura; English ignores case."
        ),
    )
    city = django_filters.ChoiceFilter(choices=City.choices, help_text="The salon's city.")
    district = django_filters.CharFilter(
        method="filter_district",
        max_length=80,
        help_text="A district's name in Arabic or English (as the suggestions give it), folded like `q`.",
    )
    category = django_filters.CharFilter(
        method="filter_category",
        max_length=40,
        help_text="A service category's slug or id: salons with at least one active service in it.",
    )
    audience = django_filters.ChoiceFilter(
        choices=Audience.choices,
        method="filter_audience",
        help_text="`women` and `men` also match salons for everyone; `all` matches only those.",
    )
    min_rating = django_filters.NumberFilter(
        field_name="rating_average",
        lookup_expr="gte",
        min_value=0,
        max_value=5,
        max_digits=3,
        decimal_places=2,
        help_text="The lowest average rating, 0 to 5.",
    )
    min_price = _price_filter("more")
    max_price = _price_filter("less")
    near = GeoPointFilter(
        method="filter_near",
        help_text=(
            "`latitude,longitude` in degrees: only salons within `radius_km`, each with `distance_km`, "
            "nearest first unless `ordering` says otherwise."
        ),
    )
    radius_km = django_filters.NumberFilter(
        method="filter_radius_km",
        min_value=0.1,
        max_value=MAX_RADIUS_KM,
        max_digits=6,
        decimal_places=3,
        help_text=f"With `near`: the search radius in km (default {DEFAULT_RADIUS_KM}, at most {MAX_RADIUS_KM}).",
    )
    # After the other filters, so the availability engine only looks at the remaining salons.
    has_availability_on = django_filters.DateFilter(
        method="filter_has_availability_on",
        input_formats=["%Y-%m-%d"],
        help_text="A date (YYYY-MM-DD): salons with at least one free time that day.",
    )
    open_now = django_filters.BooleanFilter(method="filter_open_now", help_text=OPEN_NOW_HELP)
    ordering = django_filters.ChoiceFilter(
        choices=[
            ("rating", "Rating, lowest first"),
            ("-rating", "Rating, highest first (the default)"),
            ("name", "Name, A to Z"),
            ("-name", "Name, Z to A"),
            ("price", "Lowest service price, cheapest first"),
            ("-price", "Lowest service price, most expensive first"),
            ("relevance", "Best match for `q` first (the default with `q`; without `q`, the default order)"),
            ("distance", "Nearest first (the default with `near`; needs `near`)"),
        ],
        method="filter_ordering",
        help_text=(
            "Ties are broken by rating, then name. Salons without an active service come last when ordering by price."
        ),
    )

    class Meta:
        model = Salon
        form = SalonFilterForm
        fields = [
            "q",
            "city",
            "district",
            "category",
            "audience",
            "min_rating",
            "min_price",
            "max_price",
            "near",
            "radius_km",
            "has_availability_on",
            "open_now",
            "ordering",
        ]

    def filter_queryset(self, queryset: QuerySet[Salon]) -> QuerySet[Salon]:
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("ordering"):
            queryset = selectors.salon_order(queryset, ordering=self._default_ordering())
        return queryset

    def _default_ordering(self) -> str:
        data = self.form.cleaned_data
        if data.get("q", "").strip():
            return "relevance"
        if data.get("near") is not None:
            return "distance"
        return selectors.DEFAULT_SALON_ORDERING

    def filter_district(self, queryset: QuerySet[Salon], name: str, value: str) -> QuerySet[Salon]:
        return selectors.salon_filter_district(queryset, district=value)

    def filter_price(self, queryset: QuerySet[Salon], name: str, value) -> QuerySet[Salon]:
        # Both bounds in one condition (on the same service), applied once.
        if name == "max_price" and self.form.cleaned_data.get("min_price") is not None:
            return queryset
        data = self.form.cleaned_data
        return selectors.salon_filter_price(
            queryset,
            min_price=_integer(data.get("min_price")),
            max_price=_integer(data.get("max_price")),
            category=data.get("category") or None,
        )

    def filter_near(self, queryset: QuerySet[Salon], name: str, value: GeoPoint) -> QuerySet[Salon]:
        radius = self.form.cleaned_data.get("radius_km")
        return selectors.salon_filter_near(
            queryset, point=value, radius_km=float(radius) if radius is not None else DEFAULT_RADIUS_KM
        )

    def filter_radius_km(self, queryset: QuerySet[Salon], name: str, value) -> QuerySet[Salon]:
        return queryset  # read by `filter_near`

    def filter_q(self, queryset: QuerySet[Salon], name: str, value: str) -> QuerySet[Salon]:
        return selectors.salon_search(queryset, query=value)

    def filter_category(self, queryset: QuerySet[Salon], name: str, value: str) -> QuerySet[Salon]:
        return selectors.salon_filter_category(queryset, category=value)

    def filter_audience(self, queryset: QuerySet[Salon], name: str, value: str) -> QuerySet[Salon]:
        return selectors.salon_filter_audience(queryset, audience=value)

    def filter_has_availability_on(self, queryset: QuerySet[Salon], name: str, value: date) -> QuerySet[Salon]:
        return selectors.salon_filter_available_on(queryset, day=value)

    @extend_schema_field({"type": "boolean", "description": OPEN_NOW_HELP})
    def filter_open_now(self, queryset: QuerySet[Salon], name: str, value: bool | None) -> QuerySet[Salon]:
        return selectors.salon_filter_open_now(queryset) if value else queryset

    def filter_ordering(self, queryset: QuerySet[Salon], name: str, value: str) -> QuerySet[Salon]:
        if value == "relevance" and not self.form.cleaned_data.get("q", "").strip():
            value = self._default_ordering()
        return selectors.salon_order(queryset, ordering=value)


def _integer(value) -> int | None:
    return None if value is None else int(value)
