"""The public availability endpoint's ETag and shared cache.

The ETag of an answer is made of the versions of the salon-days asked for (`AvailabilityDay.version`,
bumped in the transaction of every change that can change them: `availability_changes`), the request's
parameters, the salon's policy, the salon's local today (the horizon moves with it) and the minute the
lead time reaches from now, rounded up: starts are whole minutes, so within one such minute the same
starts are "far enough ahead". An answer whose days do not all have a version yet (never summarised)
has no ETag and is not cached.

A client sending the ETag back (`If-None-Match`) gets 304 without the engine running. With
`AVAILABILITY_CACHE` set (a cache alias: Redis when `REDIS_URL` is set) computed answers are kept under
their ETag for `AVAILABILITY_CACHE_SECONDS`: a change makes a new ETag, so a kept answer is never
served after a change to its days. The versions are read before the answer is computed, so what is
kept under them is at least as new as they are. Unpaid holds that run out free time without a write
until the expiry job marks them (a minute at most): until then an answer may show such a time as
taken, never a taken time as free. The booking check never reads any of this: it recomputes inside
its transaction.
"""

import hashlib
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils.http import parse_etags

from apps.salons.errors import SalonNotFound
from apps.salons.models import Salon
from apps.salons.selectors import MAX_ID

from .availability import SalonAvailability, salon_availability_get
from .availability_changes import availability_versions
from .availability_visits import visit_availability_get


@dataclass(frozen=True)
class VisitRequest:
    """The services of a visit in order, and the stylist asked for each (None: any)."""

    service_ids: list[int]
    staff_ids: list[int | None]


@dataclass(frozen=True)
class AvailabilityAnswer:
    """`body`: the answer as `render` made it (the JSON document), None when not modified."""

    etag: str | None
    not_modified: bool = False
    body: bytes | None = None


def availability_etag(
    *,
    salon: Salon,
    service_id: int | str,
    staff_id: int | str | None,
    start_date: date,
    days: int,
    now: datetime,
    extra_day: bool = False,
) -> str | None:
    """The ETag of the answer at `now`, or None when a day asked for has no version (one query). A
    visit (`service_id` and `staff_id` its lists as text) also depends on the day after the last
    (`extra_day`: its later services may run past midnight)."""
    day_list = [start_date + timedelta(days=offset) for offset in range(days + int(extra_day))]
    versions = availability_versions(salon_id=salon.pk, days=day_list)
    if len(versions) < len(day_list):
        return None
    lead_minute = math.ceil((now.timestamp() + salon.lead_time_minutes * 60) / 60)
    today = now.astimezone(salon.tz).date()
    parts = [
        salon.pk,
        service_id,
        staff_id or "",
        start_date.isoformat(),
        days,
        salon.timezone,
        salon.lead_time_minutes,
        salon.slot_step_minutes,
        salon.booking_horizon_days,
        today.isoformat(),
        lead_minute,
        ".".join(str(versions[day]) for day in day_list),
    ]
    digest = hashlib.blake2b(":".join(map(str, parts)).encode(), digest_size=12).hexdigest()
    return f'"av-{digest}"'


def etag_matches(etag: str, if_none_match: str | None) -> bool:
    """`If-None-Match` names `etag` (weak comparison, as the header asks)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix("W/")
    return any(tag == "*" or tag.removeprefix("W/") == wanted for tag in parse_etags(if_none_match))


def _cache():
    alias = getattr(settings, "AVAILABILITY_CACHE", "")
    return caches[alias] if alias else None


def salon_availability_answer(
    *,
    salon_id: int,
    service_id: int,
    start_date: date,
    days: int,
    staff_id: int | None,
    now: datetime,
    if_none_match: str | None,
    render: Callable[[SalonAvailability], bytes],
    visit: VisitRequest | None = None,
) -> AvailabilityAnswer:
    """The public availability as `render` writes it (the response's body), with its ETag: not
    modified when the client has it, else from the shared cache as it was written, or computed by the
    engine (and kept). With `visit` (several services, ADR 0017) the visit's starts, which `render`
    writes too."""
    salon = Salon.objects.filter(pk=salon_id, is_active=True).first() if salon_id <= MAX_ID else None
    if salon is None:
        raise SalonNotFound()
    if visit is not None:
        etag = availability_etag(
            salon=salon,
            service_id=",".join(map(str, visit.service_ids)),
            staff_id=",".join("" if staff is None else str(staff) for staff in visit.staff_ids),
            start_date=start_date,
            days=days,
            now=now,
            extra_day=True,
        )
    else:
        etag = availability_etag(
            salon=salon, service_id=service_id, staff_id=staff_id, start_date=start_date, days=days, now=now
        )
    if etag is not None and etag_matches(etag, if_none_match):
        return AvailabilityAnswer(etag=etag, not_modified=True)
    cache = _cache() if etag is not None else None
    key = f"availability:{etag}"
    if cache is not None:
        body = cache.get(key)
        if body is not None:
            return AvailabilityAnswer(etag=etag, body=body)
    if visit is not None:
        availability = visit_availability_get(
            salon_id=salon_id,
            service_ids=visit.service_ids,
            staff_ids=visit.staff_ids,
            start_date=start_date,
            days=days,
            now=now,
        )
    else:
        availability = salon_availability_get(
            salon_id=salon_id,
            service_id=service_id,
            start_date=start_date,
            days=days,
            staff_id=staff_id,
            now=now,
        )
    body = render(availability)
    if cache is not None:
        cache.set(key, body, getattr(settings, "AVAILABILITY_CACHE_SECONDS", 120))
    return AvailabilityAnswer(etag=etag, body=body)
