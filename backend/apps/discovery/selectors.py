"""The public salon list: active salons searched, filtered and ordered, in a constant number of
queries whatever the number of salons (the price range is aggregated in SQL; the availability and
"open now" filters read the availability summary).
"""

from collections import defaultdict
from datetime import date, datetime

from django.db.models import Exists, F, FilteredRelation, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from apps.bookings.availability_summary import salon_ids_available_on, salon_ids_open_now
from apps.core.i18n import current_language
from apps.salons.models import Audience, City, Salon, Service
from apps.salons.selectors import category_condition, with_price_range

from .search import matches_every_term, search_terms

DEFAULT_SALON_ORDERING = "-rating"

# The audiences a salon may serve for each audience a customer asks for.
_AUDIENCE_MATCHES = {
    Audience.WOMEN: (Audience.WOMEN, Audience.ALL),
    Audience.MEN: (Audience.MEN, Audience.ALL),
    Audience.ALL: (Audience.ALL,),
}


def salon_list() -> QuerySet[Salon]:
    """Active salons with `min_price`/`max_price` (their active services' price range), best rated first."""
    return salon_order(with_price_range(Salon.objects.filter(is_active=True)), ordering=DEFAULT_SALON_ORDERING)


def city_list() -> list[City]:
    """The cities with at least one active salon, in the catalog's order of cities (one query)."""
    present = set(Salon.objects.filter(is_active=True).order_by().values_list("city", flat=True).distinct())
    return [city for city in City if city.value in present]


def salon_order(salons: QuerySet[Salon], *, ordering: str) -> QuerySet[Salon]:
    """Order by `rating`, `name` or `price` (`-` for descending), ties by name then id.

    The price is the lowest active service price (salons without one come last either way); the
    name is the one shown in the request's language, compared case-insensitively.
    """
    name = _localized_name()
    price = F("min_price")
    rating = F("rating_average")
    orderings = {
        "rating": (rating.asc(), name.asc()),
        "-rating": (rating.desc(), name.asc()),
        "name": (name.asc(),),
        "-name": (name.desc(),),
        "price": (price.asc(nulls_last=True), name.asc()),
        "-price": (price.desc(nulls_last=True), name.asc()),
    }
    return salons.order_by(*orderings[ordering], "id")


def _localized_name() -> Lower:
    language = current_language()
    other = "en" if language == "ar" else "ar"
    return Lower(Coalesce(NullIf(F(f"name_{language}"), Value("")), F(f"name_{other}")))


def salon_search(salons: QuerySet[Salon], *, query: str) -> QuerySet[Salon]:
    """Salons matching every word of `query` in their names or districts (either language) or in the
    names of their active services, Arabic spelling variants and case aside (see `search`).

    The texts of the candidate salons come in one query and are matched in Python: the folding is a
    dozen character replacements that SQL can only express as deeply nested `REPLACE` calls, which
    SQLite's parser rejects, and a catalogue of hundreds of salons is a few thousand short strings.
    The match is then one `id IN (...)` condition of the paginated query.
    """
    terms = search_terms(query)
    if not terms:
        return salons
    rows = (
        Salon.objects.filter(id__in=salons.order_by().values("id"))
        .alias(active_services=FilteredRelation("services", condition=Q(services__is_active=True)))
        .values_list(
            "id",
            "name_ar",
            "name_en",
            "district_ar",
            "district_en",
            "active_services__name_ar",
            "active_services__name_en",
        )
    )
    texts: dict[int, set[str]] = defaultdict(set)
    for salon_id, *salon_texts in rows:
        texts[salon_id].update(text for text in salon_texts if text)
    return salons.filter(id__in=[salon_id for salon_id, found in texts.items() if matches_every_term(terms, found)])


def salon_filter_category(salons: QuerySet[Salon], *, category: str) -> QuerySet[Salon]:
    """Salons with at least one active service in the category (slug or id)."""
    in_category = Service.objects.filter(category_condition(category), salon=OuterRef("pk"), is_active=True)
    return salons.filter(Exists(in_category))


def salon_filter_audience(salons: QuerySet[Salon], *, audience: str) -> QuerySet[Salon]:
    """Salons serving `audience`: a salon for everyone serves women and men alike."""
    return salons.filter(audience__in=_AUDIENCE_MATCHES[audience])


def salon_filter_available_on(salons: QuerySet[Salon], *, day: date, now: datetime | None = None) -> QuerySet[Salon]:
    """Salons with at least one free slot on `day` (in each salon's own time zone), from the availability
    summary: one condition of the list's query whatever the number of salons."""
    return salons.filter(id__in=salon_ids_available_on(day=day, now=now))


def salon_filter_open_now(salons: QuerySet[Salon], *, now: datetime | None = None) -> QuerySet[Salon]:
    """Salons where at least one active stylist works now (the salon's time zone, special hours and time
    off respected), from the availability summary's working spans: one indexed condition."""
    return salons.filter(id__in=salon_ids_open_now(now=now))
