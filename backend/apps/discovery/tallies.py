"""What the typeahead counts: each distinct service name and each district that active salons
offer, with how many salons in each city offer it.

Counting them in every keystroke's request grouped every matching service of the country (180,000
at 20,000 salons) and took most of a second for a short, common prefix. The tallies are instead
counted by two aggregate queries when they change and read from memory: salons share service names
and districts, so there are a few thousand rows at most, matched in Python in a few milliseconds.

Freshness: every write that can change a tally (a service's names or activity, a salon's activity,
city or district; see `apps.salons.search_index.tallies_changed`) sets a new version in the shared
cache when it commits. Each process keeps the tallies of the version it last read and counts them
again when the shared version differs (one cache read per request), so two servers never disagree
for longer than a write's commit. Bulk writes that bypass the models are caught up by
`rebuild_search_index`, and the tallies are counted again at least every `SEARCH_VOCABULARY_SECONDS`.
"""

import threading
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Min

from apps.salons.models import Salon, Service
from apps.salons.search_index import TALLIES_VERSION_KEY


@dataclass(frozen=True)
class NameTally:
    """A service name or a district, folded (`search`) and as written, and its salons in a city."""

    city: str
    search: str
    name_ar: str
    name_en: str
    salon_count: int


@dataclass(frozen=True)
class Tallies:
    services: tuple[NameTally, ...]
    districts: tuple[NameTally, ...]


@dataclass(frozen=True)
class _Kept:
    version: str | None
    counted_at: float
    tallies: Tallies


_kept: dict[str, _Kept] = {}
_lock = threading.Lock()


def catalog_tallies(database: str) -> Tallies:
    """The tallies of `database` as of the shared version (counted again when it changed or aged)."""
    version = cache.get(TALLIES_VERSION_KEY)
    if version is None:  # never set, evicted or the cache emptied: what this process holds may be stale
        cache.add(TALLIES_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(TALLIES_VERSION_KEY)
    kept = _kept.get(database)
    if (
        version is not None
        and kept
        and kept.version == version
        and time.monotonic() - kept.counted_at < settings.SEARCH_VOCABULARY_SECONDS
    ):
        return kept.tallies
    tallies = _count(database)
    with _lock:
        _kept[database] = _Kept(version=version, counted_at=time.monotonic(), tallies=tallies)
    return tallies


def _count(database: str) -> Tallies:
    services = (
        Service.objects.using(database)
        .filter(is_active=True, salon__is_active=True)
        .order_by()
        .values_list("salon__city", "search_name", "name_ar", "name_en")
        .annotate(salon_count=Count("salon_id", distinct=True))
    )
    districts = (
        Salon.objects.using(database)
        .filter(is_active=True)
        .exclude(search_district="")
        .order_by()
        .values_list("city", "search_district")
        .annotate(district_ar=Min("district_ar"), district_en=Min("district_en"), salon_count=Count("id"))
    )
    return Tallies(
        services=tuple(NameTally(*row) for row in services),
        districts=tuple(NameTally(*row) for row in districts),
    )
