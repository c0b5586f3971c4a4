"""The precomputed per-salon, per-day availability summary, for the salon list's filters.

The engine (`availability`) stays the single source of truth for the slot list and the booking check;
this summary only answers "does this salon have a free time on that day" and "is anyone working there
now" for many salons in one query each. It is refreshed by the hook `availability_changes.availability_changed`
in the transaction of every change that can change it, and rebuilt by `rebuild_availability_summary`.

For each salon and local day from yesterday to the end of the booking horizon an `AvailabilityDay` row
holds the day's free starts as the engine computes them with the time-dependent rules left out (the
timeless policy: no lead time, no past, no horizon): their number, first and last, per service category
too. The time-dependent rules are applied when the row is read (`available_on_q`), exactly as the engine
applies them: a day `D` has a free start at `now` when

- `D` is between the salon's today and today plus the horizon (`visible_from <= now < visible_until`),
- and some start is at least the lead time after now: the last one is (`bookable_until = last start -
  lead time >= now`), except on the horizon's last day, when the starts after its midnight are beyond
  the horizon and the last start before midnight counts (`bookable_until_in_day`).

Time passes without a write: starts earlier today become past and the row's test above leaves them
out; a new day entering the horizon has no row until `rebuild_availability_summary --missing` runs
(hourly, from cron; a day without a row is "not available", never the other way round). Unpaid holds
that run out free time without a write until the expiry job marks them: until then the summary shows
less availability than the engine, never more.

"Open now" uses `WorkingSpan`: the union of the active stylists' working intervals (weekly or special
hours) minus their time off, per day, cut in pieces of at most `SPAN_PIECE` so that "a piece covers
now" is an index range of that length on `start`.
"""

from collections import defaultdict
from datetime import date, datetime, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.salons.models import Salon, StaffMember

from .availability import _Policy
from .availability_schedule import Interval, Schedule, _merge, load_range, local_midnight
from .models import AvailabilityDay, WorkingSpan
from .selectors import blocking_intervals

SPAN_PIECE = timedelta(hours=6)
SUMMARY_FIELDS = (
    "computed_at",
    "free_starts",
    "first_start",
    "last_start",
    "visible_from",
    "full_from",
    "visible_until",
    "bookable_until",
    "bookable_until_in_day",
    "categories",
)


def summary_window(salon: Salon, now: datetime) -> tuple[date, date]:
    """The local days the summary keeps for `salon`: yesterday (its overnight interval) to the horizon."""
    today = now.astimezone(salon.tz).date()
    return today - timedelta(days=1), today + timedelta(days=salon.booking_horizon_days)


def _empty_row(now: datetime) -> dict:
    return {
        "computed_at": now,
        "free_starts": 0,
        "first_start": None,
        "last_start": None,
        "visible_from": None,
        "full_from": None,
        "visible_until": None,
        "bookable_until": None,
        "bookable_until_in_day": None,
        "categories": {},
    }


