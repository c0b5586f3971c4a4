"""Typeahead suggestions for the salon search: salons, services and districts whose folded names
contain every word typed, or salons and services within a typo of it (as the search), at most `limit`
of each. Salons come from one indexed query whatever the number of salons (on PostgreSQL; SQLite, for
development, compares the names in Python); services and districts from the tallies of offered names
(`tallies`), matched in memory.

A service suggestion is a service name as salons list it in the request's language, with how many
active salons offer a service of that name (a salon listing two services that both show the same name
counts twice); a district suggestion is a district with the number of active salons in it.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connections
from django.db.models import F, FloatField, Q, QuerySet, Value

from apps.core.i18n import current_language
from apps.salons.models import Salon
from apps.salons.search_index import search_terms

from .search import TYPO_MIN_LENGTH, trigram_similarity, typo_of_a_word
from .tallies import NameTally, catalog_tallies

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
    tallies = catalog_tallies(salons.db)
    services, districts = tallies.services, tallies.districts
    if city:
        salons = salons.filter(city=city)
        services = tuple(tally for tally in services if tally.city == city)
        districts = tuple(tally for tally in districts if tally.city == city)
    return Suggestions(
        salons=_salon_suggestions(salons, terms, limit),
        services=_service_suggestions(services, terms, limit),
        districts=_district_suggestions(districts, terms, limit),
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


def _service_suggestions(services: tuple[NameTally, ...], terms: list[str], limit: int) -> list[ServiceSuggestion]:
    """Service names as shown in the request's language (the other one when blank), grouped, closest
    to what was typed first, then the most offered."""
    language = current_language()
    counts: dict[str, int] = defaultdict(int)
    closeness: dict[str, float] = defaultdict(float)
    for tally in services:
        if not _tally_matches(tally.search, terms):
            continue
        label = (tally.name_ar if language == "ar" else tally.name_en) or tally.name_ar or tally.name_en
        counts[label] += tally.salon_count
        closeness[label] = max(closeness[label], _text_closeness(tally.search, terms))
    ranked = sorted(counts, key=lambda label: (-closeness[label], -counts[label], label))
    return [ServiceSuggestion(name=label, salon_count=counts[label]) for label in ranked[:limit]]


def _district_suggestions(districts: tuple[NameTally, ...], terms: list[str], limit: int) -> list[DistrictSuggestion]:
    matches = [tally for tally in districts if all(term in tally.search for term in terms)]
    matches.sort(key=lambda tally: (-tally.salon_count, tally.search, tally.city))
    return [
        DistrictSuggestion(
            city=tally.city, district_ar=tally.name_ar, district_en=tally.name_en, salon_count=tally.salon_count
        )
        for tally in matches[:limit]
    ]


def _tally_matches(text: str, terms: list[str]) -> bool:
    """Every term is in `text`, as typed or (from `TYPO_MIN_LENGTH` letters) within a typo of a word."""
    return all(term in text or typo_of_a_word(term, text) for term in terms)


def _text_closeness(text: str, terms: list[str]) -> float:
    """How close the words of `text` are to the terms of a typo's length (shorter ones are substrings
    of every match alike)."""
    words = text.split()
    return sum(
        max((trigram_similarity(term, word) for word in words), default=0.0)
        for term in terms
        if len(term) >= TYPO_MIN_LENGTH
    )
