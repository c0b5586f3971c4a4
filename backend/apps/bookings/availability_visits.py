"""Free start times of a visit of several services (ADR 0017): the starts of the first service as the
engine lists them (`availability._free_slots`: the policy, the grid, the first stylist's time), kept
when every later service, back to back after the one before and its buffer, has a stylist free over
its own time (working time minus time off and blocking bookings; the policy governs the visit's start
only). The same rules as the check a booking makes (`visits.later_items_free`)."""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone

from apps.salons.errors import SalonNotFound, ServiceNotFound, StaffNotFound
from apps.salons.models import Salon, Service

from .availability import SalonRecord, Slot, _free_slots, _Policy
from .availability_reads import qualified_staff_ids
from .availability_schedule import Schedule, local_midnight
from .models import MAX_VISIT_ITEMS
from .visits import plan_visit

_LARGEST_ID = 2**63 - 1


@dataclass(frozen=True)
class VisitSlotItem:
    service_id: int
    start: datetime
    end: datetime
    staff_ids: tuple[int, ...]


@dataclass(frozen=True)
class VisitSlot:
    """A start of the whole visit: `end` is the last service's end, `staff_ids` the first service's free
    stylists, `items` each service's time and free stylists."""

    start: datetime
    end: datetime
    staff_ids: tuple[int, ...]
    items: tuple[VisitSlotItem, ...]


@dataclass(frozen=True)
class VisitAvailability:
    salon: SalonRecord
    service: Service
    services: list[Service]
    days: dict[date, list[VisitSlot]]


def _salon_record(salon: Salon) -> SalonRecord:
    return SalonRecord(
        pk=salon.pk,
        timezone=salon.timezone,
        is_active=salon.is_active,
        lead_time_minutes=salon.lead_time_minutes,
        booking_horizon_days=salon.booking_horizon_days,
        slot_step_minutes=salon.slot_step_minutes,
    )


def visit_availability_get(
    *,
    salon_id: int,
    service_ids: list[int],
    staff_ids: list[int | None],
    start_date: date,
    days: int = 1,
    now: datetime | None = None,
) -> VisitAvailability:
    """The public availability of a visit: `service_ids` in order (at most MAX_VISIT_ITEMS, active
    services of the active salon), `staff_ids` one per service (None: any qualified stylist)."""
    salon = Salon.objects.filter(pk=salon_id, is_active=True).first() if salon_id <= _LARGEST_ID else None
    if salon is None:
        raise SalonNotFound()
    found = {service.pk: service for service in Service.objects.filter(pk__in=service_ids, salon=salon)}
    if any(found.get(service_id) is None or not found[service_id].is_active for service_id in service_ids):
        raise ServiceNotFound()
    services = [found[service_id] for service_id in service_ids[:MAX_VISIT_ITEMS]]
    candidates = []
    for service, staff_id in zip(services, staff_ids, strict=True):
        qualified = qualified_staff_ids(salon_id=salon.pk, service_id=service.pk, staff_ids=None)
        if staff_id is not None:
            if staff_id not in qualified:
                raise StaffNotFound()
            qualified = [staff_id]
        candidates.append(qualified)
    now = now or timezone.now()
    record = _salon_record(salon)
    day_list = [start_date + timedelta(days=offset) for offset in range(days)]
    first = _free_slots(
        salon=record,
        service=services[0],
        days=day_list,
        staff_ids=candidates[0],
        policy=_Policy(record, now),
        now=now,
        exclude_booking_id=None,
        qualified_staff_ids=candidates[0],
    )
    later_staff = sorted({staff_id for ids in candidates[1:] for staff_id in ids})
    tz = record.tz
    schedule = Schedule(
        staff_ids=later_staff,
        first_day=day_list[0] - timedelta(days=1),
        last_day=day_list[-1] + timedelta(days=1),
        range_start=local_midnight(day_list[0] - timedelta(days=1), tz),
        range_end=local_midnight(day_list[-1] + timedelta(days=3), tz),
        now=now,
    )

    def free_over(staff_id: int, start: datetime, end: datetime) -> bool:
        day = start.astimezone(tz).date()
        start_ts, end_ts = start.timestamp(), end.timestamp()
        return any(
            free_start <= start_ts and end_ts <= free_end
            for local_day in (day - timedelta(days=1), day)
            for free_start, free_end in schedule.free_intervals(staff_id, local_day, tz)
        )

    def visit_slot(slot: Slot) -> VisitSlot | None:
        parts = plan_visit(services, slot.start)
        items = [VisitSlotItem(services[0].pk, slot.start, slot.end, slot.staff_ids)]
        for part, staff in zip(parts[1:], candidates[1:], strict=True):
            free = tuple(staff_id for staff_id in staff if free_over(staff_id, part.start, part.blocked_until))
            if not free:
                return None
            items.append(VisitSlotItem(part.service.pk, part.start.astimezone(tz), part.end.astimezone(tz), free))
        return VisitSlot(start=slot.start, end=items[-1].end, staff_ids=slot.staff_ids, items=tuple(items))

    result = {day: [visit for visit in map(visit_slot, slots) if visit is not None] for day, slots in first.items()}
    return VisitAvailability(salon=record, service=services[0], services=services, days=result)
