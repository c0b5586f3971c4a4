"""Whether a set of working intervals hangs together: the one check of a staff member's weekly hours
and special hours, for the admin's formsets and the back office alike.

Rows are checked together (the rows saved so far may be about to change). An interval whose end is
at or before its start runs past midnight and belongs to the day it starts. A day's intervals must
not be empty (start = end) nor overlap one another; a weekday's hours must not overlap the previous
day's shift that runs past midnight (Sunday's spills into Monday); a date's day off (no times)
cannot be combined with hours on that date. Each problem names the rows involved (their indexes in
the rows given), so that a client can point at them.
"""

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from datetime import date, time

from django.utils.translation import gettext as _

from .models import Weekday


def interval_minutes(start: time, end: time) -> tuple[int, int]:
    """Minutes from the day's midnight; an end at or before the start belongs to the next day."""
    start_m = start.hour * 60 + start.minute
    end_m = end.hour * 60 + end.minute
    if end_m <= start_m:
        end_m += 24 * 60
    return start_m, end_m


@dataclass(frozen=True)
class HoursProblem:
    message: str  # translated, in the active language: "Saturday: Working intervals … must not overlap."
    code: str
    rows: tuple[int, ...]


def _saudi_week_position(weekday: int) -> int:
    """Sunday first, as the Saudi week is read."""
    return (weekday + 1) % 7


def _day_problems(label: str, rows: list[tuple[int, time, time]]) -> list[HoursProblem]:
    """Empty and overlapping intervals among one day's rows (index, start, end)."""
    problems = []
    empty = tuple(index for index, start, end in rows if start == end)
    if empty:
        problems.append(
            HoursProblem(
                _("%(day)s: %(problem)s")
                % {"day": label, "problem": _("An interval cannot start and end at the same time.")},
                "empty_interval",
                empty,
            )
        )
    spans = [(interval_minutes(start, end), index) for index, start, end in rows if start != end]
    overlapping = {
        index
        for (span, index) in spans
        for (other, other_index) in spans
        if other_index != index and span[0] < other[1] and other[0] < span[1]
    }
    if overlapping:
        problems.append(
            HoursProblem(
                _("%(day)s: %(problem)s")
                % {"day": label, "problem": _("Working intervals on the same day must not overlap.")},
                "overlapping_intervals",
                tuple(sorted(overlapping)),
            )
        )
    return problems


def _grouped(rows: Sequence[tuple], key: Callable[[tuple], Hashable]) -> dict:
    groups: dict = defaultdict(list)
    for index, row in enumerate(rows):
        groups[key(row)].append((index, *row[1:]))
    return groups


def weekly_hours_problems(rows: Sequence[tuple[int, time, time]]) -> list[HoursProblem]:
    """The problems of a staff member's whole week, given as (weekday, start, end) rows; none when
    the week is valid. Weekdays are read Sunday first."""
    by_weekday = _grouped(rows, key=lambda row: row[0])
    problems = []
    for weekday in sorted(by_weekday, key=_saudi_week_position):
        problems.extend(_day_problems(Weekday(weekday).label, by_weekday[weekday]))
    for weekday in sorted(by_weekday, key=_saudi_week_position):
        spill_end = max(
            (
                interval_minutes(start, end)[1] - 24 * 60
                for _index, start, end in by_weekday.get((weekday - 1) % 7, [])
                if start != end
            ),
            default=0,
        )
        clashing = [
            (index, interval_minutes(start, end)[0])
            for index, start, end in by_weekday[weekday]
            if start != end and interval_minutes(start, end)[0] < spill_end
        ]
        if not clashing:
            continue
        earliest = min(start_m for _index, start_m in clashing)
        spilling = [
            index
            for index, start, end in by_weekday.get((weekday - 1) % 7, [])
            if start != end and interval_minutes(start, end)[1] - 24 * 60 > earliest
        ]
        problems.append(
            HoursProblem(
                _("%(day)s: the hours overlap the previous day's shift after midnight.")
                % {"day": Weekday(weekday).label},
                "overlapping_overnight",
                tuple(sorted([index for index, _start in clashing] + spilling)),
            )
        )
    return problems


def special_hours_problems(rows: Sequence[tuple[date, time | None, time | None]]) -> list[HoursProblem]:
    """The problems of special hours given as (date, start, end) rows (no times: a day off); none
    when they are valid."""
    by_date = _grouped(rows, key=lambda row: row[0])
    problems = []
    for day in sorted(by_date):
        day_rows = by_date[day]
        if len(day_rows) > 1 and any(start is None for _index, start, _end in day_rows):
            problems.append(
                HoursProblem(
                    _("%(date)s: a day off cannot be combined with other hours on the same date.")
                    % {"date": day.isoformat()},
                    "conflicting_special_hours",
                    tuple(index for index, _start, _end in day_rows),
                )
            )
            continue
        problems.extend(_day_problems(day.isoformat(), [row for row in day_rows if row[1] is not None]))
    return problems
