"""What the availability engine knows about some staff members over some days: weekly hours, special
hours and time off (`Hours`, one query) and blocking bookings (one more), loaded in two queries whatever
the number of staff, days and bookings, and their working and free intervals per staff-day (see
`availability` for the rules)."""

from bisect import bisect_right
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.db import connection

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


def _as_time(value) -> time:
    return value if isinstance(value, time) else time.fromisoformat(value)


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _as_timestamp(value) -> float:
    """A stored instant as a POSIX timestamp (SQLite gives it back as text in UTC, PostgreSQL aware)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


@lru_cache(maxsize=64)
def _hours_sql(vendor: str, staff_count: int, with_time_off: bool) -> str:
    """The SQL of `_hours_rows` (per database vendor, number of staff and kind of read). Only table and
    column names from the models' metadata and placeholders go into it; every value is a parameter."""
    quote = connection.ops.quote_name

    def table(model) -> str:
        return quote(model._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    def null(field_type: str) -> str:  # typed, so that PostgreSQL can match the branches' columns
        return f"CAST(NULL AS {connection.data_types[field_type]})"

    ids = ", ".join(["%s"] * staff_count)
    date_null, time_null, instant_null = null("DateField"), null("TimeField"), null("DateTimeField")
    weekly, special, time_off = WorkingHours, SpecialHours, TimeOff
    parts = [
        f"SELECT 0, {column(weekly, 'staff')}, {column(weekly, 'weekday')}, {date_null}, "  # noqa: S608
        f"{column(weekly, 'start_time')}, {column(weekly, 'end_time')}, {instant_null}, {instant_null} "
        f"FROM {table(weekly)} WHERE {column(weekly, 'staff')} IN ({ids})",
        f"SELECT 1, {column(special, 'staff')}, NULL, {column(special, 'date')}, "  # noqa: S608
        f"{column(special, 'start_time')}, {column(special, 'end_time')}, {instant_null}, {instant_null} "
        f"FROM {table(special)} WHERE {column(special, 'staff')} IN ({ids}) "
        f"AND {column(special, 'date')} >= %s AND {column(special, 'date')} <= %s",
    ]
    if with_time_off:
        parts.append(
            f"SELECT 2, {column(time_off, 'staff')}, NULL, {date_null}, {time_null}, {time_null}, "  # noqa: S608
            f"{column(time_off, 'start')}, {column(time_off, 'end')} "
            f"FROM {table(time_off)} WHERE {column(time_off, 'staff')} IN ({ids}) "
            f"AND {column(time_off, 'start')} < %s AND {column(time_off, 'end')} > %s"
        )
    return " UNION ALL ".join(parts)


def _hours_rows(
    *, staff_ids: list[int], first_day: date, last_day: date, time_off_over: tuple[datetime, datetime] | None
) -> list[tuple]:
    """The weekly hours, the special hours of `first_day`..`last_day` and (with `time_off_over`) the
    time off overlapping that range of the staff, as (kind, staff id, weekday, date, start time, end
    time, start, end) rows of one UNION ALL query: the engine's hottest read, written in SQL so that it
    is one round trip without the ORM's per-query cost. Kinds: 0 weekly, 1 special, 2 time off."""
    ops = connection.ops
    params: list = [*staff_ids, *staff_ids, ops.adapt_datefield_value(first_day), ops.adapt_datefield_value(last_day)]
    if time_off_over is not None:
        range_start, range_end = time_off_over
        params += [*staff_ids, ops.adapt_datetimefield_value(range_end), ops.adapt_datetimefield_value(range_start)]
    with connection.cursor() as cursor:
        cursor.execute(_hours_sql(connection.vendor, len(staff_ids), time_off_over is not None), params)
        return cursor.fetchall()


class Hours:
    """Weekly and special hours of some staff members over a range of days, and with `time_off_over`
    their time off overlapping that range (`time_off`: POSIX intervals per staff member), in one query;
    and the working intervals they give each staff-day (see `availability` for the rules)."""

    def __init__(
        self,
        *,
        staff_ids: list[int],
        first_day: date,
        last_day: date,
        time_off_over: tuple[datetime, datetime] | None = None,
    ):
        self.weekly: dict[tuple[int, int], list[tuple[time, time]]] = defaultdict(list)
        self.special: dict[tuple[int, date], list[tuple[time, time]]] = {}
        self.time_off: dict[int, list[Interval]] = defaultdict(list)
        self._intervals: dict[tuple, list[Interval]] = {}  # the same rows on the same day give the same intervals
        if not staff_ids:
            return
        rows = _hours_rows(staff_ids=staff_ids, first_day=first_day, last_day=last_day, time_off_over=time_off_over)
        for kind, staff_id, weekday, day, start_time, end_time, start, end in rows:
            if kind == 0:
                self.weekly[staff_id, weekday].append((_as_time(start_time), _as_time(end_time)))
            elif kind == 1:
                intervals = self.special.setdefault((staff_id, _as_date(day)), [])
                if start_time is not None and end_time is not None:
                    intervals.append((_as_time(start_time), _as_time(end_time)))
            else:
                self.time_off[staff_id].append((_as_timestamp(start), _as_timestamp(end)))

    def working_intervals(self, staff_id: int, day: date, tz: ZoneInfo) -> list[Interval]:
        rows = self.special.get((staff_id, day))
        if rows is None:
            rows = self.weekly.get((staff_id, day.weekday()), [])
        key = (day, tz, *rows)
        intervals = self._intervals.get(key)
        if intervals is None:
            intervals = []
            for start_time, end_time in rows:
                end_day = day if end_time > start_time else day + timedelta(days=1)
                start = datetime.combine(day, start_time, tzinfo=tz).timestamp()
                end = datetime.combine(end_day, end_time, tzinfo=tz).timestamp()
                intervals.append((start, end))
            intervals = self._intervals[key] = _merge(intervals, join_adjacent=False)
        return intervals


class Schedule:
    """Hours, exceptions and busy time of some staff members over a range of days: one query for the
    hours and exceptions (`Hours`) and one read of the blocking bookings (none with
    `count_bookings=False`: then busy time is time off alone, i.e. the staff's working time)."""

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
        self.hours = Hours(
            staff_ids=staff_ids, first_day=first_day, last_day=last_day, time_off_over=(range_start, range_end)
        )

        busy: dict[int, list[Interval]] = self.hours.time_off
        bookings = (
            blocking_intervals(
                staff_ids=staff_ids,
                start=range_start,
                end=range_end,
                now=now,
                exclude_booking_id=exclude_booking_id,
                as_timestamps=True,
            )
            if count_bookings
            else {}
        )
        for staff_id, intervals in bookings.items():
            if intervals and isinstance(intervals[0][0], datetime):  # a stand-in that gives datetimes (tests)
                intervals = [(start.timestamp(), end.timestamp()) for start, end in intervals]
            busy[staff_id].extend(intervals)

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
