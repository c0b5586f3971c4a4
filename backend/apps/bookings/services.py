"""Every write to bookings and reviews: create, reschedule, confirm (by the salon or a payment), cancel,
complete, no-show, expire, review.

Double bookings are prevented in three layers: the services take a named lock per customer and
per stylist (always in that order, stylists by id) before checking and writing, so checks and
writes of competing requests never interleave; the checks themselves (the availability engine for
the stylist's time, an overlap query for the customer's) give the friendly error; and on PostgreSQL
two exclusion constraints make any overlap that slipped through fail the insert, which becomes the
same error.
"""

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone

from apps.accounts.phone import normalize_phone_number
from apps.core.exceptions import AppError
from apps.core.locks import lock_name
from apps.salons.models import Salon, Service, StaffMember

from .availability import SlotRefusal, start_check, start_policy_refusal
from .errors import (
    AlreadyReviewed,
    BeyondBookingHorizon,
    BookingNotFound,
    BusyTryAgain,
    CustomerOverlap,
    ErrorCode,
    LeadTimeNotMet,
    NotAllowed,
    PhoneNotVerified,
    ReasonRequired,
    SalonInactive,
    ServiceInactive,
    ServiceNotFound,
    SlotNotOnGrid,
    SlotUnavailable,
    StaffNotAvailableForService,
    StartInPast,
)
from .events import BookingChanged, BookingEventKind, booking_changed_publish
from .models import (
    CUSTOMER_OVERLAP_CONSTRAINT,
    STAFF_OVERLAP_CONSTRAINT,
    Booking,
    BookingEvent,
    BookingStatus,
    Review,
    blocking_q,
)
from .state import RULES, Action, Actor, actors_for, check_action
from .working_time import staff_free_over

User = get_user_model()

REFERENCE_PREFIX = "SLN-"
# No 0/O, 1/I/L: references are read aloud over the phone and typed from SMS.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 5
_REFERENCE_ATTEMPTS = 10
EXPIRY_BATCH_SIZE = 500


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


# --- Shared steps -----------------------------------------------------------------------------


@contextmanager
def _busy_as_503() -> Iterator[None]:
    """SQLite makes a writer wait up to its timeout; if it still finds the database locked, the
    client gets 503 `busy_try_again` rather than a 500."""
    try:
        yield
    except OperationalError as exc:
        if "database is locked" in str(exc):
            raise BusyTryAgain() from exc
        raise


def _violated_constraint(exc: IntegrityError) -> str:
    diag = getattr(exc.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) or str(exc)


def _save_or_conflict(booking: Booking, **save_kwargs) -> None:
    """Save inside a savepoint; an exclusion-constraint violation becomes the matching 409."""
    try:
        with transaction.atomic():
            booking.save(**save_kwargs)
    except IntegrityError as exc:
        violated = _violated_constraint(exc)
        if STAFF_OVERLAP_CONSTRAINT in violated:
            raise SlotUnavailable() from exc
        if CUSTOMER_OVERLAP_CONSTRAINT in violated:
            raise CustomerOverlap() from exc
        raise


def _insert_with_reference(booking: Booking) -> None:
    for attempt in range(_REFERENCE_ATTEMPTS):
        booking.reference = new_reference()
        try:
            _save_or_conflict(booking, force_insert=True)
            return
        except IntegrityError as exc:
            if "reference" not in _violated_constraint(exc) or attempt == _REFERENCE_ATTEMPTS - 1:
                raise


def _record(
    booking: Booking,
    *,
    event: BookingEventKind,
    actor,
    from_status: str,
    reason: str = "",
    data: dict | None = None,
) -> None:
    """Write the audit row and let the apps that react to bookings record their part, in this transaction."""
    actor_id = actor.pk if actor is not None else None
    BookingEvent.objects.create(
        booking=booking,
        actor_id=actor_id,
        from_status=from_status,
        to_status=booking.status,
        reason=reason,
        data=data or {},
    )
    booking_changed_publish(BookingChanged(booking_id=booking.pk, kind=event, actor_id=actor_id, data=data or {}))