def summary_compute(
    *, salon: Salon, days: list[date], now: datetime, with_spans: bool = True
) -> tuple[dict[date, dict], dict[date, list[Interval]]]:
    """The summary fields of each of `days` (those outside `summary_window` empty) and, with
    `with_spans`, each day's working spans. Eight queries whatever the number of days and staff."""
    rows = {day: _empty_row(now) for day in days}
    spans: dict[date, list[Interval]] = {day: [] for day in days}
    first, last = summary_window(salon, now)
    inside = sorted(day for day in days if first <= day <= last)
    if not salon.is_active or not inside:
        return rows, spans

    tz = salon.tz
    # Who offers what: the active staff's active services of the salon, in one query (and the active
    # staff who offer nothing, for the working spans, in another).
    services: dict[int, tuple[int, int]] = {}
    offered_by: dict[int, list[int]] = defaultdict(list)
    for staff_id, service_id, category_id, duration, buffer in (
        StaffMember.services.through.objects.filter(
            staffmember__salon=salon, staffmember__is_active=True, service__salon=salon, service__is_active=True
        )
        .order_by()
        .values_list(
            "staffmember_id",
            "service_id",
            "service__category_id",
            "service__duration_minutes",
            "service__buffer_minutes",
        )
    ):
        services[service_id] = (category_id, (duration + buffer) * 60)
        offered_by[service_id].append(staff_id)
    staff_ids = sorted({staff_id for members in offered_by.values() for staff_id in members})
    if with_spans:
        staff_ids = list(
            StaffMember.objects.filter(salon=salon, is_active=True).order_by("pk").values_list("pk", flat=True)
        )
    if not staff_ids:
        return rows, spans

    range_start, range_end = load_range(inside, tz)
    working = Schedule(
        staff_ids=staff_ids,
        first_day=inside[0],
        last_day=inside[-1],
        range_start=range_start,
        range_end=range_end,
        now=now,
        count_bookings=False,
    )
    booked = blocking_intervals(staff_ids=staff_ids, start=range_start, end=range_end, now=now)
    schedule = working.plus_busy(
        {
            staff_id: [(start.timestamp(), end.timestamp()) for start, end in intervals]
            for staff_id, intervals in booked.items()
        }
    )
    policy = _Policy(salon, now, timeless=True)
    lead = timedelta(minutes=salon.lead_time_minutes)
    horizon = timedelta(days=salon.booking_horizon_days)

    for day in inside:
        if with_spans:
            spans[day] = _merge(
                [interval for staff_id in staff_ids for interval in working.free_intervals(staff_id, day, tz)]
            )
        free = {staff_id: schedule.free_intervals(staff_id, day, tz) for staff_id in staff_ids}
        by_category: dict[int, set[float]] = defaultdict(set)
        for service_id, (category_id, need) in services.items():
            for staff_id in offered_by[service_id]:
                by_category[category_id].update(policy.starts(free[staff_id], day, need))
        every = set().union(*by_category.values()) if by_category else set()
        midnight_after = local_midnight(day + timedelta(days=1), tz)
        row = rows[day]
        row["visible_from"] = local_midnight(day - horizon, tz)
        row["full_from"] = local_midnight(day - horizon + timedelta(days=1), tz)
        row["visible_until"] = midnight_after
        if every:
            first_start = datetime.fromtimestamp(min(every), tz)
            last_start = datetime.fromtimestamp(max(every), tz)
            in_day = [start for start in every if start < midnight_after.timestamp()]
            row.update(
                free_starts=len(every),
                first_start=first_start,
                last_start=last_start,
                bookable_until=last_start - lead,
                bookable_until_in_day=datetime.fromtimestamp(max(in_day), tz) - lead if in_day else None,
                categories={
                    str(category_id): {
                        "count": len(starts),
                        "first": datetime.fromtimestamp(min(starts), tz).isoformat(),
                        "last": datetime.fromtimestamp(max(starts), tz).isoformat(),
                    }
                    for category_id, starts in sorted(by_category.items())
                    if starts
                },
            )
    return rows, spans


def _pieces(salon_id: int, day: date, intervals: list[Interval], tz) -> list[WorkingSpan]:
    step = SPAN_PIECE.total_seconds()
    pieces = []
    for start, end in intervals:
        cursor = start
        while cursor < end:
            piece_end = min(end, cursor + step)
            pieces.append(
                WorkingSpan(
                    salon_id=salon_id,
                    day=day,
                    start=datetime.fromtimestamp(cursor, tz),
                    end=datetime.fromtimestamp(piece_end, tz),
                )
            )
            cursor = piece_end
    return pieces


def summary_write(
    *,
    salon: Salon,
    rows: dict[date, dict],
    spans: dict[date, list[Interval]] | None,
    versions: dict[date, int],
) -> None:
    """Store the computed days with their new versions (upsert), and their spans when given. Call
    under the days' locks (`availability_changes`)."""
    objects = [
        AvailabilityDay(salon_id=salon.pk, day=day, version=versions[day], **fields) for day, fields in rows.items()
    ]
    AvailabilityDay.objects.bulk_create(
        objects,
        update_conflicts=True,
        unique_fields=["salon", "day"],
        update_fields=["version", *SUMMARY_FIELDS],
    )
    if spans is not None:
        WorkingSpan.objects.filter(salon_id=salon.pk, day__in=list(spans)).delete()
        WorkingSpan.objects.bulk_create(
            [piece for day, intervals in spans.items() for piece in _pieces(salon.pk, day, intervals, salon.tz)]
        )


# --- Reads ---------------------------------------------------------------------------------------


def available_on_q(*, day: date, now: datetime) -> Q:
    """The `AvailabilityDay` rows of `day` with a free start at `now` (see the module docstring)."""
    return Q(day=day, visible_from__lte=now, visible_until__gt=now) & (
        Q(full_from__lte=now, bookable_until__gte=now) | Q(bookable_until_in_day__gte=now)
    )


def salon_ids_available_on(*, day: date, now: datetime | None = None) -> QuerySet:
    """A subquery of the ids of the salons with a free start on their local `day`, from the summary."""
    now = now or timezone.now()
    return AvailabilityDay.objects.filter(available_on_q(day=day, now=now)).values_list("salon_id", flat=True)


def salon_ids_open_now(*, now: datetime | None = None) -> QuerySet:
    """A subquery of the ids of the salons where at least one active stylist works at `now`."""
    now = now or timezone.now()
    return WorkingSpan.objects.filter(start__lte=now, start__gt=now - SPAN_PIECE, end__gt=now).values_list(
        "salon_id", flat=True
    )
