"""Working time as the availability engine sees it, for bookings that keep their time.

The engine (`availability`) decides which starts can be *chosen*: working intervals minus time off
and blocking bookings, then the salon's policy (lead time, horizon, grid). A booking already made
keeps its time when its stylist's hours change or when it is given to another stylist, so only the
first part applies to it:

- A booking lies inside working time when [start, blocked_until) lies inside one working interval
  of its stylist (of its local day, or of the day before for an overnight interval) and overlaps no
  time off: `bookings_outside_working_time` lists the stylist's future blocking bookings for which
  this no longer holds (a change of hours, time off or special hours is checked by comparing the
  list before and after it).
- A stylist can take a booking at its own time when they are active, offer its service and the
  same interval lies inside one of their free intervals (working time minus time off and the other
  blocking bookings): `staff_free_over`.

Both run in a constant number of queries, through the engine's own `Schedule`.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from apps.salons.models import Salon, Service, StaffMember

from .availability_schedule import Interval, Schedule, load_range
from .models import Booking, blocking_q


def _inside(intervals_by_day, days: tuple[date, date], start: datetime, end: datetime) -> bool:
    start_ts, end_ts = start.timestamp(), end.timestamp()
    return any(
        free_start <= start_ts and end_ts <= free_end for day in days for free_start, free_end in intervals_by_day(day)
    )


def _days_of(start: datetime, tz: ZoneInfo) -> tuple[date, date]:
    """The local day of `start` and the one before (whose overnight interval may hold it)."""
    day = start.astimezone(tz).date()
    return day - timedelta(days=1), day


def bookings_outside_working_time(*, staff_id: int, tz: ZoneInfo, now: datetime) -> list[Booking]:
    """The stylist's blocking bookings starting after `now` that do not lie inside their working time
    (see the module docstring), by start; with their service and customer. Four queries."""
    bookings = list(
        Booking.objects.filter(blocking_q(now), staff_id=staff_id, start__gt=now)
        .select_related("service", "customer")
        .order_by("start", "pk")
    )
    if not bookings:
        return []
    first_day = _days_of(bookings[0].start, tz)[0]
    last_day = max(booking.start for booking in bookings).astimezone(tz).date()
    range_start, range_end = load_range([first_day, last_day], tz)
    schedule = Schedule(
        staff_ids=[staff_id],
        first_day=first_day,
        last_day=last_day,
        range_start=range_start,
        range_end=range_end,
        now=now,
        count_bookings=False,
    )
    cache: dict[date, list[Interval]] = {}

    def working(day: date) -> list[Interval]:
        if day not in cache:
            cache[day] = schedule.free_intervals(staff_id, day, tz)
        return cache[day]

    return [
        booking
        for booking in bookings
        if not _inside(working, _days_of(booking.start, tz), booking.start, booking.blocked_until)
    ]


def staff_free_over(
    *,
    salon: Salon,
    service: Service,
    staff_ids: list[int],
    start: datetime,
    end: datetime,
    now: datetime,
    exclude_booking_id: int | None = None,
) -> tuple[int, ...]:
    """The staff among `staff_ids` (active, of the salon, offering `service`) free over [start, end)
    by working time, time off and the other blocking bookings; not the booking policy. Five queries."""
    qualified = list(
        StaffMember.objects.filter(salon=salon, is_active=True, services=service, pk__in=staff_ids)
        .order_by("display_order", "pk")
        .values_list("pk", flat=True)
    )
    if not qualified:
        return ()
    days = _days_of(start, salon.tz)
    range_start, range_end = load_range(list(days), salon.tz)
    schedule = Schedule(
        staff_ids=qualified,
        first_day=days[0],
        last_day=days[1],
        range_start=range_start,
        range_end=range_end,
        now=now,
        exclude_booking_id=exclude_booking_id,
    )
    return tuple(
        staff_id
        for staff_id in qualified
        if _inside(lambda day, staff_id=staff_id: schedule.free_intervals(staff_id, day, salon.tz), days, start, end)
    )
