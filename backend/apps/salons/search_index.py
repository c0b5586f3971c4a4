"""The salon search's normalised text, kept on each salon and service row so that the search is one
indexed query (`apps.discovery.selectors.salon_search`).

People type Arabic with or without diacritics and with any spelling of alef, hamza, ta marbuta and
alef maqsura, and type digits in Arabic-Indic or Latin form, so stored texts and queries are folded
the same way before they are compared (`fold_text`):

- tashkeel (tanween, harakat, shadda, sukun, superscript alef) and tatweel are dropped;
- أ إ آ ٱ become ا, ؤ becomes و, ئ becomes ي (hamza forms), ة becomes ه, ى becomes ي;
- Arabic-Indic and Persian digits become 0-9;
- everything is case-folded (English is lower-cased).

Each salon holds three folded texts, written whenever the salon, one of its services or its
district changes (`Salon.save`, `Service.save`/`delete` call in here; bulk writes call
`salon_search_rebuild`, and `manage.py rebuild_search_index` repairs everything):

- `search_names`: its names in both languages (relevance: a name match ranks above a service match);
- `search_district`: its district in both languages, one per line with a line break around each;
- `search_text`: names, district, city and the names of its active services, one per line.

A service holds `search_name`, its folded names, for the typeahead.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.utils import translation

# Tanween, harakat, shadda, sukun, superscript alef and tatweel.
_DROPPED = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"

_FOLDS = str.maketrans(
    {
        **dict.fromkeys(_DROPPED),
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        "ى": "ي",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian (Eastern Arabic-Indic)
    }
)


# The typeahead's tallies of offered service names and districts (`apps.discovery.tallies`) are kept
# under this version: a write that can change them sets a new one when it commits.
TALLIES_VERSION_KEY = "search:tallies-version"


def tallies_changed() -> None:
    """The active salons' service names, districts or cities may have changed: once the transaction
    commits, the typeahead's tallies are counted again on their next read."""
    transaction.on_commit(lambda: cache.set(TALLIES_VERSION_KEY, uuid.uuid4().hex, None))


def fold_text(text: str) -> str:
    return text.translate(_FOLDS).casefold()


def search_terms(query: str) -> list[str]:
    """The folded, distinct words of a query, in order."""
    return list(dict.fromkeys(fold_text(query).split()))


def _lines(texts: Iterable[str]) -> str:
    """Folded, distinct, non-empty texts, one per line (terms have no line breaks, so no match spans two)."""
    return "\n".join(dict.fromkeys(fold_text(text).strip() for text in texts if text and text.strip()))


def _city_names(city: str) -> list[str]:
    from .models import City

    names = []
    for language in ("ar", "en"):
        with translation.override(language):
            names.append(str(City(city).label) if city in City.values else city)
    return names


def salon_own_search_fields(salon) -> dict[str, str]:
    """The folded names and district of `salon` as they are now (no query)."""
    district = _lines([salon.district_ar, salon.district_en])
    return {
        "search_names": _lines([salon.name_ar, salon.name_en]),
        "search_district": f"\n{district}\n" if district else "",
    }


def salon_search_text(salon, service_names: Iterable[str]) -> str:
    return _lines(
        [salon.name_ar, salon.name_en, salon.district_ar, salon.district_en, *_city_names(salon.city), *service_names]
    )


def service_search_name(service) -> str:
    return _lines([service.name_ar, service.name_en])


def salon_search_rebuild(
    *, salon_ids: Iterable[int] | None = None, batch_size: int = 500, salon_model=None, service_model=None
) -> int:
    """Recompute the search fields of the given salons (all when None) and of their services, in
    batches; returns the number of salons written. Safe to run at any time and on several servers.
    A migration passes its historical models."""
    from .models import Salon as CurrentSalon
    from .models import Service as CurrentService

    Salon = salon_model or CurrentSalon  # noqa: N806
    Service = service_model or CurrentService  # noqa: N806

    salons = Salon.objects.order_by("id")
    if salon_ids is not None:
        salons = salons.filter(id__in=list(salon_ids))
    written = 0
    last_id = 0
    while True:
        batch = list(salons.filter(id__gt=last_id)[:batch_size])
        if not batch:
            if salon_model is None:  # a migration's historical models: the cache may not exist yet
                tallies_changed()
            return written
        last_id = batch[-1].id
        with transaction.atomic():
            services = list(Service.objects.filter(salon_id__in=[salon.id for salon in batch]).order_by("id"))
            active_names: dict[int, list[str]] = defaultdict(list)
            for service in services:
                service.search_name = service_search_name(service)
                if service.is_active:
                    active_names[service.salon_id] += [service.name_ar, service.name_en]
            Service.objects.bulk_update(services, ["search_name"], batch_size=batch_size)
            for salon in batch:
                for field, value in salon_own_search_fields(salon).items():
                    setattr(salon, field, value)
                salon.search_text = salon_search_text(salon, active_names[salon.id])
            Salon.objects.bulk_update(batch, ["search_names", "search_district", "search_text"])
        written += len(batch)


def salon_search_text_refresh(*, salon_id: int) -> None:
    """Rewrite one salon's `search_text` from its current names and active services (two queries)."""
    from .models import Salon, Service

    salon = Salon.objects.filter(id=salon_id).only("name_ar", "name_en", "district_ar", "district_en", "city").first()
    if salon is None:
        return
    tallies_changed()
    names = Service.objects.filter(salon_id=salon_id, is_active=True).order_by("id").values_list("name_ar", "name_en")
    text = salon_search_text(salon, [name for pair in names for name in pair])
    Salon.objects.filter(id=salon_id).update(search_text=text)
