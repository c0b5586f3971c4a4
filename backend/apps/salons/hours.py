"""Opening-hours arithmetic on local wall-clock times: a day's intervals in minutes from its midnight
(an end at or before the start runs past midnight), and the checks the admin makes of a stylist's
weekly hours before saving them (`apps.salons.forms`)."""

from datetime import time

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def interval_minutes(start: time, end: time) -> tuple[int, int]:
    """Minutes from the day's midnight; an end at or before the start belongs to the next day."""
    start_m = start.hour * 60 + start.minute
    end_m = end.hour * 60 + end.minute
    if end_m <= start_m:
        end_m += 24 * 60
    return start_m, end_m


def validate_interval_list(intervals: list[tuple[time, time]]) -> None:
    """Reject empty ranges and overlaps among one day's intervals (end <= start means "after midnight")."""
    spans = []
    for start, end in intervals:
        if start == end:
            raise ValidationError(_("An interval cannot start and end at the same time."), code="empty_interval")
        spans.append(interval_minutes(start, end))
    spans.sort()
    for (_s1, e1), (s2, _e2) in zip(spans, spans[1:], strict=False):
        if s2 < e1:
            raise ValidationError(
                _("Working intervals on the same day must not overlap."), code="overlapping_intervals"
            )


def overnight_overlaps(intervals_by_weekday: dict[int, list[tuple[time, time]]]) -> list[int]:
    """Weekdays whose hours overlap the previous day's shift that runs past midnight (e.g. Thursday
    22:00–02:00 and Friday 01:00–05:00). Same-day overlaps are `validate_interval_list`'s."""
    clashing = []
    for weekday, intervals in intervals_by_weekday.items():
        previous = intervals_by_weekday.get((weekday - 1) % 7, [])
        spill_end = max((interval_minutes(start, end)[1] - 24 * 60 for start, end in previous), default=0)
        if spill_end > 0 and any(interval_minutes(start, end)[0] < spill_end for start, end in intervals):
            clashing.append(weekday)
    return clashing