def _lock_people(*, customer_id: int, staff_ids: list[int]) -> None:
    """Serialise competing writes for the same customer or stylists (always in this order)."""
    lock_name(f"booking-customer:{customer_id}")
    for staff_id in sorted(set(staff_ids)):
        lock_name(f"booking-staff:{staff_id}")


def _mark_expired(booking_ids: list[int]) -> int:
    """Expire the given pending bookings (already locked or serialised by the caller)."""
    expired = Booking.objects.filter(pk__in=booking_ids, status=BookingStatus.PENDING)
    expired_ids = list(expired.values_list("pk", flat=True))
    expired.update(status=BookingStatus.EXPIRED, updated_at=timezone.now())
    for booking in Booking.objects.filter(pk__in=expired_ids).order_by("pk"):
        _record(booking, event=BookingEventKind.EXPIRED, actor=None, from_status=BookingStatus.PENDING)
    return len(expired_ids)


def _expire_dead_holds(condition: Q, *, now: datetime) -> None:
    """Expire pending bookings matching `condition` whose hold ran out: the exclusion constraints
    still count them until their status changes."""
    dead = (
        Booking.objects.select_for_update()
        .filter(condition, status=BookingStatus.PENDING, hold_expires_at__lte=now)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    booking_ids = list(dead)
    if booking_ids:
        _mark_expired(booking_ids)


# The engine's refusals as the errors clients get.
_SLOT_ERRORS = {
    SlotRefusal.START_IN_PAST: StartInPast,
    SlotRefusal.LEAD_TIME_NOT_MET: LeadTimeNotMet,
    SlotRefusal.BEYOND_BOOKING_HORIZON: BeyondBookingHorizon,
    SlotRefusal.SLOT_NOT_ON_GRID: SlotNotOnGrid,
    SlotRefusal.SLOT_UNAVAILABLE: SlotUnavailable,
}


def _refuse(refusal: SlotRefusal | None) -> None:
    if refusal is not None:
        raise _SLOT_ERRORS[refusal]()


def _check_customer_free(*, customer_id: int, start: datetime, end: datetime, now: datetime, exclude_id=None) -> None:
    overlapping = Booking.objects.filter(blocking_q(now), customer_id=customer_id, start__lt=end, end__gt=start)
    if overlapping.exclude(pk=exclude_id).exists():
        raise CustomerOverlap()


def _is_salon_member(user, salon: Salon) -> bool:
    return (
        StaffMember.objects.filter(user=user, salon=salon, is_active=True).exists()
        or salon.managers.filter(pk=user.pk).exists()
    )


def _customer_for_phone(raw_phone: str, name: str):
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


def _qualified_staff_ids(service: Service, staff_id: int | None) -> list[int]:
    staff = StaffMember.objects.filter(salon_id=service.salon_id, is_active=True, services=service)
    if staff_id is not None:
        staff = staff.filter(pk=staff_id)
    staff_ids = sorted(staff.values_list("pk", flat=True))
    if not staff_ids:
        raise StaffNotAvailableForService() if staff_id is not None else SlotUnavailable()
    return staff_ids


def _least_busy(staff_ids: list[int], *, salon: Salon, start: datetime, now: datetime) -> int:
    """The free stylist with the fewest bookings on the local day, then the lowest id."""
    day = start.astimezone(salon.tz).date()
    day_start = datetime.combine(day, time.min, tzinfo=salon.tz)
    counts = dict(
        Booking.objects.filter(
            blocking_q(now), staff_id__in=staff_ids, start__gte=day_start, start__lt=day_start + timedelta(days=1)
        )
        .values("staff_id")
        .annotate(total=Count("pk"))
        .values_list("staff_id", "total")
    )
    return min(staff_ids, key=lambda staff_id: (counts.get(staff_id, 0), staff_id))


def _locked_booking(booking_id: int) -> Booking:
    booking = (
        Booking.objects.select_for_update(of=("self",))
        .select_related("salon", "service", "staff", "customer")
        .filter(pk=booking_id)
        .first()
    )
    if booking is None:
        raise BookingNotFound()
    return booking


def _actors(booking: Booking, user, *, as_admin: bool = False) -> frozenset[Actor]:
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


# --- Create -----------------------------------------------------------------------------------


@_busy_as_503()
def booking_create(
    *,
    actor,
    service_id: int,
    start: datetime,
    staff_id: int | None = None,
    note: str = "",
    customer_phone: str | None = None,
    customer_name: str = "",
    now: datetime | None = None,
) -> Booking:
    """Book `service` at `start` for the actor, or, when a salon member gives `customer_phone`,
    for that customer (found or created by phone). Without `staff_id` the least busy free
    qualified stylist is chosen."""
    now = now or timezone.now()
    service = Service.objects.select_related("salon").filter(pk=service_id).first()
    if service is None:
        raise ServiceNotFound()
    salon = service.salon
    if not salon.is_active:
        raise SalonInactive()
    if not service.is_active:
        raise ServiceInactive()
    on_behalf = customer_phone is not None
    if on_behalf and not _is_salon_member(actor, salon):
        raise NotAllowed()
    if not on_behalf and not actor.is_phone_verified:
        raise PhoneNotVerified()
    candidate_ids = _qualified_staff_ids(service, staff_id)
    # Lead time, horizon and grid refuse before anything is looked up or locked; the stylists' time
    # is checked under the locks, after the customer's.
    _refuse(start_policy_refusal(salon=salon, start=start, now=now))
    end = start + service.duration
    blocked_until = end + service.buffer

    with transaction.atomic():
        customer = _customer_for_phone(customer_phone, customer_name) if on_behalf else actor
        _lock_people(customer_id=customer.pk, staff_ids=candidate_ids)
        _expire_dead_holds(Q(staff_id__in=candidate_ids) | Q(customer_id=customer.pk), now=now)
        _check_customer_free(customer_id=customer.pk, start=start, end=end, now=now)
        check = start_check(salon=salon, service=service, staff_ids=candidate_ids, start=start, now=now)
        _refuse(check.refusal)
        if staff_id is None:
            staff_id = _least_busy(list(check.free_staff_ids), salon=salon, start=start, now=now)

        if on_behalf:
            status, hold_expires_at = BookingStatus.CONFIRMED, None
        elif salon.requires_prepayment:
            status, hold_expires_at = BookingStatus.PENDING, now + timedelta(minutes=salon.hold_minutes)
        else:
            status, hold_expires_at = BookingStatus.PENDING, None
        booking = Booking(
            customer=customer,
            salon=salon,
            service=service,
            staff_id=staff_id,
            start=start,
            end=end,
            buffer_minutes=service.buffer_minutes,
            blocked_until=blocked_until,
            price_amount=service.price_amount,
            currency=service.currency,
            status=status,
            note=note,
            hold_expires_at=hold_expires_at,
            created_by=actor,
        )
        _insert_with_reference(booking)
        _record(booking, event=BookingEventKind.CREATED, actor=actor, from_status="")
    return booking


# --- Reschedule -------------------------------------------------------------------------------


@_busy_as_503()
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
    with transaction.atomic():
        _lock_people(customer_id=people["customer_id"], staff_ids=[people["staff_id"], new_staff_id])
        booking = _locked_booking(booking_id)
        acting_as = check_action(booking, Action.RESCHEDULE, _actors(booking, actor, as_admin=as_admin), now)
        old_start, old_staff_id = booking.start, booking.staff_id
        restaff = new_staff_id != old_staff_id
        if restaff:
            if acting_as not in (Actor.SALON, Actor.ADMIN):
                raise NotAllowed()
            _qualified_staff_ids(booking.service, new_staff_id)
        keeps_time = restaff and start == old_start
        service = booking.service
        if keeps_time:
            end, blocked_until = booking.end, booking.blocked_until
        else:
            _refuse(start_policy_refusal(salon=booking.salon, start=start, now=now))
            end = start + service.duration
            blocked_until = end + service.buffer
        _expire_dead_holds(Q(staff_id__in=[old_staff_id, new_staff_id]) | Q(customer_id=booking.customer_id), now=now)
        _check_customer_free(customer_id=booking.customer_id, start=start, end=end, now=now, exclude_id=booking.pk)
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
            _refuse(check.refusal)
            booking.buffer_minutes = service.buffer_minutes

        booking.staff_id = new_staff_id
        booking.start = start
        booking.end = end
        booking.blocked_until = blocked_until
        _save_or_conflict(
            booking, update_fields=["staff", "start", "end", "buffer_minutes", "blocked_until", "updated_at"]
        )
        data = {
            "old_start": old_start.astimezone(booking.salon.tz).isoformat(),
            "new_start": start.astimezone(booking.salon.tz).isoformat(),
        }
        if restaff:
            data.update(old_staff_id=old_staff_id, new_staff_id=new_staff_id)
        _record(booking, event=BookingEventKind.RESCHEDULED, actor=actor, from_status=booking.status, data=data)
    return booking


# --- Status changes ---------------------------------------------------------------------------


@_busy_as_503()
def _change_status(*, booking_id: int, actor, action: Action, event: BookingEventKind, now: datetime | None) -> Booking:
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked_booking(booking_id)
        check_action(booking, action, _actors(booking, actor), now)
        from_status = booking.status
        booking.status = RULES[action].to_status
        booking.save(update_fields=["status", "updated_at"])
        _record(booking, event=event, actor=actor, from_status=from_status)
    return booking


def booking_confirm(*, booking_id: int, actor, now: datetime | None = None) -> Booking:
    """The salon confirms a pending booking (only where prepayment is not required).
    `actor=None` is the system (a successful payment)."""
    return _change_status(
        booking_id=booking_id, actor=actor, action=Action.CONFIRM, event=BookingEventKind.CONFIRMED, now=now
    )


def booking_lock(*, booking_id: int) -> Booking:
    """Take the locks every write to this booking takes, in the bookings order (customer, stylist,
    then the row), for another app that must hold the booking still while it writes its own rows
    (payments lock their rows after it). Call inside `transaction.atomic()`."""
    people = Booking.objects.filter(pk=booking_id).values("customer_id", "staff_id").first()
    if people is None:
        raise BookingNotFound()
    _lock_people(customer_id=people["customer_id"], staff_ids=[people["staff_id"]])
    return _locked_booking(booking_id)


@_busy_as_503()
def booking_confirm_paid(*, booking_id: int, now: datetime | None = None) -> Booking:
    """A successful payment confirms the booking as the system, also when its hold has run out
    (pending or expired) as long as its time is still free; already confirmed is a no-op (replays).
    Raises `SlotUnavailable`/`CustomerOverlap` when the time was taken or has passed (the payment
    is then refunded) and `InvalidTransition` for a booking in any other status."""
    with transaction.atomic():
        return booking_confirm_paid_locked(booking=booking_lock(booking_id=booking_id), now=now)


def booking_confirm_paid_locked(*, booking: Booking, now: datetime | None = None) -> Booking:
    """`booking_confirm_paid` for a caller that already holds the booking's locks (`booking_lock`)
    in its own transaction, so that they are taken once (a payment settling its booking)."""
    now = now or timezone.now()
    with transaction.atomic():
        if booking.status == BookingStatus.CONFIRMED:
            return booking
        check_action(booking, Action.CONFIRM_PAID, frozenset({Actor.SYSTEM}), now)
        if booking.start <= now:
            raise SlotUnavailable()
        others = Q(staff_id=booking.staff_id) | Q(customer_id=booking.customer_id)
        _expire_dead_holds(others & ~Q(pk=booking.pk), now=now)
        _check_customer_free(
            customer_id=booking.customer_id, start=booking.start, end=booking.end, now=now, exclude_id=booking.pk
        )
        # Hours, time off and the grid as the booking was made: lead time and horizon govern making
        # a booking, not a payment that arrives late. Other bookings block as they do now (their dead
        # holds were expired above).
        check = start_check(
            salon=booking.salon,
            service=booking.service,
            staff_ids=[booking.staff_id],
            start=booking.start,
            now=now,
            policy_now=booking.created_at,
            exclude_booking_id=booking.pk,
        )
        if check.refusal is not None:
            raise SlotUnavailable()
        from_status = booking.status
        booking.status = BookingStatus.CONFIRMED
        try:
            _save_or_conflict(booking, update_fields=["status", "updated_at"])
        except AppError:
            booking.status = from_status  # the caller keeps using this instance
            raise
        _record(booking, event=BookingEventKind.CONFIRMED, actor=None, from_status=from_status)
    return booking


def booking_complete(*, booking_id: int, actor, now: datetime | None = None) -> Booking:
    """The salon marks a confirmed booking done, once it has started."""
    return _change_status(
        booking_id=booking_id, actor=actor, action=Action.COMPLETE, event=BookingEventKind.COMPLETED, now=now
    )


def booking_mark_no_show(*, booking_id: int, actor, now: datetime | None = None) -> Booking:
    """The salon records that the customer did not come, once the booking has started."""
    return _change_status(
        booking_id=booking_id, actor=actor, action=Action.NO_SHOW, event=BookingEventKind.NO_SHOW, now=now
    )


@_busy_as_503()
def booking_cancel(
    *, booking_id: int, actor, reason: str = "", as_admin: bool = False, now: datetime | None = None
) -> Booking:
    """Cancel a pending or confirmed booking. The customer may until the salon's cancellation window;
    the salon (and an administrator, `as_admin`) at any time, with a reason. `actor=None` is the system."""
    now = now or timezone.now()
    reason = reason.strip()
    with transaction.atomic():
        booking = _locked_booking(booking_id)
        acting_as = check_action(booking, Action.CANCEL, _actors(booking, actor, as_admin=as_admin), now)
        if acting_as in (Actor.SALON, Actor.ADMIN) and not reason:
            raise ReasonRequired()
        from_status = booking.status
        booking.status = RULES[Action.CANCEL].to_status
        booking.cancelled_by = actor
        booking.cancelled_by_role = acting_as.value
        booking.cancellation_reason = reason
        booking.cancelled_at = now
        booking.save(
            update_fields=[
                "status",
                "cancelled_by",
                "cancelled_by_role",
                "cancellation_reason",
                "cancelled_at",
                "updated_at",
            ]
        )
        _record(booking, event=BookingEventKind.CANCELLED, actor=actor, from_status=from_status, reason=reason)
    return booking


@_busy_as_503()
def booking_expire_holds(*, now: datetime | None = None, batch_size: int = EXPIRY_BATCH_SIZE) -> int:
    """Expire every pending booking whose hold has run out; returns how many. Safe to run on several
    servers at once: each batch locks its rows and skips rows another run holds."""
    now = now or timezone.now()
    total = 0
    while True:
        with transaction.atomic():
            batch = list(
                Booking.objects.select_for_update(skip_locked=True)
                .filter(status=BookingStatus.PENDING, hold_expires_at__lte=now)
                .order_by("pk")
                .values_list("pk", flat=True)[:batch_size]
            )
            if batch:
                total += _mark_expired(batch)
        if len(batch) < batch_size:
            return total


# --- Reviews ----------------------------------------------------------------------------------


@_busy_as_503()
def review_create(*, booking_id: int, actor, rating: int, comment: str = "", now: datetime | None = None) -> Review:
    """The customer reviews a completed booking once; the salon's rating is recomputed in the same
    transaction, under a lock on the salon row."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = _locked_booking(booking_id)
        check_action(booking, Action.REVIEW, _actors(booking, actor), now)
        salon = Salon.objects.select_for_update().get(pk=booking.salon_id)
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    booking=booking, salon=salon, customer=booking.customer, rating=rating, comment=comment.strip()
                )
        except IntegrityError as exc:
            raise AlreadyReviewed() from exc
        salon_rating_recompute(salon=salon)
    return review


def salon_rating_recompute(*, salon: Salon) -> None:
    """Set the salon's denormalised rating average and count from its reviews (call it with the salon locked)."""
    stats = Review.objects.filter(salon=salon).aggregate(average=Avg("rating"), count=Count("pk"))
    salon.rating_average = Decimal(str(stats["average"] or 0)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    salon.rating_count = stats["count"]
    salon.save(update_fields=["rating_average", "rating_count", "updated_at"])
