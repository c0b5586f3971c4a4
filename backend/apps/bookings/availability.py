"""The availability engine: which start times are free, for whom. The single source of truth for
the slot list shown to customers and for the check a booking makes inside its transaction.

Rules for a start time `s` of a service with duration `d` and buffer `b`, for one staff member:

- The staff member's working intervals on a local day are that date's special hours when there
  are any (a row without times is a day off), otherwise the weekday's weekly hours. An interval
  whose end is at or before its start ends after midnight and belongs to the day it started, so its
  starts after midnight are listed under that day.
- Busy time is time off plus blocking bookings (each already including its own buffer). Free
  intervals are the working intervals minus busy time; every interval is half-open [start, end).
- `s` is offered when [s, s + d + b) lies inside one free interval (so the new booking's buffer
  also fits before whatever comes next; back-to-back with zero buffers is allowed), `s` is at least
  the salon's lead time after now, `s`'s local date is at most `booking_horizon_days` after today,
  and `s` lies on the salon's grid: minutes elapsed since the local midnight that starts the day
  are a multiple of `slot_step_minutes` (the grid runs on past midnight for overnight intervals).
- Days before the salon's local today have no slots; inactive salons, services or staff and staff
  who do not offer the service have none either.

Everything is computed in the salon's time zone and returned as aware datetimes in that zone.
The data for any number of staff and days is loaded in a constant number of queries, and the
interval arithmetic runs once per staff member and day on sorted intervals.
"""

import math
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F, Min
from django.utils import timezone

from apps.salons.errors import SalonNotFound, ServiceNotFound, StaffNotFound
from apps.salons.models import Salon, Service, SpecialHours, StaffMember, TimeOff, WorkingHours

from .selectors import blocking_intervals

Interval = tuple[float, float]  # POSIX timestamps, half-open


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    staff_ids: tuple[int, ...]


@dataclass(frozen=True)
class SalonAvailability:
    salon: Salon
    service: Service
    days: dict[date, list[Slot]]


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time.min, tzinfo=tz)


class _Policy:
    """One salon's booking policy, evaluated at `now`."""

    def __init__(self, salon: Salon, now: datetime):
        self.tz = salon.tz
        self.step = salon.slot_step_minutes * 60
        self.today = now.astimezone(self.tz).date()
        self.last_bookable_day = self.today + timedelta(days=salon.booking_horizon_days)
        self.earliest_start = now.timestamp() + salon.lead_time_minutes * 60
        self.horizon_end = _midnight(self.last_bookable_day + timedelta(days=1), self.tz).timestamp()

    def bookable_days(self, days: Iterable[date]) -> list[date]:
        return [day for day in days if self.today <= day <= self.last_bookable_day]

    def starts(self, free: list[Interval], day: date, need: int) -> Iterator[float]:
        """Grid starts of `day` where `need` seconds fit inside one free interval."""
        midnight = _midnight(day, self.tz).timestamp()
        for free_start, free_end in free:
            first = max(free_start, self.earliest_start)
            start = midnight + math.ceil((first - midnight) / self.step) * self.step
            while start + need <= free_end and start < self.horizon_end:
                yield start
                start += self.step


class _Schedule:
    """Hours, exceptions and busy time of some staff members over a range of days: three queries
    and one read of the blocking bookings."""

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
    ):
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

        busy: dict[int, list[Interval]] = defaultdict(list)
        for staff_id, start, end in (
            TimeOff.objects.filter(staff_id__in=staff_ids, start__lt=range_end, end__gt=range_start)
            .order_by()
            .values_list("staff_id", "start", "end")
        ):
            busy[staff_id].append((start.timestamp(), end.timestamp()))
        bookings = blocking_intervals(
            staff_ids=staff_ids, start=range_start, end=range_end, now=now, exclude_booking_id=exclude_booking_id
        )
        for staff_id, intervals in bookings.items():
            busy[staff_id].extend((start.timestamp(), end.timestamp()) for start, end in intervals)

        self.busy = {staff_id: _merge(intervals) for staff_id, intervals in busy.items()}
        self.busy_ends = {staff_id: [end for _start, end in intervals] for staff_id, intervals in self.busy.items()}

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


