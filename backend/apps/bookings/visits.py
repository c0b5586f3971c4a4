"""Multi-service visits (ADR 0017): a booking holds one or more services in sequence, each with its
own stylist, back to back (an item starts where the one before is blocked until, its buffer
included). The booking row keeps the first item's service, stylist and start, the last item's end
and blocked time, and the sum of the prices; its items (`BookingItem`) hold each stylist's part.

This module plans a visit (`visit_services`, `plan_visit`), checks the items after the first under
the booking's locks (`later_items_free`: the first item is checked by the engine's `start_check`,
which also applies the booking policy to the visit's start), picks the stylists (`choose_staff`)
and writes the items (`write_items`, `move_items`). Used by the bookings writes only."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q

from apps.salons.models import Salon, Service

from .errors import ServiceNotFound, SlotUnavailable, VisitSalonsDiffer, VisitTooManyServices
from .models import BLOCKING_STATUSES, ITEM_STAFF_OVERLAP_CONSTRAINT, MAX_VISIT_ITEMS, Booking, BookingItem
from .working_time import staff_free_over


@dataclass(frozen=True)
class VisitItemRequest:
    """One service asked for, with its stylist when the customer chose one."""

    service_id: int
    staff_id: int | None = None


@dataclass(frozen=True)
class VisitPart:
    """One service of a planned visit at its time."""

    service: Service
    start: datetime
    end: datetime
    blocked_until: datetime


def check_item_count(count: int) -> None:
    if not 1 <= count <= MAX_VISIT_ITEMS:
        raise VisitTooManyServices()


def visit_services(first: Service, requested: Sequence[VisitItemRequest]) -> list[Service]:
    """The services asked for, in order; `first` is the first one, already read (one more query for
    the others). A service of another salon is refused; one that does not exist is not found."""
    others = {service.pk: service for service in Service.objects.filter(pk__in=[r.service_id for r in requested[1:]])}
    services = [first]
    for request in requested[1:]:
        service = first if request.service_id == first.pk else others.get(request.service_id)
        if service is None:
            raise ServiceNotFound()
        if service.salon_id != first.salon_id:
            raise VisitSalonsDiffer()
        services.append(service)
    return services


def plan_visit(services: Sequence[Service], start: datetime) -> list[VisitPart]:
    """The services back to back from `start`, each after the one before and its buffer."""
    parts = []
    at = start
    for service in services:
        end = at + service.duration
        blocked_until = end + service.buffer
        parts.append(VisitPart(service=service, start=at, end=end, blocked_until=blocked_until))
        at = blocked_until
    return parts


def later_items_free(
    *,
    salon: Salon,
    parts: Sequence[VisitPart],
    candidates: Sequence[list[int]],
    now: datetime,
    exclude_booking_id: int | None = None,
) -> list[tuple[int, ...]] | None:
    """Who among each item's candidates (after the first) is free over the item's time (working time,
    time off, other blocking bookings; the policy governs the visit's start only), or None when an
    item has nobody free."""
    free = []
    for part, staff_ids in zip(parts[1:], candidates[1:], strict=True):
        members = staff_free_over(
            salon=salon,
            service=part.service,
            staff_ids=staff_ids,
            start=part.start,
            end=part.blocked_until,
            now=now,
            exclude_booking_id=exclude_booking_id,
        )
        if not members:
            return None
        free.append(members)
    return free


def later_items_still_free(booking: Booking, *, now: datetime) -> bool:
    """A visit's services after the first are still free for their stylists (a payment confirming it late)."""
    if booking.item_count == 1:
        return True
    items = list(BookingItem.objects.select_related("service").filter(booking=booking).order_by("position"))
    parts = [VisitPart(item.service, item.start, item.end, item.blocked_until) for item in items]
    free = later_items_free(
        salon=booking.salon,
        parts=parts,
        candidates=[[item.staff_id] for item in items],
        now=now,
        exclude_booking_id=booking.pk,
    )
    return free is not None


def choose_staff(
    *, first: int, later_free: Sequence[tuple[int, ...]], requested: Sequence[int | None], least_busy: Callable
) -> list[int]:
    """The stylist of each item: the one asked for; else the previous item's stylist when free (the
    customer stays in one chair); else the least busy free one."""
    chosen = [first]
    for free, staff_id in zip(later_free, requested[1:], strict=True):
        if staff_id is None:
            staff_id = chosen[-1] if chosen[-1] in free else least_busy(list(free))
        chosen.append(staff_id)
    return chosen


def visit_staff_q(staff_ids: Sequence[int]) -> Q:
    """Bookings that hold time of one of these stylists: their own, or through an item of a visit."""
    return Q(staff_id__in=staff_ids) | Q(pk__in=BookingItem.objects.filter(staff_id__in=staff_ids).values("booking_id"))


def _insert_items(items: list[BookingItem]) -> None:
    try:
        with transaction.atomic():
            BookingItem.objects.bulk_create(items)
    except IntegrityError as exc:
        if ITEM_STAFF_OVERLAP_CONSTRAINT in str(exc) or ITEM_STAFF_OVERLAP_CONSTRAINT in str(exc.__cause__):
            raise SlotUnavailable() from exc
        raise


def write_items(booking: Booking, parts: Sequence[VisitPart], staff_ids: Sequence[int]) -> list[BookingItem]:
    """The visit's items for a booking just inserted (the database refuses a stylist's overlap)."""
    active = booking.status in BLOCKING_STATUSES
    items = [
        BookingItem(
            booking=booking,
            position=position,
            service=part.service,
            staff_id=staff_id,
            start=part.start,
            end=part.end,
            buffer_minutes=part.service.buffer_minutes,
            blocked_until=part.blocked_until,
            price_amount=part.service.price_amount,
            is_active=active,
        )
        for position, (part, staff_id) in enumerate(zip(parts, staff_ids, strict=True))
    ]
    _insert_items(items)
    return items


def move_items(booking: Booking, *, old_start: datetime) -> None:
    """After a reschedule: a one-item visit's item takes the booking's stylist and times; a longer
    visit's items move by the same amount as its start (each keeps its stylist and length)."""
    items = list(BookingItem.objects.select_for_update().filter(booking=booking).order_by("position"))
    if not items:
        return
    if len(items) == 1:
        item = items[0]
        item.staff_id, item.start, item.end = booking.staff_id, booking.start, booking.end
        item.buffer_minutes, item.blocked_until = booking.buffer_minutes, booking.blocked_until
    else:
        shift: timedelta = booking.start - old_start
        for item in items:
            item.start, item.end, item.blocked_until = item.start + shift, item.end + shift, item.blocked_until + shift
    # Free every item's old time first, so that a visit may move onto part of its own time.
    try:
        with transaction.atomic():
            BookingItem.objects.filter(booking=booking).update(is_active=False)
            BookingItem.objects.bulk_update(items, ["staff", "start", "end", "buffer_minutes", "blocked_until"])
            BookingItem.objects.filter(booking=booking).update(is_active=booking.status in BLOCKING_STATUSES)
    except IntegrityError as exc:
        if ITEM_STAFF_OVERLAP_CONSTRAINT in str(exc) or ITEM_STAFF_OVERLAP_CONSTRAINT in str(exc.__cause__):
            raise SlotUnavailable() from exc
        raise
