"""The steps the bookings writes share (`services.py`, `reviews.py`): the named locks, the caller's
capacities on a booking, the customer a salon books for, the engine's refusals as errors, the
customer's overlap check, saving against the exclusion constraints, the audit row with its event, and
expiring dead holds. Nothing outside those writes imports it."""

import math
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from apps.accounts.phone import normalize_phone_number
from apps.core.exceptions import AppError
from apps.core.locks import lock_name, lock_names_in_order
from apps.salons.models import Salon, Service, StaffMember

from .availability import SlotRefusal
from .availability_changes import availability_changed
from .errors import (
    BeyondBookingHorizon,
    BookingNotFound,
    BusyTryAgain,
    CustomerOverlap,
    ErrorCode,
    LeadTimeNotMet,
    NotAllowed,
    OnBehalfLimitPhone,
    OnBehalfLimitStaff,
    SlotNotOnGrid,
    SlotUnavailable,
    StaffNotAvailableForService,
    StartInPast,
    UpcomingBookingsLimitSalon,
    UpcomingBookingsLimitTotal,
)
from .events import BookingChanged, BookingEventKind, booking_changed_publish
from .models import (
    CUSTOMER_OVERLAP_CONSTRAINT,
    ITEM_STAFF_OVERLAP_CONSTRAINT,
    STAFF_OVERLAP_CONSTRAINT,
    Booking,
    BookingEvent,
    BookingStatus,
    blocking_q,
)
from .state import Actor, actors_for

User = get_user_model()


@contextmanager
def busy_as_503() -> Iterator[None]:
    """SQLite makes a writer wait up to its timeout; if it still finds the database locked, the
    client gets 503 `busy_try_again` rather than a 500."""
    try:
        yield
    except OperationalError as exc:
        if "database is locked" in str(exc):
            raise BusyTryAgain() from exc
        raise


def violated_constraint(exc: IntegrityError) -> str:
    diag = getattr(exc.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) or str(exc)


def save_or_conflict(booking: Booking, **save_kwargs) -> None:
    """Save inside a savepoint; an exclusion-constraint violation becomes the matching 409."""
    try:
        with transaction.atomic():
            booking.save(**save_kwargs)
    except IntegrityError as exc:
        violated = violated_constraint(exc)
        if STAFF_OVERLAP_CONSTRAINT in violated or ITEM_STAFF_OVERLAP_CONSTRAINT in violated:
            raise SlotUnavailable() from exc
        if CUSTOMER_OVERLAP_CONSTRAINT in violated:
            raise CustomerOverlap() from exc
        raise


def record(
    booking: Booking,
    *,
    event: BookingEventKind,
    actor,
    from_status: str,
    reason: str = "",
    data: dict | None = None,
    availability: bool = True,
) -> None:
    """Write the audit row and let the apps that react to bookings record their part, in this transaction;
    then tell the availability summary the booking's days changed (unless `availability` is False: the
    caller tells it once for a batch)."""
    actor_id = actor.pk if actor is not None else None
    BookingEvent.objects.create(
        booking=booking,
        actor_id=actor_id,
        from_status=from_status,
        to_status=booking.status,
        reason=reason,
        data=data or {},
    )
    booking_changed_publish(
        BookingChanged(
            booking_id=booking.pk,
            kind=event,
            actor_id=actor_id,
            data=data or {},
            customer_id=booking.customer_id,
            booking=booking,
        )
    )
    if availability:
        availability_changed(
            salon_id=booking.salon_id,
            times=booking_times([booking], data),
            bookings_only=True,
            salon=booking.salon if Booking.salon.is_cached(booking) else None,
        )


def booking_times(bookings, data: dict | None = None) -> list[tuple[datetime, datetime]]:
    """The busy time of `bookings` and, for a reschedule (`data` with `old_start`), of the day it left."""
    times = [(booking.start, booking.blocked_until) for booking in bookings]
    if data and data.get("old_start"):
        old_start = datetime.fromisoformat(data["old_start"])
        times.append((old_start, old_start + timedelta(days=1)))
    return times


