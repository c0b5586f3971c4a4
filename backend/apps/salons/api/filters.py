"""Query parameters of the public catalogue API (the salon list's are in `apps.discovery.api.filters`).
Invalid values are 400s with field errors.

Each filter method hands over to a selector; the descriptions are developer documentation for the
OpenAPI schema.
"""

import django_filters
from django import forms
from django.db.models import QuerySet

from .. import selectors
from ..models import Service, StaffMember


class IdFilter(django_filters.Filter):
    """A positive integer id (larger than any row's is bad input); the filter method's `value: int`
    hint types it in the schema."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", selectors.MAX_ID)
        super().__init__(*args, **kwargs)


class ServiceFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(
        method="filter_category", max_length=40, help_text="A service category's slug or id."
    )

    class Meta:
        model = Service
        fields = ["category"]

    def filter_category(self, queryset: QuerySet[Service], name: str, value: str) -> QuerySet[Service]:
        return selectors.service_filter_category(queryset, category=value)


class StaffFilter(django_filters.FilterSet):
    service = IdFilter(method="filter_service", help_text="A service id: the staff offering it.")

    class Meta:
        model = StaffMember
        fields = ["service"]

    def filter_service(self, queryset: QuerySet[StaffMember], name: str, value: int) -> QuerySet[StaffMember]:
        return selectors.staff_filter_service(queryset, service_id=value)
