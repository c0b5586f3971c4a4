"""The booking figures of a summary, per period (`group_by`) and over the whole range, in three queries
whatever the number of bookings:

1. one grouped pass over the range's bookings: every count by status (conditional aggregation), the
   money expected at the salon, distinct customers, minutes booked and, on PostgreSQL, each period's
   middle lead times;
2. the customers: one row per (salon, customer) with a visit in the range, new there or returning;
3. the median lead time over the whole range (on SQLite: every lead, see `_median_leads`).

The totals are the sums of the periods, except what does not add up (distinct and new customers,
medians), which 2 and 3 give.
"""

import statistics
from collections import defaultdict
from datetime import date, timedelta

from django.db import connection
from django.db.models import (
    Aggregate,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    FilteredRelation,
    Min,
    OuterRef,
    Q,
    Sum,
)

from apps.bookings.models import Booking, BookingStatus, CancelledByRole
from apps.payments.models import HELD_STATUSES

from .periods import (
    BOOKED_SPAN,
    BOOKED_STATUSES,
    VISIT_STATUSES,
    Period,
    bookings_in,
    bucket_key,
    bucket_of,
    local_day,
    truncated,
)

LEAD = ExpressionWrapper(F("start") - F("created_at"), output_field=DurationField())


def _aggregates() -> dict:
    """The figures of one period's bookings, all in one grouped pass (conditional aggregation)."""
    status = {s: Q(status=s) for s in BookingStatus.values}
    visit = Q(status__in=VISIT_STATUSES)
    figures = {
        "bookings": Count("id"),
        "confirmed": Count("id", filter=status["confirmed"]),
        "completed": Count("id", filter=status["completed"]),
        "cancelled": Count("id", filter=status["cancelled"]),
        "cancelled_by_customer": Count(
            "id", filter=status["cancelled"] & Q(cancelled_by_role=CancelledByRole.CUSTOMER)
        ),
        "cancelled_by_salon": Count("id", filter=status["cancelled"] & Q(cancelled_by_role=CancelledByRole.SALON)),
        "no_show": Count("id", filter=status["no_show"]),
        "expired": Count("id", filter=status["expired"]),
        # `held`: the booking's payment holding money online, if any (at most one: a unique constraint).
        "expected_at_salon": Sum("price_amount", filter=visit & Q(held__id__isnull=True)),
        "customers": Count("customer_id", distinct=True, filter=visit),
        "booked_span": Sum(BOOKED_SPAN, filter=Q(status__in=BOOKED_STATUSES)),
    }
    if connection.vendor == "postgresql":
        figures.update(lead_low=_Middle(LEAD), lead_high=_Middle(LEAD, descending=True))
    return figures


ADDITIVE = (
    "bookings",
    "confirmed",
    "completed",
    "cancelled",
    "cancelled_by_customer",
    "cancelled_by_salon",
    "no_show",
    "expired",
    "expected_at_salon",
)


def booking_figures(salon_ids, period: Period, group_by: str) -> tuple[dict[date, dict], dict]:
    """Per period (keyed by its first local day) and for the whole range: the counts of `_aggregates`,
    `booked_span`, `customers`, `new_customers` and `median_lead_time_hours`."""
    tz = period.tz
    # A join rather than EXISTS per booking: one hash join, and no planner estimate so high that
    # PostgreSQL compiles the query (JIT) for longer than it runs.
    held = FilteredRelation("payments", condition=Q(payments__status__in=HELD_STATUSES))
    periods: dict[date, dict] = {}
    middles: dict[date, tuple] = {}
    for row in (
        bookings_in(salon_ids, period)
        .annotate(held=held, bucket=truncated("start", group_by, tz))
        .values("bucket")
        .annotate(**_aggregates())
    ):
        key = bucket_key(row.pop("bucket"), group_by, tz)
        middles[key] = (row.pop("lead_low", None), row.pop("lead_high", None))
        periods[key] = row | {"new_customers": 0}

    totals = {name: sum(row[name] or 0 for row in periods.values()) for name in ADDITIVE}
    totals["booked_span"] = sum((row["booked_span"] or timedelta(0) for row in periods.values()), timedelta(0))
    new_by_period, totals["customers"], totals["new_customers"] = _customers(salon_ids, period, group_by)
    for key, count in new_by_period.items():
        periods[key]["new_customers"] = count
    medians, totals["median_lead_time_hours"] = _median_leads(salon_ids, period, group_by, middles)
    for key, row in periods.items():
        row["median_lead_time_hours"] = medians.get(key)
    return periods, totals


