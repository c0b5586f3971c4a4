"""Moving a booking: to another time, and for the salon to another stylist. One transaction; when
the new time or stylist is not free, nothing changes."""

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
from .errors import BookingNotFound, NotAllowed, SlotUnavailable
from .events import BookingEventKind
from .models import Booking
from .state import Action, Actor, check_action
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
        lock_people(customer_id=people["customer_id"], staff_ids=[people["staff_id"], new_staff_id])
        booking = locked_booking(booking_id)
        acting_as = check_action(booking, Action.RESCHEDULE, caller_actors(booking, actor, as_admin=as_admin), now)
        old_start, old_staff_id = booking.start, booking.staff_id
        restaff = new_staff_id != old_staff_id
        if restaff:
            if acting_as not in (Actor.SALON, Actor.ADMIN):
                raise NotAllowed()
            qualified_staff_ids(booking.service, new_staff_id)
        keeps_time = restaff and start == old_start
        service = booking.service
        if keeps_time:
            end, blocked_until = booking.end, booking.blocked_until
        else:
            refuse(start_policy_refusal(salon=booking.salon, start=start, now=now))
            end = start + service.duration
            blocked_until = end + service.buffer
        expire_dead_holds(Q(staff_id__in=[old_staff_id, new_staff_id]) | Q(customer_id=booking.customer_id), now=now)
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
            booking.buffer_minutes = service.buffer_minutes

        booking.staff_id = new_staff_id
        booking.start = start
        booking.end = end
        booking.blocked_until = blocked_until
        save_or_conflict(
            booking, update_fields=["staff", "start", "end", "buffer_minutes", "blocked_until", "updated_at"]
        )
        data = {
            "old_start": old_start.astimezone(booking.salon.tz).isoformat(),
            "new_start": start.astimezone(booking.salon.tz).isoformat(),
        }
        if restaff:
            data.update(old_staff_id=old_staff_id, new_staff_id=new_staff_id)
        record(booking, event=BookingEventKind.RESCHEDULED, actor=actor, from_status=booking.status, data=data)
    return booking
