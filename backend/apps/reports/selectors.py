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

from collections import defaultdict
from datetime import date

from django.db.models import Avg, Count, Q, Sum
from django.db.models.functions import ExtractHour, ExtractWeekDay

from apps.bookings.models import BookingStatus, Review
from apps.core.i18n import localized
from apps.core.money import vat_included
from apps.payments.models import Payment, Refund, RefundStatus
from apps.salons.models import Salon, Service, StaffMember

from .booking_figures import booking_figures
from .periods import MONEY_IN_STATUSES, Period, bookings_in, bucket_key, bucket_of, minutes_of, rate, truncated
from .utilisation import utilisation as utilisation
from .utilisation import working_minutes


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


def _figures(counts: dict, gross: int, refunded: int, working: int, rating) -> dict:
    bookings = counts.get("bookings") or 0
    booked = minutes_of(counts.get("booked_span"))
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
        "no_show_rate": rate(counts.get("no_show") or 0, bookings),
        "cancellation_rate": rate(counts.get("cancelled") or 0, bookings),
        "booked_minutes": booked,
        "working_minutes": working,
        "utilisation": rate(booked, working),
        "new_customers": new,
        "returning_customers": customers - new,
        "median_lead_time_hours": counts.get("median_lead_time_hours"),
        "rating_average": round(rating[0], 2) if rating and rating[0] is not None else None,
        "rating_count": rating[1] if rating else 0,
    }


def _staff_ids(salon_ids) -> list[int]:
    staff = StaffMember.objects.order_by()
    if salon_ids is not None:
        staff = staff.filter(salon_id__in=salon_ids)
    return list(staff.values_list("id", flat=True))


def summary(*, salon_ids: list[int] | None, period: Period, group_by: str) -> dict:
    """Totals, a series by `group_by` (every period, empty ones too) and figures per service and stylist.
    Sixteen queries whatever the number of bookings, payments and stylists."""
    tz = period.tz
    by_bucket, total_counts = booking_figures(salon_ids, period, group_by)
    gross = {
        bucket_key(row["bucket"], group_by, tz): row["amount"]
        for row in _payments(salon_ids, period)
        .annotate(bucket=truncated("paid_at", group_by, tz))
        .values("bucket")
        .annotate(amount=Sum("amount"))
    }
    refunded = {
        bucket_key(row["bucket"], group_by, tz): row["amount"]
        for row in _refunds(salon_ids, period)
        .annotate(bucket=truncated("succeeded_at", group_by, tz))
        .values("bucket")
        .annotate(amount=Sum("amount"))
    }
    ratings = {
        bucket_key(row["bucket"], group_by, tz): (row["average"], row["count"])
        for row in _reviews(salon_ids, period)
        .annotate(bucket=truncated("created_at", group_by, tz))
        .values("bucket")
        .annotate(average=Avg("rating"), count=Count("id"))
    }
    working: dict[date, int] = defaultdict(int)
    for (_staff_id, day), minutes in working_minutes(_staff_ids(salon_ids), period).items():
        working[bucket_of(day, group_by)] += minutes
    total_rating = _reviews(salon_ids, period).aggregate(average=Avg("rating"), count=Count("id"))
    totals = _figures(
        total_counts,
        sum(gross.values()),
        sum(refunded.values()),
        sum(working.values()),
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
                ratings.get(key),
            ),
        }
        for key in keys
    ]
    by_service, by_staff = _breakdowns(salon_ids, period)
    return {"totals": totals, "series": series, "by_service": by_service, "by_staff": by_staff}


def _breakdowns(salon_ids, period: Period) -> tuple[list[dict], list[dict]]:
    """Per service and per stylist: bookings, completed, gross_paid, net. Three queries grouped by
    (service, stylist) ids, then their names in two more (joining them in the grouped queries costs
    more than it saves)."""
    cells: dict[tuple[int, int], dict] = defaultdict(lambda: {"bookings": 0, "completed": 0, "gross_paid": 0, "net": 0})
    for service_id, staff_id, bookings, completed in (
        bookings_in(salon_ids, period)
        .values("service_id", "staff_id")
        .annotate(bookings=Count("id"), completed=Count("id", filter=Q(status=BookingStatus.COMPLETED)))
        .values_list("service_id", "staff_id", "bookings", "completed")
    ):
        cells[service_id, staff_id].update(bookings=bookings, completed=completed)
    for queryset, path, sign in (
        (_payments(salon_ids, period), "booking__", 1),
        (_refunds(salon_ids, period), "payment__booking__", -1),
    ):
        for service_id, staff_id, amount in (
            queryset.values(f"{path}service_id", f"{path}staff_id")
            .annotate(amount=Sum("amount"))
            .values_list(f"{path}service_id", f"{path}staff_id", "amount")
        ):
            cell = cells[service_id, staff_id]
            if sign > 0:
                cell["gross_paid"] += amount
            cell["net"] += sign * amount
    service_names = {
        service.pk: localized(service, "name")
        for service in Service.objects.filter(pk__in={key[0] for key in cells}).order_by().only("name_ar", "name_en")
    }
    staff_names = dict(
        StaffMember.objects.filter(pk__in={key[1] for key in cells}).order_by().values_list("pk", "display_name")
    )
    services: dict[int, dict] = {}
    staff: dict[int, dict] = {}
    for (service_id, staff_id), cell in cells.items():
        for table, key, name in ((services, service_id, service_names), (staff, staff_id, staff_names)):
            item = table.setdefault(
                key, {"id": key, "name": name[key], "bookings": 0, "completed": 0, "gross_paid": 0, "net": 0}
            )
            for figure, value in cell.items():
                item[figure] += value
    order = lambda item: (-item["net"], -item["bookings"], item["id"])  # noqa: E731
    return sorted(services.values(), key=order), sorted(staff.values(), key=order)


def heatmap(*, salon: Salon, period: Period) -> list[list[int]]:
    """Visits (not cancelled, not expired) by local weekday (Sunday first) × local hour (0–23)."""
    grid = [[0] * 24 for _ in range(7)]
    for values in (
        bookings_in([salon.pk], period)
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
        for values in bookings_in(None, period)
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
    for salon in Salon.objects.order_by("id").only("name_ar", "name_en"):
        salon_id = salon.pk
        c = counts.get(salon_id, {})
        bookings = c.get("bookings", 0)
        g, r = gross.get(salon_id, 0), refunded.get(salon_id, 0)
        rating = ratings.get(salon_id, {})
        rows.append(
            {
                "id": salon_id,
                "name": localized(salon, "name"),
                "bookings": bookings,
                "gross_paid": g,
                "net": g - r,
                "no_show_rate": rate(c.get("no_show", 0), bookings),
                "rating_average": round(rating["average"], 2) if rating else None,
                "rating_count": rating.get("count", 0),
            }
        )
    rows.sort(key=lambda row: (-row["net"], -row["bookings"], row["id"]))
    return rows
