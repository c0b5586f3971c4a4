"""Query parameters of the salon list. Invalid values are 400s with field errors.

Each filter method hands over to a selector; the descriptions are developer documentation for the
OpenAPI schema.
"""

from datetime import date

import django_filters
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema_field

from apps.salons.models import Audience, City, Salon

from .. import selectors

OPEN_NOW_HELP = "`true`: salons where at least one stylist is working now (in the salon's time zone)."


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
        ],
        method="filter_ordering",
        help_text="Ties are broken by name. Salons without an active service come last when ordering by price.",
    )

    class Meta:
        model = Salon
        fields = ["q", "city", "category", "audience", "min_rating", "has_availability_on", "ordering"]

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
        return selectors.salon_order(queryset, ordering=value)