def _load_range(days: list[date], tz: ZoneInfo) -> tuple[datetime, datetime]:
    """Instants covering every interval that belongs to `days` (overnight ones end the next day)."""
    return _midnight(days[0], tz), _midnight(days[-1] + timedelta(days=2), tz)


def slot_list_available(
    *,
    salon: Salon,
    service: Service,
    start_date: date,
    days: int = 1,
    staff_id: int | None = None,
    now: datetime | None = None,
    exclude_booking_id: int | None = None,
) -> dict[date, list[Slot]]:
    """Free starts of `service` on `start_date` and the `days - 1` following local days, ordered by
    day then start, for one staff member or any qualified one (each slot lists who is free)."""
    requested = [start_date + timedelta(days=offset) for offset in range(days)]
    result: dict[date, list[Slot]] = {day: [] for day in requested}
    if not (salon.is_active and service.is_active and service.salon_id == salon.pk):
        return result
    now = now or timezone.now()
    policy = _Policy(salon, now)
    bookable = policy.bookable_days(requested)
    if not bookable:
        return result

    staff = StaffMember.objects.filter(salon=salon, is_active=True, services=service)
    if staff_id is not None:
        staff = staff.filter(pk=staff_id)
    staff_ids = list(staff.values_list("pk", flat=True))
    if not staff_ids:
        return result

    range_start, range_end = _load_range(bookable, policy.tz)
    schedule = _Schedule(
        staff_ids=staff_ids,
        first_day=bookable[0],
        last_day=bookable[-1],
        range_start=range_start,
        range_end=range_end,
        now=now,
        exclude_booking_id=exclude_booking_id,
    )
    need = (service.duration_minutes + service.buffer_minutes) * 60
    duration = service.duration_minutes * 60
    for day in bookable:
        staff_by_start: dict[float, list[int]] = defaultdict(list)
        for member_id in staff_ids:
            for start in policy.starts(schedule.free_intervals(member_id, day, policy.tz), day, need):
                staff_by_start[start].append(member_id)
        result[day] = [
            Slot(
                start=datetime.fromtimestamp(start, policy.tz),
                end=datetime.fromtimestamp(start + duration, policy.tz),
                staff_ids=tuple(staff_by_start[start]),
            )
            for start in sorted(staff_by_start)
        ]
    return result


def _slots_around(
    *,
    salon: Salon,
    service: Service,
    start: datetime,
    staff_id: int | None,
    now: datetime | None,
    exclude_booking_id: int | None,
) -> list[Slot]:
    """The slots at `start`, looking at its local day and at the day before (overnight intervals)."""
    local_day = start.astimezone(salon.tz).date()
    days = slot_list_available(
        salon=salon,
        service=service,
        start_date=local_day - timedelta(days=1),
        days=2,
        staff_id=staff_id,
        now=now,
        exclude_booking_id=exclude_booking_id,
    )
    return [slot for slots in days.values() for slot in slots if slot.start == start]


def slot_is_available(
    *,
    salon: Salon,
    service: Service,
    staff_id: int,
    start: datetime,
    now: datetime | None = None,
    exclude_booking_id: int | None = None,
) -> bool:
    """Whether `start` is one of `staff_id`'s free slots for `service`, by the same computation as the list."""
    slots = _slots_around(
        salon=salon, service=service, start=start, staff_id=staff_id, now=now, exclude_booking_id=exclude_booking_id
    )
    return any(staff_id in slot.staff_ids for slot in slots)


def free_staff_for_start(
    *,
    salon: Salon,
    service: Service,
    start: datetime,
    now: datetime | None = None,
    exclude_booking_id: int | None = None,
) -> list[int]:
    """Qualified staff free at `start`, in the salon's display order (for "any stylist" bookings)."""
    slots = _slots_around(
        salon=salon, service=service, start=start, staff_id=None, now=now, exclude_booking_id=exclude_booking_id
    )
    return list(dict.fromkeys(member_id for slot in slots for member_id in slot.staff_ids))


