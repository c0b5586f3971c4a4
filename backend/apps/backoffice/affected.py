"""Bookings a change to the team or to working time would leave without their stylist, and what the
manager chose to do with them: nothing (409 `bookings_affected`, nothing changes), cancel them, or
give them to another stylist. Everything runs inside the caller's transaction, through the bookings
services (state machine, notifications, refunds), so one failure undoes the whole change. Each booking changed is in the audit log through the back office's
booking reactor (`personal_data.booking_changed_on_behalf_audit`).

Locks: a change to a stylist's working time takes the named lock bookings take per stylist
(`booking-staff:<id>`) before it reads the bookings, so a booking made meanwhile either committed
before (and is seen) or waits and is then checked against the new hours. Giving bookings to another
stylist also moves them through `booking_reschedule`, which takes the customer's lock then the
stylists'; the customers are locked here first, in the same order, so that the two never wait on
each other in opposite orders.
"""

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TypeVar

from django.utils.translation import gettext as _

from apps.bookings.availability_changes import availability_batch
from apps.bookings.models import Booking, blocking_q
from apps.bookings.services import booking_cancel, booking_reschedule
from apps.bookings.working_time import bookings_outside_working_time
from apps.core.exceptions import AppError
from apps.core.locks import lock_names_in_order
from apps.salons.models import Salon, StaffMember

from .errors import BookingsAffected

T = TypeVar("T")


def default_reason() -> str:
    return _("The stylist is not available at this time.")


def lock_people(*, staff_ids: Iterable[int], customer_ids: Iterable[int] = ()) -> None:
    """The named locks of `apps.bookings.services`, in its order: customers, then stylists, each by id."""
    lock_names_in_order(
        [
            *(f"booking-customer:{customer_id}" for customer_id in sorted(set(customer_ids))),
            *(f"booking-staff:{staff_id}" for staff_id in sorted(set(staff_ids))),
        ]
    )


def affected_item(booking: Booking, salon: Salon) -> dict:
    tz = salon.tz
    return {
        "id": booking.pk,
        "reference": booking.reference,
        "start": booking.start.astimezone(tz).isoformat(),
        "end": booking.end.astimezone(tz).isoformat(),
        "service_name": booking.service.name,
        "customer_first_name": booking.customer.first_name,
        "staff_id": booking.staff_id,
        "status": booking.status,
    }


def upcoming_bookings(*, staff_id: int, now: datetime) -> list[Booking]:
    """The stylist's blocking bookings starting after `now`, by start."""
    return list(
        Booking.objects.filter(blocking_q(now), staff_id=staff_id, start__gt=now)
        .select_related("service", "customer")
        .order_by("start", "pk")
    )


def _as_admin(actor, salon: Salon) -> bool:
    """A platform admin who does not manage the salon acts on its bookings as an administrator."""
    return not salon.managers.filter(pk=actor.pk).exists()


def settle(*, actor, salon: Salon, bookings: list[Booking], cancel: bool, reason: str, now: datetime) -> list[Booking]:
    """Refuse the change (`BookingsAffected`) when bookings are affected and `cancel` is not given;
    otherwise cancel each as the salon with `reason` (the customer is told, a paid one refunded)."""
    if not bookings:
        return []
    if not cancel:
        raise BookingsAffected([affected_item(booking, salon) for booking in bookings])
    as_admin = _as_admin(actor, salon)
    cancelled = []
    for booking in bookings:
        cancelled.append(
            booking_cancel(
                booking_id=booking.pk, actor=actor, reason=reason or default_reason(), as_admin=as_admin, now=now
            )
        )
    return cancelled


def working_time_change(
    *, actor, salon: Salon, staff: StaffMember, change: Callable[[], T], cancel: bool, reason: str, now: datetime
) -> T:
    """Make `change` (a write to the stylist's hours, time off or special hours) and settle the
    bookings it leaves outside working time that were inside before. Call inside a transaction."""
    lock_people(staff_ids=[staff.pk])
    before = {booking.pk for booking in bookings_outside_working_time(staff_id=staff.pk, tz=salon.tz, now=now)}
    with availability_batch():  # one refresh of the salon's availability for the change and its cancellations
        result = change()
        orphaned = [
            booking
            for booking in bookings_outside_working_time(staff_id=staff.pk, tz=salon.tz, now=now)
            if booking.pk not in before
        ]
        settle(actor=actor, salon=salon, bookings=orphaned, cancel=cancel, reason=reason, now=now)
    return result


def reassign(*, actor, salon: Salon, staff: StaffMember, target: StaffMember, now: datetime) -> list[Booking]:
    """Give every upcoming booking of `staff` to `target` at its own time, through the bookings'
    reschedule. When one cannot be moved (the target is busy or away then, or does not offer the
    service) nothing is moved: `BookingsAffected` lists those. Call inside a transaction."""
    customers = {booking.customer_id for booking in upcoming_bookings(staff_id=staff.pk, now=now)}
    lock_people(staff_ids=[staff.pk, target.pk], customer_ids=customers)
    bookings = upcoming_bookings(staff_id=staff.pk, now=now)
    # A booking made between the first read and the locks: its customer is locked now, out of order
    # (rare, and at worst the database reports a deadlock and one of the two requests fails).
    lock_people(staff_ids=[], customer_ids={booking.customer_id for booking in bookings} - customers)
    as_admin = _as_admin(actor, salon)
    failed = []
    for booking in bookings:
        try:
            booking_reschedule(
                booking_id=booking.pk, actor=actor, start=booking.start, staff_id=target.pk, as_admin=as_admin, now=now
            )
        except AppError:
            failed.append(booking)
    if failed:
        raise BookingsAffected(
            [affected_item(booking, salon) for booking in failed],
            message=_(
                "These bookings could not be given to the other stylist (busy, away or not offering the "
                "service then). Nothing was changed."
            ),
        )
    return bookings
