"""Typeahead suggestions for the salon search: salons, services and districts whose folded names
contain every word typed, or salons and services within a typo of it (as the search), at most `limit`
of each, in three indexed queries whatever the number of salons (on PostgreSQL; SQLite, for
development, compares the names in Python).

A service suggestion is a service name as salons list it in the request's language, with how many
active salons offer a service of that name; a district suggestion is a district with the number of active salons in it.
"""

from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections
from django.db.models import Count, F, FloatField, Max, Min, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from apps.core.i18n import current_language
from apps.salons.models import Salon, Service
from apps.salons.search_index import search_terms

from .search import TYPO_MIN_LENGTH, typo_of_a_word

SUGGESTION_LIMIT = 5


@dataclass(frozen=True)
class ServiceSuggestion:
    name: str  # in the request's language
    salon_count: int


@dataclass(frozen=True)
class DistrictSuggestion:
    city: str
    district_ar: str
    district_en: str
    salon_count: int


@dataclass(frozen=True)
class Suggestions:
    salons: list[Salon]
    services: list[ServiceSuggestion]
    districts: list[DistrictSuggestion]


def suggestion_list(*, query: str, city: str | None = None, limit: int = SUGGESTION_LIMIT) -> Suggestions:
    terms = search_terms(query)
    if not terms:
        return Suggestions(salons=[], services=[], districts=[])
    salons = Salon.objects.filter(is_active=True)
    services = Service.objects.filter(is_active=True, salon__is_active=True)
    if city:
        salons = salons.filter(city=city)
        services = services.filter(salon__city=city)
    return Suggestions(
        salons=_salon_suggestions(salons, terms, limit),
        services=_service_suggestions(services, terms, limit),
        districts=_district_suggestions(salons, terms, limit),
    )


def _is_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _matching(queryset: QuerySet, field: str, terms: list[str], *, typos: bool) -> QuerySet:
    """`queryset` where `field` contains every term or, with `typos`, is within a typo of it: on
    PostgreSQL by the trigram index; on SQLite (development) by comparing the field's distinct values
    in Python, as the search does."""
    postgresql = _is_postgresql(queryset)
    values = None
    for term in terms:
        condition = Q(**{f"{field}__contains": term})
        if len(term) < TYPO_MIN_LENGTH:
            pass  # a typo in a word this short is no match worth showing (and no index serves it)
        elif typos and postgresql:
            condition |= Q(**{f"{field}__trigram_word_similar": term})
        elif typos:
            if values is None:
                values = list(queryset.order_by().values_list(field, flat=True).distinct())
            close = [value for value in values if typo_of_a_word(term, value)]
            if close:
                condition |= Q(**{f"{field}__in": close})
        queryset = queryset.filter(condition)
    return queryset


def _closeness(queryset: QuerySet, field: str, terms: list[str]):
    """Trigram closeness of the terms (of a typo's length) to `field` on PostgreSQL; 0 on SQLite (then
    the tie-breaks decide)."""
    if not _is_postgresql(queryset):
        return Value(0.0, output_field=FloatField())
    score = Value(0.0, output_field=FloatField())
    for term in terms:
        if len(term) >= TYPO_MIN_LENGTH:  # shorter ones are substrings of every match alike
            score = score + TrigramWordSimilarity(Value(term), F(field))
    return score


def _salon_suggestions(salons: QuerySet[Salon], terms: list[str], limit: int) -> list[Salon]:
    matches = _matching(salons, "search_names", terms, typos=True)
    return list(
        matches.annotate(closeness=_closeness(salons, "search_names", terms))
        .order_by("-closeness", "-rating_average", "id")
        .only("id", "slug", "name_ar", "name_en", "district_ar", "district_en", "city")[:limit]
    )


def _service_suggestions(services: QuerySet[Service], terms: list[str], limit: int) -> list[ServiceSuggestion]:
    """Service names as shown in the request's language (the other one when blank), grouped."""
    language = current_language()
    other = "en" if language == "ar" else "ar"
    label = Coalesce(NullIf(F(f"name_{language}"), Value("")), F(f"name_{other}"))
    matches = _matching(services, "search_name", terms, typos=True)
    rows = (
        matches.order_by()
        .annotate(label=label)
        .values("label")
        .annotate(
            salon_count=Count("salon_id", distinct=True),
            closeness=Max(_closeness(services, "search_name", terms)),
        )
        .order_by("-closeness", "-salon_count", "label")[:limit]
    )
    return [ServiceSuggestion(name=row["label"], salon_count=row["salon_count"]) for row in rows]


def _district_suggestions(salons: QuerySet[Salon], terms: list[str], limit: int) -> list[DistrictSuggestion]:
    rows = (
        _matching(salons.exclude(search_district=""), "search_district", terms, typos=False)
        .order_by()
        .values("city", "search_district")
        .annotate(salon_count=Count("id"), district_ar=Min("district_ar"), district_en=Min("district_en"))
        .order_by("-salon_count", "search_district")[:limit]
    )
    return [
        DistrictSuggestion(
            city=row["city"],
            district_ar=row["district_ar"],
            district_en=row["district_en"],
            salon_count=row["salon_count"],
        )
        for row in rows
    ]