def salon_ids_with_availability(*, salon_ids: list[int], day: date, now: datetime | None = None) -> set[int]:
    """The salons among `salon_ids` with at least one free slot on the local `day` for at least one
    active service, in six queries whatever the number of salons."""
    now = now or timezone.now()
    policies = {
        salon.pk: _Policy(salon, now)
        for salon in Salon.objects.filter(pk__in=salon_ids, is_active=True).only(
            "pk", "timezone", "lead_time_minutes", "booking_horizon_days", "slot_step_minutes"
        )
    }
    policies = {salon_id: policy for salon_id, policy in policies.items() if policy.bookable_days([day])}
    if not policies:
        return set()

    # A staff member's shortest service (with its buffer) fits wherever any of its services fits.
    offers = (
        StaffMember.services.through.objects.filter(
            staffmember__salon_id__in=policies,
            staffmember__is_active=True,
            service__is_active=True,
            service__salon_id=F("staffmember__salon_id"),
        )
        .values("staffmember_id", "staffmember__salon_id")
        .annotate(need=Min(F("service__duration_minutes") + F("service__buffer_minutes")))
        .order_by()
    )
    staff_by_salon: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for offer in offers:
        staff_by_salon[offer["staffmember__salon_id"]].append((offer["staffmember_id"], offer["need"] * 60))
    if not staff_by_salon:
        return set()

    ranges = [_load_range([day], policies[salon_id].tz) for salon_id in staff_by_salon]
    schedule = _Schedule(
        staff_ids=[staff_id for members in staff_by_salon.values() for staff_id, _need in members],
        first_day=day,
        last_day=day,
        range_start=min(start for start, _end in ranges),
        range_end=max(end for _start, end in ranges),
        now=now,
    )
    available = set()
    for salon_id, members in staff_by_salon.items():
        policy = policies[salon_id]
        for staff_id, need in members:
            starts = policy.starts(schedule.free_intervals(staff_id, day, policy.tz), day, need)
            if next(iter(starts), None) is not None:
                available.add(salon_id)
                break
    return available


def staff_free_gaps(*, staff: StaffMember, day: date, now: datetime | None = None) -> list[tuple[datetime, datetime]]:
    """The staff member's working intervals on the local `day` minus time off and blocking bookings,
    as aware datetimes in the salon's zone (no lead time, horizon or grid)."""
    tz = staff.salon.tz
    range_start, range_end = _load_range([day], tz)
    schedule = _Schedule(
        staff_ids=[staff.pk],
        first_day=day,
        last_day=day,
        range_start=range_start,
        range_end=range_end,
        now=now or timezone.now(),
    )
    return [
        (datetime.fromtimestamp(start, tz), datetime.fromtimestamp(end, tz))
        for start, end in schedule.free_intervals(staff.pk, day, tz)
    ]


def salon_availability_get(
    *,
    salon_id: int,
    service_id: int,
    start_date: date,
    days: int = 1,
    staff_id: int | None = None,
    now: datetime | None = None,
) -> SalonAvailability:
    """The public availability of an active salon's active service, optionally for one of its staff."""
    salon = Salon.objects.filter(pk=salon_id, is_active=True).first()
    if salon is None:
        raise SalonNotFound()
    service = Service.objects.filter(pk=service_id, salon=salon, is_active=True).first()
    if service is None:
        raise ServiceNotFound()
    if (
        staff_id is not None
        and not StaffMember.objects.filter(pk=staff_id, salon=salon, is_active=True, services=service).exists()
    ):
        raise StaffNotFound()
    slots = slot_list_available(
        salon=salon, service=service, start_date=start_date, days=days, staff_id=staff_id, now=now
    )
    return SalonAvailability(salon=salon, service=service, days=slots)
