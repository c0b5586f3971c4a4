"""The one hook every change that can change a salon's free times calls, in its transaction:
`availability_changed`. It bumps the version of each salon-day affected (the availability endpoint's
ETag is made of them) and refreshes their summary (`availability_summary`).

Who calls it: the bookings' writes (every transition goes through `_steps.record`; the batch expiry
and lapse jobs once per salon), the catalog's writes through the salons' `catalog_reactors` (services,
staff, working hours, special hours, time off: the back office's and the admin's), and the back
office's change of the salon's policy.

Contention: there is no per-salon counter. Each salon-day has its own row, and the hook takes a lock
per salon-day (one statement, in a fixed order) before it reads the day and writes its row, as the
last step of the change's transaction: bookings on different days of one salon never wait for each
other, and two bookings of the same day wait only for the other's summary refresh and commit (a few
milliseconds). The lock is what makes the summary right: on PostgreSQL a transaction that waited
reads, after the lock, what the other committed (READ COMMITTED), so the last writer of a day always
saw every booking of it. On SQLite writes are serialised anyway (`BEGIN IMMEDIATE`).
"""

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from apps.core.locks import lock_names
from apps.salons.models import Salon

from .availability_summary import summary_compute, summary_window, summary_write
from .models import AvailabilityDay, WorkingSpan

_POLICY_FIELDS = ("pk", "timezone", "is_active", "lead_time_minutes", "booking_horizon_days", "slot_step_minutes")


def days_between(start: datetime, end: datetime, tz) -> list[date]:
    """The local days whose free starts busy time over [start, end) can change: the day before the
    start's (its overnight interval) to the end's."""
    first = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date()
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


@dataclass
class _Pending:
    every_day: bool = False
    days: set[date] = field(default_factory=set)
    times: list[tuple[datetime, datetime]] = field(default_factory=list)
    bookings_only: bool = True
    salon: Salon | None = None


_batch = threading.local()


@contextmanager
def availability_batch() -> Iterator[None]:
    """Inside (and inside the caller's transaction), the hook's calls are gathered and made once per
    salon when the block ends without an error: one refresh and one set of locks however many bookings
    a change cancels or expires. Nested blocks join the outermost one."""
    if getattr(_batch, "pending", None) is not None:
        yield
        return
    pending: dict[int, _Pending] = defaultdict(_Pending)
    _batch.pending = pending
    try:
        yield
    finally:
        _batch.pending = None
    for salon_id in sorted(pending):
        change = pending[salon_id]
        availability_changed(
            salon_id=salon_id,
            days=None if change.every_day else change.days,
            times=() if change.every_day else change.times,
            bookings_only=change.bookings_only,
            salon=change.salon,
        )


def availability_changed(
    *,
    salon_id: int,
    days: Iterable[date] | None = None,
    times: Iterable[tuple[datetime, datetime]] = (),
    bookings_only: bool = False,
    now: datetime | None = None,
    salon: Salon | None = None,
) -> None:
    """Something that can change the salon's free starts changed in this transaction: on the local
    `days` and the days touched by `times` (busy time from, to), or on every day when neither is given
    (hours, services, staff, policy). `bookings_only`: only busy time from bookings changed, so the
    working spans ("open now") stay. Bumps each day's version and refreshes its summary (inside an
    `availability_batch`, when the batch ends)."""
    pending = getattr(_batch, "pending", None)
    if pending is not None and now is None:
        change = pending[salon_id]
        times = list(times)
        if days is None and not times:
            change.every_day = True
        change.days.update(days or ())
        change.times.extend(times)
        change.bookings_only = change.bookings_only and bookings_only
        change.salon = change.salon or salon
        return
    now = now or timezone.now()
    if salon is None:
        salon = Salon.objects.filter(pk=salon_id).only(*_POLICY_FIELDS).first()
    if salon is None:  # deleted with its summary
        return
    times = list(times)
    if days is None and not times:
        first, last = summary_window(salon, now)
        window = {first + timedelta(days=offset) for offset in range((last - first).days + 1)}
        existing = set(AvailabilityDay.objects.filter(salon_id=salon_id).values_list("day", flat=True))
        targets = sorted(window | existing)
    else:
        targets = set(days or ())
        for start, end in times:
            targets.update(days_between(start, end, salon.tz))
        targets = sorted(targets)
    if not targets:
        return
    with transaction.atomic(savepoint=False):
        summary_refresh(salon=salon, days=targets, now=now, with_spans=not bookings_only)


def summary_refresh(*, salon: Salon, days: list[date], now: datetime, with_spans: bool = True) -> None:
    """Lock the salon's `days`, recompute them and store them with their versions bumped."""
    lock_names([f"availability-day:{salon.pk}:{day.isoformat()}" for day in days])
    versions = dict(AvailabilityDay.objects.filter(salon_id=salon.pk, day__in=days).values_list("day", "version"))
    rows, spans = summary_compute(salon=salon, days=days, now=now, with_spans=with_spans)
    summary_write(
        salon=salon,
        rows=rows,
        spans=spans if with_spans else None,
        versions={day: versions.get(day, 0) + 1 for day in days},
    )


def availability_versions(*, salon_id: int, days: list[date]) -> dict[date, int]:
    """The current version of each of the salon's `days` that has one (one query). Read before the
    data it versions: a response computed after it is at least as new as the versions say."""
    return dict(AvailabilityDay.objects.filter(salon_id=salon_id, day__in=days).values_list("day", "version"))


def catalog_changed_react(change) -> None:
    """The reaction to the catalog's `CatalogChanged` (registered in `BookingsConfig.ready`)."""
    availability_changed(salon_id=change.salon_id, days=change.days, times=change.times)


def summary_rebuild(
    *, salon_ids: list[int] | None = None, missing_only: bool = False, now: datetime | None = None
) -> tuple[int, int]:
    """Recompute the summary of every salon (or of `salon_ids`) over its window, each salon in its own
    transaction; `missing_only`: only the window's days without a row. Rows of days before yesterday
    are removed. Returns how many salons and days were summarised."""
    now = now or timezone.now()
    salons = Salon.objects.only(*_POLICY_FIELDS).order_by("pk")
    if salon_ids:
        salons = salons.filter(pk__in=salon_ids)
    salon_count = day_count = 0
    for salon in salons.iterator(chunk_size=500):
        first, last = summary_window(salon, now)
        with transaction.atomic():
            AvailabilityDay.objects.filter(salon_id=salon.pk, day__lt=first).delete()
            WorkingSpan.objects.filter(salon_id=salon.pk, day__lt=first).delete()
            window = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
            existing = set(AvailabilityDay.objects.filter(salon_id=salon.pk).values_list("day", flat=True))
            days = [day for day in window if day not in existing] if missing_only else sorted(set(window) | existing)
            if days:
                summary_refresh(salon=salon, days=days, now=now)
                salon_count += 1
                day_count += len(days)
    return salon_count, day_count