def lock_people(*, customer_id: int, staff_ids: list[int]) -> None:
    """Serialise competing writes for the same customer or stylists (always in this order: the
    customer, then the stylists by id; one statement)."""
    lock_names_in_order(
        [f"booking-customer:{customer_id}", *(f"booking-staff:{staff_id}" for staff_id in sorted(set(staff_ids)))]
    )


def mark_expired(booking_ids: list[int], *, data: dict | None = None) -> int:
    """Expire the given pending bookings (already locked or serialised by the caller); `data` goes
    with each event (why it expired, when not a dead hold)."""
    expired = Booking.objects.filter(pk__in=booking_ids, status=BookingStatus.PENDING)
    expired_ids = list(expired.values_list("pk", flat=True))
    expired.update(status=BookingStatus.EXPIRED, updated_at=timezone.now())
    bookings = list(Booking.objects.filter(pk__in=expired_ids).order_by("pk"))
    for booking in bookings:
        record(
            booking,
            event=BookingEventKind.EXPIRED,
            actor=None,
            from_status=BookingStatus.PENDING,
            data=data,
            availability=False,
        )
    bookings_changed_availability(bookings)
    return len(expired_ids)


def bookings_changed_availability(bookings: list[Booking]) -> None:
    """Tell the availability summary, once per salon (by id), that these bookings' days changed."""
    by_salon: dict[int, list[Booking]] = defaultdict(list)
    for booking in bookings:
        by_salon[booking.salon_id].append(booking)
    for salon_id in sorted(by_salon):
        availability_changed(salon_id=salon_id, times=booking_times(by_salon[salon_id]), bookings_only=True)


