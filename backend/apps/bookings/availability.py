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
- A walk-in at the salon's desk (`walk_in`: a stylist or manager booking on a customer's behalf)
  has no lead time, since the lead time protects the salon from last-minute online bookings, and
  may take the current grid slot, which started less than one slot step before now; the day before
  today keeps the starts of its overnight interval still running. Every other rule is the same.

A start asked for is judged by the same computation (`start_check`, the only check a booking makes
of its time) and refused with the first rule it breaks, in this order (`SlotRefusal`, whose values
are the bookings error codes): `start_in_past` (`s` is not after now; for a walk-in, not after now minus one slot step),
`lead_time_not_met`,
`beyond_booking_horizon`, `slot_not_on_grid` (off the grid counted from the local midnight starting
`s`'s day and from the one before), then `slot_unavailable`: none of the staff members asked for is
offered `s` by the rules above.

Everything is computed in the salon's time zone and returned as aware datetimes in that zone.
The data for any number of staff and days is loaded in a constant number of queries, and the
interval arithmetic runs once per staff member and day on sorted intervals.
"""

import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.utils import timezone

from apps.salons.errors import SalonNotFound, ServiceNotFound, StaffNotFound
from apps.salons.models import Salon, Service, StaffMember

from .availability_reads import qualified_staff_ids as read_qualified_staff_ids
from .availability_reads import salon_service_row
from .availability_schedule import Hours, Interval, Schedule, load_range, local_midnight, staff_booked_over
from .errors import ErrorCode

_LARGEST_ID = 2**63 - 1


class SlotRefusal(StrEnum):
    """Why a start cannot be booked, in the order the rules are checked."""

    START_IN_PAST = ErrorCode.START_IN_PAST
    LEAD_TIME_NOT_MET = ErrorCode.LEAD_TIME_NOT_MET
    BEYOND_BOOKING_HORIZON = ErrorCode.BEYOND_BOOKING_HORIZON
    SLOT_NOT_ON_GRID = ErrorCode.SLOT_NOT_ON_GRID
    SLOT_UNAVAILABLE = ErrorCode.SLOT_UNAVAILABLE


@dataclass(frozen=True)
class StartCheck:
    """Why not (`refusal`), or who is free at the start (`free_staff_ids`, in display order)."""

    refusal: SlotRefusal | None
    free_staff_ids: tuple[int, ...] = ()


class Slot(NamedTuple):
    start: datetime
    end: datetime
    staff_ids: tuple[int, ...]


@dataclass(frozen=True)
class SalonRecord:
    """What the engine reads of a salon (a `Salon` has the same attributes): read as plain values on
    the public endpoint's path, where a model instance would cost more than the rest."""

    pk: int
    timezone: str
    is_active: bool
    lead_time_minutes: int
    booking_horizon_days: int
    slot_step_minutes: int

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ServiceRecord:
    """What the engine reads of a service (a `Service` has the same attributes)."""

    pk: int
    salon_id: int
    is_active: bool
    duration_minutes: int
    buffer_minutes: int


@dataclass(frozen=True)
class SalonAvailability:
    salon: SalonRecord
    service: ServiceRecord
    days: dict[date, list[Slot]]


class _Policy:
    """One salon's booking policy, evaluated at `now`; `walk_in` for a booking made at the desk."""

    def __init__(self, salon: Salon | SalonRecord, now: datetime, *, walk_in: bool = False, timeless: bool = False):
        self.now = now
        self.walk_in = walk_in
        self.lead_time = timedelta(minutes=0 if walk_in else salon.lead_time_minutes)
        self.tz = salon.tz
        self.step = salon.slot_step_minutes * 60
        self.today = now.astimezone(self.tz).date()
        # A walk-in may still start in the overnight interval that began yesterday.
        self.first_bookable_day = self.today - timedelta(days=1) if walk_in else self.today
        self.last_bookable_day = self.today + timedelta(days=salon.booking_horizon_days)
        # Starts must be after this instant: now, or for a walk-in now minus one step (the current slot).
        self.past_until = now - timedelta(seconds=self.step) if walk_in else now
        self.earliest_start = now.timestamp() + self.lead_time.total_seconds()
        self.horizon_end = local_midnight(self.last_bookable_day + timedelta(days=1), self.tz).timestamp()
        if timeless:
            # The starts the rules give whatever the time: no lead time, past or horizon (the availability
            # summary stores these and applies the time-dependent rules when it is read).
            self.earliest_start = -math.inf
            self.horizon_end = math.inf

    def refusal(self, start: datetime) -> SlotRefusal | None:
        """The first rule of the policy `start` breaks (see the module docstring), if any."""
        if start <= self.past_until:
            return SlotRefusal.START_IN_PAST
        if not self.walk_in and start < self.now + self.lead_time:
            return SlotRefusal.LEAD_TIME_NOT_MET
        local_day = start.astimezone(self.tz).date()
        if local_day > self.last_bookable_day:
            return SlotRefusal.BEYOND_BOOKING_HORIZON
        # An overnight interval's grid keeps counting from the midnight before.
        midnights = (local_midnight(local_day - timedelta(days=days), self.tz) for days in (0, 1))
        if not any((start - midnight).total_seconds() % self.step == 0 for midnight in midnights):
            return SlotRefusal.SLOT_NOT_ON_GRID
        return None

    def bookable_days(self, days: Iterable[date]) -> list[date]:
        return [day for day in days if self.first_bookable_day <= day <= self.last_bookable_day]

    def starts(self, free: list[Interval], day: date, need: int, midnight: float | None = None) -> Iterator[int]:
        """Grid starts of `day` (POSIX seconds; `midnight`: its local midnight's, when the caller has it)
        where `need` seconds fit inside one free interval."""
        if midnight is None:
            midnight = local_midnight(day, self.tz).timestamp()
        step = self.step
        if self.earliest_start == -math.inf:  # timeless: no lead time (the availability summary)
            earliest = -math.inf
        elif self.walk_in:  # the current grid slot: the last grid time at or before now
            earliest = midnight + math.floor((self.earliest_start - midnight) / step) * step
        else:
            earliest = midnight + math.ceil((self.earliest_start - midnight) / step) * step
        # Grid times are whole seconds: the last start is the one whose `need` still fits before the
        # interval's end, and before the horizon's end.
        last_by_horizon = math.inf if self.horizon_end == math.inf else math.ceil(self.horizon_end) - 1
        for free_start, free_end in free:
            if free_end - free_start < need:  # most gaps between bookings: nothing fits
                continue
            start = max(earliest, midnight + math.ceil((free_start - midnight) / step) * step)
            yield from range(int(start), int(min(math.floor(free_end - need), last_by_horizon)) + 1, step)


def slot_list_available(
    *,
    salon: Salon,
    service: Service,
    start_date: date,
    days: int = 1,
    staff_id: int | None = None,
    now: datetime | None = None,
    exclude_booking_id: int | None = None,
    walk_in: bool = False,
) -> dict[date, list[Slot]]:
    """Free starts of `service` on `start_date` and the `days - 1` following local days, ordered by
    day then start, for one staff member or any qualified one (each slot lists who is free);
    `walk_in`: as the salon's desk may book them (no lead time, the current grid slot)."""
    now = now or timezone.now()
    return _free_slots(
        salon=salon,
        service=service,
        days=[start_date + timedelta(days=offset) for offset in range(days)],
        staff_ids=None if staff_id is None else [staff_id],
        policy=_Policy(salon, now, walk_in=walk_in),
        now=now,
        exclude_booking_id=exclude_booking_id,
    )


def start_check(
    *,
    salon: Salon,
    service: Service,
    staff_ids: list[int],
    start: datetime,
    now: datetime | None = None,
    policy_now: datetime | None = None,
    exclude_booking_id: int | None = None,
    walk_in: bool = False,
) -> StartCheck:
    """Whether `start` can be booked for `service` with one of `staff_ids`, by the same computation as
    the list: the policy as of `policy_now` (by default `now`, for a walk-in at the desk if `walk_in`),
    busy time as of `now`, leaving out the booking `exclude_booking_id` (the one being moved or confirmed)."""
    now = now or timezone.now()
    policy = _Policy(salon, policy_now or now, walk_in=walk_in)
    refusal = policy.refusal(start)
    if refusal is not None:
        return StartCheck(refusal)
    # Whoever is booked over [start, start + d + b) is not free whatever their hours: one query settles
    # the requests for a taken time, which wait for one another's locks, before the whole schedule.
    need = timedelta(minutes=service.duration_minutes + service.buffer_minutes)
    booked = staff_booked_over(
        staff_ids=staff_ids, start=start, end=start + need, now=now, exclude_booking_id=exclude_booking_id
    )
    staff_ids = [staff_id for staff_id in staff_ids if staff_id not in booked]
    if not staff_ids:
        return StartCheck(SlotRefusal.SLOT_UNAVAILABLE)
    local_day = start.astimezone(policy.tz).date()  # the start may belong to the day before's overnight interval
    days = _free_slots(
        salon=salon,
        service=service,
        days=[local_day - timedelta(days=1), local_day],
        staff_ids=staff_ids,
        policy=policy,
        now=now,
        exclude_booking_id=exclude_booking_id,
    )
    free = tuple(
        dict.fromkeys(
            member_id
            for slots in days.values()
            for slot in slots
            if slot.start == start
            for member_id in slot.staff_ids
        )
    )
    return StartCheck(None, free) if free else StartCheck(SlotRefusal.SLOT_UNAVAILABLE)


def start_policy_refusal(*, salon: Salon, start: datetime, now: datetime, walk_in: bool = False) -> SlotRefusal | None:
    """The policy part of `start_check` alone, without a query: for the checks of a request that come
    before it takes its locks."""
    return _Policy(salon, now, walk_in=walk_in).refusal(start)


def _free_slots(
    *,
    salon: Salon | SalonRecord,
    service: Service | ServiceRecord,
    days: list[date],
    staff_ids: list[int] | None,
    policy: _Policy,
    now: datetime,
    exclude_booking_id: int | None,
    qualified_staff_ids: list[int] | None = None,
) -> dict[date, list[Slot]]:
    """The free starts on `days` of the qualified staff (those of `staff_ids` when given; or
    `qualified_staff_ids`, already read by the caller): three queries (staff, hours and exceptions,
    bookings)."""
    result: dict[date, list[Slot]] = {day: [] for day in days}
    if not (salon.is_active and service.is_active and service.salon_id == salon.pk):
        return result
    bookable = policy.bookable_days(days)
    if not bookable:
        return result

    if qualified_staff_ids is None:
        qualified_staff_ids = read_qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=staff_ids)
    staff_ids = qualified_staff_ids
    if not staff_ids:
        return result

    tz = policy.tz
    range_start, range_end = load_range(bookable, tz)
    schedule = Schedule(
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
    from_timestamp = datetime.fromtimestamp
    for day in bookable:
        midnight = local_midnight(day, tz).timestamp()
        if len(staff_ids) == 1:
            member_id = staff_ids[0]
            free_staff = (member_id,)
            starts = policy.starts(schedule.free_intervals(member_id, day, tz), day, need, midnight)
            result[day] = [
                Slot(from_timestamp(start, tz), from_timestamp(start + duration, tz), free_staff) for start in starts
            ]
            continue
        staff_by_start: dict[int, list[int]] = defaultdict(list)
        for member_id in staff_ids:
            for start in policy.starts(schedule.free_intervals(member_id, day, tz), day, need, midnight):
                staff_by_start[start].append(member_id)
        result[day] = [
            Slot(from_timestamp(start, tz), from_timestamp(start + duration, tz), tuple(staff_by_start[start]))
            for start in sorted(staff_by_start)
        ]
    return result


def staff_free_gaps(*, staff: StaffMember, day: date, now: datetime | None = None) -> list[tuple[datetime, datetime]]:
    """The staff member's working intervals on the local `day` minus time off and blocking bookings,
    as aware datetimes in the salon's zone (no lead time, horizon or grid). Time already past is left
    out: a gap under way starts now, one that has ended is not listed."""
    tz = staff.salon.tz
    now = now or timezone.now()
    range_start, range_end = load_range([day], tz)
    schedule = Schedule(
        staff_ids=[staff.pk],
        first_day=day,
        last_day=day,
        range_start=range_start,
        range_end=range_end,
        now=now,
    )
    current = now.timestamp()
    return [
        (datetime.fromtimestamp(max(start, current), tz), datetime.fromtimestamp(end, tz))
        for start, end in schedule.free_intervals(staff.pk, day, tz)
        if end > current
    ]


def staff_working_intervals(
    *, staff_ids: list[int], first_day: date, last_day: date, tz: ZoneInfo
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Each staff member's working intervals (weekly hours, or that date's special hours) that overlap
    the local days `first_day` to `last_day`, as the engine computes them, in start order: an overnight
    interval of the day before that runs past midnight is among them. In one query."""
    hours = Hours(staff_ids=staff_ids, first_day=first_day - timedelta(days=1), last_day=last_day)
    window_start = local_midnight(first_day, tz).timestamp()
    window_end = local_midnight(last_day + timedelta(days=1), tz).timestamp()
    days = [first_day + timedelta(days=offset) for offset in range(-1, (last_day - first_day).days + 1)]
    return {
        staff_id: [
            (datetime.fromtimestamp(start, tz), datetime.fromtimestamp(end, tz))
            for day in days
            for start, end in hours.working_intervals(staff_id, day, tz)
            if start < window_end and end > window_start
        ]
        for staff_id in staff_ids
    }


def salon_availability_get(
    *,
    salon_id: int,
    service_id: int,
    start_date: date,
    days: int = 1,
    staff_id: int | None = None,
    now: datetime | None = None,
) -> SalonAvailability:
    """The public availability of an active salon's active service, optionally for one of its staff:
    three queries (the salon with the service and its qualified staff, hours and exceptions, bookings),
    read as plain values."""
    if salon_id > _LARGEST_ID:  # beyond any id (and beyond what the database can be asked about)
        raise SalonNotFound()
    row = salon_service_row(salon_id=salon_id, service_id=service_id)
    if row is None or not row["salon__is_active"]:
        if row is None and Salon.objects.filter(pk=salon_id, is_active=True).exists():
            raise ServiceNotFound()
        raise SalonNotFound()
    if not row["is_active"]:
        raise ServiceNotFound()
    salon = SalonRecord(
        pk=salon_id,
        timezone=row["salon__timezone"],
        is_active=True,
        lead_time_minutes=row["salon__lead_time_minutes"],
        booking_horizon_days=row["salon__booking_horizon_days"],
        slot_step_minutes=row["salon__slot_step_minutes"],
    )
    service = ServiceRecord(
        pk=service_id,
        salon_id=salon_id,
        is_active=True,
        duration_minutes=row["duration_minutes"],
        buffer_minutes=row["buffer_minutes"],
    )
    staff_ids = row["staff_ids"]
    if staff_id is not None:
        if staff_id not in staff_ids:
            raise StaffNotFound()
        staff_ids = [staff_id]
    now = now or timezone.now()
    slots = _free_slots(
        salon=salon,
        service=service,
        days=[start_date + timedelta(days=offset) for offset in range(days)],
        staff_ids=staff_ids,
        policy=_Policy(salon, now),
        now=now,
        exclude_booking_id=None,
        qualified_staff_ids=staff_ids,
    )
    return SalonAvailability(salon=salon, service=service, days=slots)