class _OncePerGroup(Exists):
    """An EXISTS over a grouped query's key columns: evaluated once per group, not grouped by (Django
    would otherwise add it to GROUP BY, and so evaluate it for every row)."""

    def get_group_by_cols(self):
        return []


def _customers(salon_ids, period: Period, group_by: str) -> tuple[dict[date, int], int, int]:
    """New customers per period, and distinct and new customers over the whole range, in one query.

    A visit (confirmed or completed) is a customer's first at a salon when that salon has no earlier
    visit of theirs. So a customer is new in the period of their earliest visit in the range at a salon
    where they had no visit before the range: one row per (salon, customer) with a visit in the range,
    with its earliest visit there and whether an earlier one exists (an index probe per pair, not per
    visit)."""
    earlier = _OncePerGroup(
        Booking.objects.filter(
            salon_id=OuterRef("salon_id"),
            customer_id=OuterRef("customer_id"),
            status__in=VISIT_STATUSES,
            start__lt=period.start,
        )
    )
    everyone: set[int] = set()
    new: set[int] = set()
    new_by_period: dict[date, set[int]] = defaultdict(set)
    for customer_id, first, returning in (
        bookings_in(salon_ids, period)
        .filter(status__in=VISIT_STATUSES)
        .values("salon_id", "customer_id")
        .annotate(first=Min("start"), returning=earlier)
        .values_list("customer_id", "first", "returning")
    ):
        everyone.add(customer_id)
        if not returning:
            new.add(customer_id)
            new_by_period[bucket_of(local_day(first, period.tz), group_by)].add(customer_id)
    return {key: len(ids) for key, ids in new_by_period.items()}, len(everyone), len(new)


class _Middle(Aggregate):
    """PostgreSQL's `percentile_disc(0.5)`: the lower middle value of the group in ascending order (the
    middle one when the count is odd), the upper middle one in descending order. Their mean is the
    median exactly as `statistics.median` takes it."""

    function = "PERCENTILE_DISC"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s %(direction)s)"

    def __init__(self, expression, *, descending: bool = False):
        super().__init__(expression, direction="DESC" if descending else "ASC", output_field=DurationField())


def _median_leads(salon_ids, period: Period, group_by: str, middles: dict) -> tuple[dict[date, float], float | None]:
    """The median lead time (hours between booking and visit) per period and over the whole range.

    On PostgreSQL the grouped pass took each period's middle values (`_Middle`, in `middles`), and one
    more aggregate takes the range's. SQLite has no ordered-set aggregate: there the leads are read and
    their medians taken here (one query too; the period from the local day, which is cheaper than
    SQLite's truncation, a Python function called for every row)."""
    if connection.vendor == "postgresql":
        medians = {key: _mean_hours(low, high) for key, (low, high) in middles.items() if low is not None}
        total = bookings_in(salon_ids, period).aggregate(low=_Middle(LEAD), high=_Middle(LEAD, descending=True))
        return medians, _mean_hours(total["low"], total["high"]) if total["low"] is not None else None
    leads: dict[date, list[float]] = defaultdict(list)
    for start, lead in bookings_in(salon_ids, period).annotate(lead=LEAD).values_list("start", "lead"):
        leads[bucket_of(start.astimezone(period.tz).date(), group_by)].append(_hours(lead))
    medians = {key: round(statistics.median(values), 2) for key, values in leads.items()}
    everything = [hours for values in leads.values() for hours in values]
    return medians, round(statistics.median(everything), 2) if everything else None


def _hours(lead) -> float:
    return lead.total_seconds() / 3600 if isinstance(lead, timedelta) else lead / 3_600_000_000


def _mean_hours(low, high) -> float:
    """The median from the two middle values (the same one twice for an odd count), as `statistics.median`."""
    return round((_hours(low) + _hours(high)) / 2, 2)
