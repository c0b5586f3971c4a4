"""Utilisation: minutes booked (with buffers) by confirmed, completed and no-show visits ÷ minutes of
working time (weekly or special hours, less time off), per stylist and day."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db.models import Sum
from django.db.models.functions import Trunc

from apps.bookings.availability import staff_working_intervals
from apps.salons.models import Salon, StaffMember, TimeOff

from .periods import BOOKED_SPAN, BOOKED_STATUSES, Period, bookings_in, local_day, minutes_of, rate


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
    tz, period_start, period_end = period.tz, period.start, period.end
    midnights: dict[date, datetime] = {}  # the local midnight ending each day, computed once per day
    for staff_id, staff_intervals in intervals.items():
        busy = time_off.get(staff_id)
        for start, end in _subtract(staff_intervals, busy) if busy else staff_intervals:
            # Split at local midnights, clipped to the period.
            cursor = max(start, period_start)
            end = min(end, period_end)
            while cursor < end:
                day = (cursor if cursor.tzinfo is tz else cursor.astimezone(tz)).date()
                midnight = midnights.get(day)
                if midnight is None:
                    midnight = midnights[day] = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
                piece_end = min(end, midnight)
                minutes[staff_id, day] += int((piece_end - cursor).total_seconds() // 60)
                cursor = piece_end
    return minutes


def utilisation(*, salon: Salon, period: Period) -> dict:
    """Per stylist and for the salon, per local day and for the period: booked, working minutes, ratio."""
    tz = period.tz
    members = list(StaffMember.objects.filter(salon=salon).order_by("display_order", "id").values("id", "display_name"))
    working = working_minutes([m["id"] for m in members], period)
    booked: dict[tuple[int, date], int] = {}
    for values in (
        bookings_in([salon.pk], period)
        .filter(status__in=BOOKED_STATUSES)
        .annotate(day=Trunc("start", "day", tzinfo=tz))
        .values("staff_id", "day")
        .annotate(span=Sum(BOOKED_SPAN))
    ):
        booked[values["staff_id"], local_day(values["day"], tz)] = minutes_of(values["span"])

    def figures(booked_minutes: int, working_minutes_: int) -> dict:
        return {
            "booked_minutes": booked_minutes,
            "working_minutes": working_minutes_,
            "utilisation": rate(booked_minutes, working_minutes_),
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
