"""What the availability engine knows about some staff members over some days: weekly hours, special
hours (`Hours`), time off and blocking bookings, loaded in four queries whatever the number of staff,
days and bookings, and their working and free intervals per staff-day (see `availability` for the rules)."""

from bisect import bisect_right
from collections import defaultdict
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from apps.salons.models import SpecialHours, TimeOff, WorkingHours

from .selectors import blocking_intervals

Interval = tuple[float, float]  # POSIX timestamps, half-open


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


def load_range(days: list[date], tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Instants covering every interval that belongs to `days` (overnight ones end the next day)."""
    return local_midnight(days[0], tz), local_midnight(days[-1] + timedelta(days=2), tz)


def staff_booked_over(
    *, staff_ids: list[int], start: datetime, end: datetime, now: datetime, exclude_booking_id: int | None = None
) -> set[int]:
    """The staff among `staff_ids` with a blocking booking overlapping [start, end), in one query."""
    bookings = blocking_intervals(
        staff_ids=staff_ids, start=start, end=end, now=now, exclude_booking_id=exclude_booking_id
    )
    return {
        staff_id
        for staff_id, intervals in bookings.items()
        if any(busy_start < end and start < busy_end for busy_start, busy_end in intervals)
    }


class Hours:
    """Weekly and special hours of some staff members over a range of days, in two queries, and the
    working intervals they give each staff-day (see `availability` for the rules)."""

    def __init__(self, *, staff_ids: list[int], first_day: date, last_day: date):
        self.weekly: dict[tuple[int, int], list[tuple[time, time]]] = defaultdict(list)
        # `.order_by()` drops the models' ordering by staff, which would join and sort for nothing.
        for staff_id, weekday, start, end in (
            WorkingHours.objects.filter(staff_id__in=staff_ids)
            .order_by()
            .values_list("staff_id", "weekday", "start_time", "end_time")
        ):
            self.weekly[staff_id, weekday].append((start, end))

        self.special: dict[tuple[int, date], list[tuple[time, time]]] = {}
        for staff_id, day, start, end in (
            SpecialHours.objects.filter(staff_id__in=staff_ids, date__gte=first_day, date__lte=last_day)
            .order_by()
            .values_list("staff_id", "date", "start_time", "end_time")
        ):
            intervals = self.special.setdefault((staff_id, day), [])
            if start is not None and end is not None:
                intervals.append((start, end))

    def working_intervals(self, staff_id: int, day: date, tz: ZoneInfo) -> list[Interval]:
        rows = self.special.get((staff_id, day))
        if rows is None:
            rows = self.weekly.get((staff_id, day.weekday()), [])
        intervals = []
        for start_time, end_time in rows:
            end_day = day if end_time > start_time else day + timedelta(days=1)
            start = datetime.combine(day, start_time, tzinfo=tz).timestamp()
            end = datetime.combine(end_day, end_time, tzinfo=tz).timestamp()
            intervals.append((start, end))
        return _merge(intervals, join_adjacent=False)


class Schedule:
    """Hours, exceptions and busy time of some staff members over a range of days: three queries
    and one read of the blocking bookings (none with `count_bookings=False`: then busy time is time
    off alone, i.e. the staff's working time)."""

    def __init__(
        self,
        *,
        staff_ids: list[int],
        first_day: date,
        last_day: date,
        range_start: datetime,
        range_end: datetime,
        now: datetime,
        exclude_booking_id: int | None = None,
        count_bookings: bool = True,
    ):
        self.hours = Hours(staff_ids=staff_ids, first_day=first_day, last_day=last_day)

        busy: dict[int, list[Interval]] = defaultdict(list)
        for staff_id, start, end in (
            TimeOff.objects.filter(staff_id__in=staff_ids, start__lt=range_end, end__gt=range_start)
            .order_by()
            .values_list("staff_id", "start", "end")
        ):
            busy[staff_id].append((start.timestamp(), end.timestamp()))
        bookings = (
            blocking_intervals(
                staff_ids=staff_ids, start=range_start, end=range_end, now=now, exclude_booking_id=exclude_booking_id
            )
            if count_bookings
            else {}
        )
        for staff_id, intervals in bookings.items():
            busy[staff_id].extend((start.timestamp(), end.timestamp()) for start, end in intervals)

        self.busy = {staff_id: _merge(intervals) for staff_id, intervals in busy.items()}
        self.busy_ends = {staff_id: [end for _start, end in intervals] for staff_id, intervals in self.busy.items()}

    def plus_busy(self, extra: dict[int, list[Interval]]) -> "Schedule":
        """The same hours with `extra` busy time added (e.g. the blocking bookings, to a schedule loaded
        with `count_bookings=False`), without a query."""
        other = object.__new__(Schedule)
        other.hours = self.hours
        busy = {staff_id: list(intervals) for staff_id, intervals in self.busy.items()}
        for staff_id, intervals in extra.items():
            busy.setdefault(staff_id, []).extend(intervals)
        other.busy = {staff_id: _merge(intervals) for staff_id, intervals in busy.items()}
        other.busy_ends = {staff_id: [end for _start, end in intervals] for staff_id, intervals in other.busy.items()}
        return other

    def working_intervals(self, staff_id: int, day: date, tz: ZoneInfo) -> list[Interval]:
        return self.hours.working_intervals(staff_id, day, tz)

    def free_intervals(self, staff_id: int, day: date, tz: ZoneInfo) -> list[Interval]:
        working = self.working_intervals(staff_id, day, tz)
        busy = self.busy.get(staff_id)
        if not busy:
            return working
        busy_ends = self.busy_ends[staff_id]
        free = []
        for start, end in working:
            cursor = start
            index = bisect_right(busy_ends, start)  # the first busy interval ending after `start`
            while index < len(busy) and busy[index][0] < end:
                busy_start, busy_end = busy[index]
                if busy_start > cursor:
                    free.append((cursor, busy_start))
                cursor = busy_end
                index += 1
            if cursor < end:
                free.append((cursor, end))
        return free


def _merge(intervals: list[Interval], *, join_adjacent: bool = True) -> list[Interval]:
    """Sorted, non-overlapping intervals covering the same time."""
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if merged and (start < merged[-1][1] or (join_adjacent and start == merged[-1][1])):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
