"""Report figures, aggregated in the database: a constant number of grouped queries per report.

Rules:
- Booking counts go by the visit's local start (the salon's zone; the platform's for platform reports).
- Money goes by when it moved: a payment's `paid_at` for `gross_paid`, a succeeded refund's
  `succeeded_at` for `refunded`; `net = gross_paid - refunded`; VAT via `vat_included`.
- `expected_at_salon`: prices of confirmed and completed visits with no payment holding money online.
- Customers: distinct customers with a confirmed or completed visit; new when that salon had no
  earlier confirmed or completed visit of theirs, returning otherwise.
- `utilisation`: minutes booked (with buffers) by confirmed, completed and no-show visits ÷ minutes of
  working time (weekly or special hours, less time off).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import (
    Avg,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Sum,
)
from django.db.models.functions import ExtractHour, ExtractWeekDay, Trunc

from apps.bookings.availability import staff_working_intervals
from apps.bookings.models import Booking, BookingStatus, CancelledByRole, Review
from apps.core.money import vat_included
from apps.payments.models import HELD_STATUSES, Payment, PaymentStatus, Refund, RefundStatus
from apps.salons.models import Salon, StaffMember, TimeOff

GROUPS = ("day", "week", "month")
# A payment that took the customer's money at `paid_at` (refunds are counted apart).
MONEY_IN_STATUSES = (PaymentStatus.PAID, PaymentStatus.CAPTURED, PaymentStatus.REFUNDED, PaymentStatus.DUPLICATE)
VISIT_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
BOOKED_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=self.tz)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=self.tz)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def platform_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def bucket_of(day: date, group_by: str) -> date:
    if group_by == "week":
        return day - timedelta(days=day.weekday())
    if group_by == "month":
        return day.replace(day=1)
    return day


def _key(value, tz: ZoneInfo) -> date:
    return value.astimezone(tz).date() if isinstance(value, datetime) else value


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _minutes(value: timedelta | int | None) -> int:
    if value is None:
        return 0
    if isinstance(value, timedelta):
        return int(value.total_seconds() // 60)
    return int(value) // 60_000_000  # microseconds (some backends)


BOOKED_SPAN = ExpressionWrapper(F("blocked_until") - F("start"), output_field=DurationField())


def _booking_counts() -> dict:
    is_first = ~Exists(
        Booking.objects.filter(
            salon_id=OuterRef("salon_id"),
            customer_id=OuterRef("customer_id"),
            status__in=VISIT_STATUSES,
            start__lt=OuterRef("start"),
        )
    )
    paid_online = Exists(Payment.objects.filter(booking_id=OuterRef("pk"), status__in=HELD_STATUSES))
    status = {s: Q(status=s) for s in BookingStatus.values}
    return {
        "annotations": {"is_first": is_first, "paid_online": paid_online},
        "aggregates": {
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
            "expected_at_salon": Sum("price_amount", filter=Q(status__in=VISIT_STATUSES, paid_online=False)),
            "customers": Count("customer_id", distinct=True, filter=Q(status__in=VISIT_STATUSES)),
            "new_customers": Count("customer_id", distinct=True, filter=Q(status__in=VISIT_STATUSES, is_first=True)),
            "booked_span": Sum(BOOKED_SPAN, filter=Q(status__in=BOOKED_STATUSES)),
        },
    }


def _bookings(salon_ids, period: Period):
    bookings = Booking.objects.filter(start__gte=period.start, start__lt=period.end).order_by()
    if salon_ids is not None:
        bookings = bookings.filter(salon_id__in=salon_ids)
    return bookings


def _payments(salon_ids, period: Period):
    payments = Payment.objects.filter(
        status__in=MONEY_IN_STATUSES, paid_at__gte=period.start, paid_at__lt=period.end
    ).order_by()
    if salon_ids is not None:
        payments = payments.filter(booking__salon_id__in=salon_ids)
    return payments


def _refunds(salon_ids, period: Period):
    refunds = Refund.objects.filter(
        status=RefundStatus.SUCCEEDED, succeeded_at__gte=period.start, succeeded_at__lt=period.end
    ).order_by()
    if salon_ids is not None:
        refunds = refunds.filter(payment__booking__salon_id__in=salon_ids)
    return refunds


def _reviews(salon_ids, period: Period):
    reviews = Review.objects.filter(created_at__gte=period.start, created_at__lt=period.end).order_by()
    if salon_ids is not None:
        reviews = reviews.filter(salon_id__in=salon_ids)
    return reviews


def _figures(counts: dict, gross: int, refunded: int, working: int, leads: list[float], rating) -> dict:
    bookings = counts.get("bookings") or 0
    booked = _minutes(counts.get("booked_span"))
    customers = counts.get("customers") or 0
    new = counts.get("new_customers") or 0
    net = gross - refunded
    return {
        "gross_paid": gross,
        "refunded": refunded,
        "net": net,
        "vat": vat_included(net) if net >= 0 else -vat_included(-net),
        "vat_gross": vat_included(gross),
        "vat_refunded": vat_included(refunded),
        "expected_at_salon": counts.get("expected_at_salon") or 0,
        "bookings": bookings,
        "confirmed": counts.get("confirmed") or 0,
        "completed": counts.get("completed") or 0,
        "cancelled": counts.get("cancelled") or 0,
        "cancelled_by_customer": counts.get("cancelled_by_customer") or 0,
        "cancelled_by_salon": counts.get("cancelled_by_salon") or 0,
        "no_show": counts.get("no_show") or 0,
        "expired": counts.get("expired") or 0,
        "no_show_rate": _rate(counts.get("no_show") or 0, bookings),
        "cancellation_rate": _rate(counts.get("cancelled") or 0, bookings),
        "booked_minutes": booked,
        "working_minutes": working,
        "utilisation": _rate(booked, working),
        "new_customers": new,
        "returning_customers": customers - new,
        "median_lead_time_hours": round(statistics.median(leads), 2) if leads else None,
        "rating_average": round(rating[0], 2) if rating and rating[0] is not None else None,
        "rating_count": rating[1] if rating else 0,
    }


def _subtract(intervals: list[tuple[datetime, datetime]], busy: list[tuple[datetime, datetime]]):
    for start, end in intervals:
        pieces = [(start, end)]
        for busy_start, busy_end in busy:
            next_pieces = []
            for a, b in pieces:
                if busy_end <= a or busy_start >= b:
                    next_pieces.append((a, b))
                    continue
                if busy_start > a:
                    next_pieces.append((a, busy_start))
                if busy_end < b:
                    next_pieces.append((busy_end, b))
            pieces = next_pieces
        yield from pieces


def working_minutes(staff_ids: list[int], period: Period) -> dict[tuple[int, date], int]:
    """Minutes of working time per (stylist, local day) of the period, after time off. Three queries."""
    if not staff_ids:
        return {}
    intervals = staff_working_intervals(staff_ids=staff_ids, first_day=period.first, last_day=period.last, tz=period.tz)
    time_off = defaultdict(list)
    for staff_id, start, end in (
        TimeOff.objects.filter(staff_id__in=staff_ids, start__lt=period.end, end__gt=period.start)
        .order_by()
        .values_list("staff_id", "start", "end")
    ):
        time_off[staff_id].append((start, end))
    minutes: dict[tuple[int, date], int] = defaultdict(int)
    for staff_id, staff_intervals in intervals.items():
        for start, end in _subtract(staff_intervals, time_off[staff_id]):
            # Split at local midnights, clipped to the period.
            cursor = max(start, period.start)
            end = min(end, period.end)
            while cursor < end:
                day = cursor.astimezone(period.tz).date()
                midnight = datetime.combine(day + timedelta(days=1), time.min, tzinfo=period.tz)
                piece_end = min(end, midnight)
                minutes[staff_id, day] += int((piece_end - cursor).total_seconds() // 60)
                cursor = piece_end
    return minutes


def _staff_ids(salon_ids) -> list[int]:
    staff = StaffMember.objects.order_by()
    if salon_ids is not None:
        staff = staff.filter(salon_id__in=salon_ids)
    return list(staff.values_list("id", flat=True))


def summary(*, salon_ids: list[int] | None, period: Period, group_by: str) -> dict:
    """Totals, a series by `group_by` (every period, empty ones too) and figures per service and stylist."""
    tz = period.tz
    spec = _booking_counts()
    bucket = Trunc("start", group_by, tzinfo=tz)
    bookings = _bookings(salon_ids, period).annotate(**spec["annotations"])

    by_bucket: dict[date, dict] = {}
    for row in bookings.annotate(bucket=bucket).values("bucket").annotate(**spec["aggregates"]):
        by_bucket[_key(row.pop("bucket"), tz)] = row
    leads: dict[date, list[float]] = defaultdict(list)
    for row_bucket, lead in (
        _bookings(salon_ids, period)
        .annotate(bucket=bucket, lead=ExpressionWrapper(F("start") - F("created_at"), output_field=DurationField()))
        .values_list("bucket", "lead")
    ):
        hours = lead.total_seconds() / 3600 if isinstance(lead, timedelta) else lead / 3_600_000_000
        leads[_key(row_bucket, tz)].append(hours)
    gross = {
        _key(row["bucket"], tz): row["amount"]
        for row in _payments(salon_ids, period)
        .annotate(bucket=Trunc("paid_at", group_by, tzinfo=tz))
        .values("bucket")
        .annotate(amount=Sum("amount"))
    }
    refunded = {
        _key(row["bucket"], tz): row["amount"]
        for row in _refunds(salon_ids, period)
        .annotate(bucket=Trunc("succeeded_at", group_by, tzinfo=tz))
        .values("bucket")
        .annotate(amount=Sum("amount"))
    }
    ratings = {
        _key(row["bucket"], tz): (row["average"], row["count"])
        for row in _reviews(salon_ids, period)
        .annotate(bucket=Trunc("created_at", group_by, tzinfo=tz))
        .values("bucket")
        .annotate(average=Avg("rating"), count=Count("id"))
    }
    working: dict[date, int] = defaultdict(int)
    for (_staff_id, day), minutes in working_minutes(_staff_ids(salon_ids), period).items():
        working[bucket_of(day, group_by)] += minutes

    # Totals: sums of the periods, but distinct customers (which do not add up) in one more query.
    total_counts = {
        name: sum((row.get(name) or zero for row in by_bucket.values()), start=zero)
        for name in spec["aggregates"]
        if name not in ("customers", "new_customers")
        for zero in [timedelta(0) if name == "booked_span" else 0]
    }
    total_counts.update(
        _bookings(salon_ids, period)
        .annotate(is_first=spec["annotations"]["is_first"])
        .aggregate(customers=spec["aggregates"]["customers"], new_customers=spec["aggregates"]["new_customers"])
    )
    total_rating = _reviews(salon_ids, period).aggregate(average=Avg("rating"), count=Count("id"))
    total_gross, total_refunded = sum(gross.values()), sum(refunded.values())
    totals = _figures(
        total_counts,
        total_gross,
        total_refunded,
        sum(working.values()),
        [hours for values in leads.values() for hours in values],
        (total_rating["average"], total_rating["count"]),
    )
    keys = sorted({bucket_of(day, group_by) for day in period.days})
    series = [
        {
            "period": key.isoformat(),
            **_figures(
                by_bucket.get(key, {}),
                gross.get(key, 0),
                refunded.get(key, 0),
                working.get(key, 0),
                leads.get(key, []),
                ratings.get(key),
            ),
        }
        for key in keys
    ]
    by_service, by_staff = _breakdowns(salon_ids, period)
    return {"totals": totals, "series": series, "by_service": by_service, "by_staff": by_staff}


def _breakdowns(salon_ids, period: Period) -> tuple[list[dict], list[dict]]:
    """Per service and per stylist: bookings, completed, gross_paid, net (three grouped queries)."""
    services: dict[int, dict] = {}
    staff: dict[int, dict] = {}

    def row(table, key, name):
        return table.setdefault(
            key, {"id": key, "name": name, "bookings": 0, "completed": 0, "gross_paid": 0, "net": 0}
        )

    for values in (
        _bookings(salon_ids, period)
        .values("service_id", "service__name_ar", "service__name_en", "staff_id", "staff__display_name")
        .annotate(bookings=Count("id"), completed=Count("id", filter=Q(status=BookingStatus.COMPLETED)))
    ):
        for item in (
            row(services, values["service_id"], values["service__name_en"] or values["service__name_ar"]),
            row(staff, values["staff_id"], values["staff__display_name"]),
        ):
            item["bookings"] += values["bookings"]
            item["completed"] += values["completed"]
    prefix = "booking__"
    for queryset, sign, path in (
        (_payments(salon_ids, period), 1, prefix),
        (_refunds(salon_ids, period), -1, "payment__" + prefix),
    ):
        for values in queryset.values(
            f"{path}service_id",
            f"{path}service__name_ar",
            f"{path}service__name_en",
            f"{path}staff_id",
            f"{path}staff__display_name",
        ).annotate(amount=Sum("amount")):
            service_name = values[f"{path}service__name_en"] or values[f"{path}service__name_ar"]
            for item in (
                row(services, values[f"{path}service_id"], service_name),
                row(staff, values[f"{path}staff_id"], values[f"{path}staff__display_name"]),
            ):
                if sign > 0:
                    item["gross_paid"] += values["amount"]
                item["net"] += sign * values["amount"]
    order = lambda item: (-item["net"], -item["bookings"], item["id"])  # noqa: E731
    return sorted(services.values(), key=order), sorted(staff.values(), key=order)


def utilisation(*, salon: Salon, period: Period) -> dict:
    """Per stylist and for the salon, per local day and for the period: booked, working minutes, ratio."""
    tz = period.tz
    members = list(StaffMember.objects.filter(salon=salon).order_by("display_order", "id").values("id", "display_name"))
    working = working_minutes([m["id"] for m in members], period)
    booked: dict[tuple[int, date], int] = {}
    for values in (
        _bookings([salon.pk], period)
        .filter(status__in=BOOKED_STATUSES)
        .annotate(day=Trunc("start", "day", tzinfo=tz))
        .values("staff_id", "day")
        .annotate(span=Sum(BOOKED_SPAN))
    ):
        booked[values["staff_id"], _key(values["day"], tz)] = _minutes(values["span"])

    def figures(booked_minutes: int, working_minutes_: int) -> dict:
        return {
            "booked_minutes": booked_minutes,
            "working_minutes": working_minutes_,
            "utilisation": _rate(booked_minutes, working_minutes_),
        }

    staff_rows = []
    salon_days = defaultdict(lambda: [0, 0])
    for member in members:
        days = []
        for day in period.days:
            b, w = booked.get((member["id"], day), 0), working.get((member["id"], day), 0)
            salon_days[day][0] += b
            salon_days[day][1] += w
            days.append({"date": day.isoformat(), **figures(b, w)})
        staff_rows.append(
            {
                "id": member["id"],
                "name": member["display_name"],
                "total": figures(sum(d["booked_minutes"] for d in days), sum(d["working_minutes"] for d in days)),
                "days": days,
            }
        )
    salon_rows = [{"date": day.isoformat(), **figures(*salon_days[day])} for day in period.days]
    return {
        "total": figures(sum(d["booked_minutes"] for d in salon_rows), sum(d["working_minutes"] for d in salon_rows)),
        "days": salon_rows,
        "staff": staff_rows,
    }


def heatmap(*, salon: Salon, period: Period) -> list[list[int]]:
    """Visits (not cancelled, not expired) by local weekday (Sunday first) × local hour (0–23)."""
    grid = [[0] * 24 for _ in range(7)]
    for values in (
        _bookings([salon.pk], period)
        .exclude(status__in=(BookingStatus.CANCELLED, BookingStatus.EXPIRED))
        .annotate(weekday=ExtractWeekDay("start", tzinfo=period.tz), hour=ExtractHour("start", tzinfo=period.tz))
        .values("weekday", "hour")
        .annotate(count=Count("id"))
    ):
        grid[values["weekday"] - 1][values["hour"]] = values["count"]  # ExtractWeekDay: 1 = Sunday
    return grid


def salon_league(*, period: Period) -> list[dict]:
    """Every salon with its bookings, gross, net, no-show rate and rating, by net (highest first)."""
    counts = {
        values["salon_id"]: values
        for values in _bookings(None, period)
        .values("salon_id")
        .annotate(bookings=Count("id"), no_show=Count("id", filter=Q(status=BookingStatus.NO_SHOW)))
    }
    gross = dict(
        _payments(None, period)
        .values("booking__salon_id")
        .annotate(a=Sum("amount"))
        .values_list("booking__salon_id", "a")
    )
    refunded = dict(
        _refunds(None, period)
        .values("payment__booking__salon_id")
        .annotate(a=Sum("amount"))
        .values_list("payment__booking__salon_id", "a")
    )
    ratings = {
        values["salon_id"]: values
        for values in _reviews(None, period).values("salon_id").annotate(average=Avg("rating"), count=Count("id"))
    }
    rows = []
    for salon_id, name_ar, name_en in Salon.objects.order_by("id").values_list("id", "name_ar", "name_en"):
        c = counts.get(salon_id, {})
        bookings = c.get("bookings", 0)
        g, r = gross.get(salon_id, 0), refunded.get(salon_id, 0)
        rating = ratings.get(salon_id, {})
        rows.append(
            {
                "id": salon_id,
                "name": name_en or name_ar,
                "bookings": bookings,
                "gross_paid": g,
                "net": g - r,
                "no_show_rate": _rate(c.get("no_show", 0), bookings),
                "rating_average": round(rating["average"], 2) if rating else None,
                "rating_count": rating.get("count", 0),
            }
        )
    rows.sort(key=lambda row: (-row["net"], -row["bookings"], row["id"]))
    return rows
