"""Moving a booking: to another time, and for the salon to another stylist. One transaction; when
the new time or stylist is not free, nothing changes. A visit of several services moves as a whole:
each item keeps its stylist and length and is checked at its new time (ADR 0017)."""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ._steps import (
    busy_as_503,
    caller_actors,
    check_customer_free,
    expire_dead_holds,
    lock_people,
    locked_booking,
    qualified_staff_ids,
    record,
    refuse,
    save_or_conflict,
)
from .availability import start_check, start_policy_refusal
from .availability_changes import availability_batch
from .errors import BookingNotFound, NotAllowed, SlotUnavailable, VisitStaffChangeNotSupported
from .events import BookingEventKind
from .models import Booking, BookingItem
from .state import Action, Actor, check_action
from .visits import VisitPart, later_items_free, move_items, visit_staff_q
from .working_time import staff_free_over


@busy_as_503()
def booking_reschedule(
    *,
    booking_id: int,
    actor,
    start: datetime,
    staff_id: int | None = None,
    as_admin: bool = False,
    now: datetime | None = None,
) -> Booking:
    """Move the booking to `start`, keeping its status; when the new time is not free, nothing changes.

    The salon (and an administrator, `as_admin`) may also give it to another active stylist of the
    salon who offers its service (`staff_id`); a customer asking for another stylist is refused
    (`not_allowed`). At a new time the engine checks the start as for any booking. At the booking's
    own time only the new stylist's time is checked (`working_time.staff_free_over`): the booking
    policy (lead time, horizon, grid) governs choosing a time, not keeping one, and the booking keeps
    its end and buffer."""
    now = now or timezone.now()
    people = Booking.objects.filter(pk=booking_id).values("customer_id", "staff_id").first()
    if people is None:
        raise BookingNotFound()
    new_staff_id = staff_id if staff_id is not None else people["staff_id"]
    with transaction.atomic(), availability_batch():
        item_staff = BookingItem.objects.filter(booking_id=booking_id).values_list("staff_id", flat=True)
        lock_people(customer_id=people["customer_id"], staff_ids=[people["staff_id"], new_staff_id, *item_staff])
        booking = locked_booking(booking_id)
        acting_as = check_action(booking, Action.RESCHEDULE, caller_actors(booking, actor, as_admin=as_admin), now)
        old_start, old_staff_id = booking.start, booking.staff_id
        restaff = new_staff_id != old_staff_id
        items = list(BookingItem.objects.select_related("service").filter(booking=booking).order_by("position"))
        if restaff:
            if acting_as not in (Actor.SALON, Actor.ADMIN):
                raise NotAllowed()
            if len(items) > 1:
                raise VisitStaffChangeNotSupported()
            qualified_staff_ids(booking.service, new_staff_id)
        keeps_time = restaff and start == old_start
        service = booking.service
        if keeps_time:
            end, blocked_until = booking.end, booking.blocked_until
        else:
            refuse(start_policy_refusal(salon=booking.salon, start=start, now=now))
            end = start + service.duration
            blocked_until = end + service.buffer
        if len(items) > 1:  # a visit keeps its items' lengths: it moves as a whole
            shift = start - old_start
            parts = [
                VisitPart(item.service, item.start + shift, item.end + shift, item.blocked_until + shift)
                for item in items
            ]
            end, blocked_until = parts[-1].end, parts[-1].blocked_until
        staff_ids = sorted({old_staff_id, new_staff_id, *(item.staff_id for item in items)})
        expire_dead_holds(visit_staff_q(staff_ids) | Q(customer_id=booking.customer_id), now=now)
        check_customer_free(customer_id=booking.customer_id, start=start, end=end, now=now, exclude_id=booking.pk)
        if keeps_time:
            free = staff_free_over(
                salon=booking.salon,
                service=service,
                staff_ids=[new_staff_id],
                start=start,
                end=blocked_until,
                now=now,
                exclude_booking_id=booking.pk,
            )
            if not free:
                raise SlotUnavailable()
        else:
            check = start_check(
                salon=booking.salon,
                service=service,
                staff_ids=[new_staff_id],
                start=start,
                now=now,
                exclude_booking_id=booking.pk,
            )
            refuse(check.refusal)
            if len(items) > 1:
                free = later_items_free(
                    salon=booking.salon,
                    parts=parts,
                    candidates=[[item.staff_id] for item in items],
                    now=now,
                    exclude_booking_id=booking.pk,
                )
                if free is None:
                    raise SlotUnavailable()
            else:
                booking.buffer_minutes = service.buffer_minutes

        booking.staff_id = new_staff_id
        booking.start = start
        booking.end = end
        booking.blocked_until = blocked_until
        save_or_conflict(
            booking, update_fields=["staff", "start", "end", "buffer_minutes", "blocked_until", "updated_at"]
        )
        move_items(booking, old_start=old_start)
        data = {
            "old_start": old_start.astimezone(booking.salon.tz).isoformat(),
            "new_start": start.astimezone(booking.salon.tz).isoformat(),
        }
        if restaff:
            data.update(old_staff_id=old_staff_id, new_staff_id=new_staff_id)
        record(booking, event=BookingEventKind.RESCHEDULED, actor=actor, from_status=booking.status, data=data)
    return booking