def expire_dead_holds(condition: Q, *, now: datetime) -> int:
    """Expire pending bookings matching `condition` whose hold ran out (the exclusion constraints
    still count them until their status changes); how many."""
    dead = (
        Booking.objects.select_for_update()
        .filter(condition, status=BookingStatus.PENDING, hold_expires_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    booking_ids = list(dead)
    return mark_expired(booking_ids) if booking_ids else 0


# The engine's refusals as the errors clients get.
_SLOT_ERRORS = {
    SlotRefusal.START_IN_PAST: StartInPast,
    SlotRefusal.LEAD_TIME_NOT_MET: LeadTimeNotMet,
    SlotRefusal.BEYOND_BOOKING_HORIZON: BeyondBookingHorizon,
    SlotRefusal.SLOT_NOT_ON_GRID: SlotNotOnGrid,
    SlotRefusal.SLOT_UNAVAILABLE: SlotUnavailable,
}


def refuse(refusal: SlotRefusal | None) -> None:
    if refusal is not None:
        raise _SLOT_ERRORS[refusal]()


def check_customer_free(*, customer_id: int, start: datetime, end: datetime, now: datetime, exclude_id=None) -> None:
    overlapping = Booking.objects.filter(blocking_q(now), customer_id=customer_id, start__lt=end, end__gt=start)
    if overlapping.exclude(pk=exclude_id).exists():
        raise CustomerOverlap()


def check_customer_can_book(
    *, customer_id: int, salon_id: int, start: datetime, end: datetime, now: datetime, caps: bool
) -> None:
    """In one query, first (with `caps`, for a customer booking online) the caps: at most
    BOOKING_MAX_UPCOMING_PER_SALON upcoming bookings (awaiting confirmation, an unpaid hold still
    live, or confirmed) at one salon and BOOKING_MAX_UPCOMING_TOTAL in all; then that the customer
    has no booking overlapping [start, end) (`check_customer_free`). Call under the customer's lock
    (`lock_people`), so concurrent requests are counted in turn."""
    overlapping = Q(start__lt=end, end__gt=start)
    upcoming = Q(start__gt=now)
    counts = (
        Booking.objects.filter(blocking_q(now), customer_id=customer_id)
        .filter(upcoming | overlapping)
        .aggregate(
            overlapping=Count("pk", filter=overlapping),
            at_salon=Count("pk", filter=upcoming & Q(salon_id=salon_id)),
            total=Count("pk", filter=upcoming),
        )
    )
    if caps:
        _refuse_past_caps(at_salon=counts["at_salon"], total=counts["total"])
    if counts["overlapping"]:
        raise CustomerOverlap()


def _refuse_past_caps(*, at_salon: int, total: int) -> None:
    if at_salon >= settings.BOOKING_MAX_UPCOMING_PER_SALON:
        raise UpcomingBookingsLimitSalon()
    if total >= settings.BOOKING_MAX_UPCOMING_TOTAL:
        raise UpcomingBookingsLimitTotal()


def _wait_until_below(created: QuerySet, *, limit: int, window: timedelta, now: datetime) -> int:
    """Whole seconds until fewer than `limit` of `created` (booking creation times) fall in the window; 0 if so."""
    recent = list(created.filter(created_at__gt=now - window).order_by("-created_at")[:limit])
    if len(recent) < limit:
        return 0
    return max(1, math.ceil((recent[-1] + window - now).total_seconds()))


def check_on_behalf_limits(*, actor, customer) -> None:
    """A salon member books for customers by phone at most BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR times an
    hour, and one number gets at most BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY such bookings a day (from any
    salon): each creates an account or sends a message, so neither may be pumped. Counted in the database
    on the real clock, under the actor's and the customer's locks (`lock_on_behalf`, `lock_people`)."""
    real_now = timezone.now()
    on_behalf = Booking.objects.exclude(created_by_id=F("customer_id")).values_list("created_at", flat=True)
    wait = _wait_until_below(
        on_behalf.filter(created_by=actor),
        limit=settings.BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR,
        window=timedelta(hours=1),
        now=real_now,
    )
    if wait:
        raise OnBehalfLimitStaff(wait)
    wait = _wait_until_below(
        on_behalf.filter(customer=customer),
        limit=settings.BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY,
        window=timedelta(days=1),
        now=real_now,
    )
    if wait:
        raise OnBehalfLimitPhone(wait)


def lock_on_behalf(*, actor_id: int) -> None:
    """Serialise a salon member's bookings for customers (taken before `lock_people`)."""
    lock_name(f"booking-on-behalf:{actor_id}")


def is_salon_member(user, salon: Salon) -> bool:
    return (
        StaffMember.objects.filter(user=user, salon=salon, is_active=True).exists()
        or salon.managers.filter(pk=user.pk).exists()
    )


def customer_for_phone(raw_phone: str, name: str):
    """The customer account with this phone number, created when the salon books a newcomer."""
    try:
        phone_number = normalize_phone_number(raw_phone)
    except ValidationError as exc:
        raise AppError(exc.messages[0], code=ErrorCode.INVALID_PHONE, errors={"customer_phone": exc.messages}) from None
    customer = User.objects.filter(phone_number=phone_number).first()
    if customer is None:
        try:
            with transaction.atomic():
                customer = User.objects.create_user(phone_number, first_name=name)
        except IntegrityError:  # created by a concurrent request
            customer = User.objects.get(phone_number=phone_number)
    elif name and not customer.first_name:
        customer.first_name = name
        customer.save(update_fields=["first_name"])
    return customer


def locked_booking(booking_id: int) -> Booking:
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("salon", "service", "staff", "customer")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        raise BookingNotFound()
    return booking


def caller_actors(booking: Booking, user, *, as_admin: bool = False) -> frozenset[Actor]:
    """The capacities of `user` on the booking; none means the booking is hidden from them (404)."""
    if user is None:
        return frozenset({Actor.SYSTEM})
    if as_admin:
        if not (user.is_active and user.is_staff):
            raise NotAllowed()
        return frozenset({Actor.ADMIN})
    managed = {booking.salon_id} if booking.salon.managers.filter(pk=user.pk).exists() else set()
    actors = actors_for(booking, user, managed_salon_ids=managed)
    if not actors:
        raise BookingNotFound()
    return actors


def qualified_staff_ids(service: Service, staff_id: int | None) -> list[int]:
    staff = StaffMember.objects.filter(salon_id=service.salon_id, is_active=True, services=service)
    if staff_id is not None:
        staff = staff.filter(pk=staff_id)
    staff_ids = sorted(staff.values_list("pk", flat=True))
    if not staff_ids:
        raise StaffNotAvailableForService() if staff_id is not None else SlotUnavailable()
    return staff_ids
