"""The public salon list: active salons searched, filtered and ordered, in a constant number of
queries whatever the number of salons (the price range is aggregated in SQL; the availability and
"open now" filters read the availability summary).
"""

from datetime import date, datetime

from django.db.models import Exists, F, FloatField, OuterRef, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from apps.bookings.availability_summary import salon_ids_available_on, salon_ids_open_now
from apps.core.i18n import current_language
from apps.salons.models import Audience, City, Salon, Service
from apps.salons.selectors import category_condition, with_price_range

from .geo import GeoPoint, bounding_box, great_circle_km
from .search import fold_text, search_backend_filter, search_relevance, search_terms

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
    """Order by `rating`, `name` or `price` (`-` for descending), ties by name then id; or by
    `relevance` (best first, after a search) or `distance` (nearest first, after "near me").

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
        # Only after `salon_search` / `salon_filter_near`, which annotate what these order by.
        "relevance": (F("relevance").desc(), rating.desc(), name.asc()),
        "distance": (F("distance_km").asc(), rating.desc(), name.asc()),
    }
    return salons.order_by(*orderings[ordering], "id")


def _localized_name() -> Lower:
    language = current_language()
    other = "en" if language == "ar" else "ar"
    return Lower(Coalesce(NullIf(F(f"name_{language}"), Value("")), F(f"name_{other}")))


def salon_search(salons: QuerySet[Salon], *, query: str) -> QuerySet[Salon]:
    """Salons matching every word of `query` in their folded `search_text` (names, district, city and
    active services' names in both languages; see `apps.salons.search_index`), with `relevance`.

    A word matches as a substring (partial words) or within a typo (trigram similarity): on
    PostgreSQL both served by GIN trigram indexes, on SQLite by the FTS5 trigram mirror (see
    `search`); a word found as spelt in a page of salons or more is not searched for typos. Relevance
    sums over the words: a match in the salon's names counts twice as much as one elsewhere (a
    service), and a match within a typo a little less than the same match as spelt.
    """
    terms = search_terms(query)
    if not terms:
        return salons.annotate(relevance=Value(0.0, output_field=FloatField()))
    matched, typos = search_backend_filter(salons, terms)
    return matched.annotate(relevance=search_relevance(terms, typos))


def salon_filter_district(salons: QuerySet[Salon], *, district: str) -> QuerySet[Salon]:
    """Salons in the district named (in either language, folded like the search)."""
    folded = fold_text(district).strip()
    if not folded:
        return salons
    return salons.filter(search_district__contains=f"\n{folded}\n")


def salon_filter_price(
    salons: QuerySet[Salon], *, min_price: int | None, max_price: int | None, category: str | None = None
) -> QuerySet[Salon]:
    """Salons with at least one active service (in `category` when given) priced within the range, in halalas."""
    services = Service.objects.filter(salon=OuterRef("pk"), is_active=True)
    if min_price is not None:
        services = services.filter(price_amount__gte=min_price)
    if max_price is not None:
        services = services.filter(price_amount__lte=max_price)
    if category:
        services = services.filter(category_condition(category))
    return salons.filter(Exists(services))


def salon_filter_near(salons: QuerySet[Salon], *, point: GeoPoint, radius_km: float) -> QuerySet[Salon]:
    """Salons within `radius_km` of `point`, with `distance_km` (great-circle). The bounding box of the
    circle is a range condition on the indexed latitude and longitude; the exact distance is computed
    only for the salons inside it."""
    box = bounding_box(point, radius_km)
    inside = salons.filter(latitude__range=(box.south, box.north), longitude__range=(box.west, box.east))
    return inside.annotate(distance_km=great_circle_km(point)).filter(distance_km__lte=radius_km)


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
