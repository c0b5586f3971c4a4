"""Every write to bookings: create, reschedule, confirm (by the salon or a payment), cancel, complete,
no-show, expire. Reviews are written by `reviews.py` (`review_create` and `salon_rating_recompute` are
importable from here too); the steps both share are in `_steps.py`.

Double bookings are prevented in three layers: the services take a named lock per customer and
per stylist (always in that order, stylists by id) before checking and writing, so checks and
writes of competing requests never interleave; the checks themselves (the availability engine for
the stylist's time, an overlap query for the customer's) give the friendly error; and on PostgreSQL
two exclusion constraints make any overlap that slipped through fail the insert, which becomes the
same error.
"""

import secrets
from collections.abc import Sequence
from datetime import datetime, time, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from apps.core.exceptions import AppError
from apps.salons.models import Salon, Service, StaffMember

from ._steps import (
    busy_as_503,
    caller_actors,
    check_customer_can_book,
    check_customer_free,
    check_on_behalf_limits,
    customer_for_phone,
    expire_dead_holds,
    is_salon_member,
    lock_on_behalf,
    lock_people,
    locked_booking,
    mark_expired,
    qualified_staff_ids,
    record,
    refuse,
    save_or_conflict,
    violated_constraint,
)
from .availability import start_check, start_policy_refusal
from .availability_changes import availability_batch
from .confirmation import booking_lapse_unconfirmed as booking_lapse_unconfirmed
from .errors import (
    BookingNotFound,
    CustomerBlocked,
    NotAllowed,
    PhoneNotVerified,
    ReasonRequired,
    SalonInactive,
    ServiceInactive,
    ServiceNotFound,
    SlotUnavailable,
)
from .events import BookingEventKind
from .models import Booking, BookingItem, BookingStatus, SalonCustomer, blocking_q
from .payment_mode import online_payment_for
from .redemptions import RedemptionRequest, booking_redeem
from .rescheduling import booking_reschedule as booking_reschedule
from .reviews import review_create as review_create
from .reviews import salon_rating_recompute as salon_rating_recompute
from .state import RULES, Action, Actor, check_action
from .visits import (
    VisitItemRequest,
    check_item_count,
    choose_staff,
    later_items_free,
    later_items_still_free,
    plan_visit,
    visit_services,
    visit_staff_q,
    write_items,
)

REFERENCE_PREFIX = "SLN-"
# No 0/O, 1/I/L: references are read aloud over the phone and typed from SMS.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 5
_REFERENCE_ATTEMPTS = 10
EXPIRY_BATCH_SIZE = 500


def new_reference() -> str:
    return REFERENCE_PREFIX + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def _insert_with_reference(booking: Booking) -> None:
    for attempt in range(_REFERENCE_ATTEMPTS):
        booking.reference = new_reference()
        try:
            save_or_conflict(booking, force_insert=True)
            return
        except IntegrityError as exc:
            if "reference" not in violated_constraint(exc) or attempt == _REFERENCE_ATTEMPTS - 1:
                raise


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


# --- Create -----------------------------------------------------------------------------------


@busy_as_503()
def booking_create(
    *,
    actor,
    start: datetime,
    service_id: int | None = None,
    staff_id: int | None = None,
    items: Sequence[VisitItemRequest] | None = None,
    note: str = "",
    customer_phone: str | None = None,
    customer_name: str = "",
    redemption: RedemptionRequest | None = None,
    hold_until: datetime | None = None,
    event_data: dict | None = None,
    now: datetime | None = None,
) -> Booking:
    """Book `service` at `start` for the actor, or, when a salon member gives `customer_phone`,
    for that customer (found or created by phone). Without `staff_id` the least busy free
    qualified stylist is chosen. A customer the salon has blocked cannot book there online, nor
    past the caps on upcoming bookings (`check_customer_can_book`); a salon member books for customers
    within the on-behalf limits (`check_on_behalf_limits`). A booking awaiting the salon's
    confirmation records until when (`confirm_by`: the salon's window, at most its start).
    `redemption`: a package session or a gift card takes its value off the price (`redemptions`); a
    booking it pays in full needs no payment, so a prepaying salon's booking is confirmed at once.

    A visit of several services (`items` instead of `service_id`/`staff_id`; at most MAX_VISIT_ITEMS,
    of one salon) books them back to back from `start` (ADR 0017): the first item's start is checked
    as any booking's, each later item's stylist over its own time; the price is the sum."""
    now = now or timezone.now()
    requested = list(items) if items is not None else [VisitItemRequest(service_id=service_id, staff_id=staff_id)]
    check_item_count(len(requested))
    # The service, its salon and whether the salon blocked the caller, in one query.
    blocked = SalonCustomer.objects.filter(salon_id=OuterRef("salon_id"), customer_id=actor.pk, blocked=True)
    service = (
        Service.objects.select_related("salon")
        .annotate(caller_blocked=Exists(blocked))
        .filter(pk=requested[0].service_id)
        .first()
    )
    if service is None:
        raise ServiceNotFound()
    services = visit_services(service, requested) if len(requested) > 1 else [service]
    salon = service.salon
    if not salon.is_active:
        raise SalonInactive()
    if any(not one.is_active for one in services):
        raise ServiceInactive()
    on_behalf = customer_phone is not None
    if on_behalf and not is_salon_member(actor, salon):
        raise NotAllowed()
    if not on_behalf and not actor.is_phone_verified:
        raise PhoneNotVerified()
    if not on_behalf and service.caller_blocked:
        raise CustomerBlocked()  # the salon may still book them in person
    candidates = [qualified_staff_ids(one, request.staff_id) for one, request in zip(services, requested, strict=True)]
    all_candidates = sorted({staff for ids in candidates for staff in ids})
    # Lead time, horizon and grid refuse before anything is looked up or locked; the stylists' time
    # is checked under the locks, after the customer's. A salon member booking on a customer's behalf
    # is the desk taking a walk-in: no lead time, and the current grid slot is still bookable.
    refuse(start_policy_refusal(salon=salon, start=start, now=now, walk_in=on_behalf))
    parts = plan_visit(services, start)
    end, blocked_until = parts[-1].end, parts[-1].blocked_until

    with transaction.atomic(), availability_batch():
        if on_behalf:
            lock_on_behalf(actor_id=actor.pk)
        customer = customer_for_phone(customer_phone, customer_name) if on_behalf else actor
        lock_people(customer_id=customer.pk, staff_ids=all_candidates)
        if on_behalf:
            check_on_behalf_limits(actor=actor, customer=customer)
        expire_dead_holds(visit_staff_q(all_candidates) | Q(customer_id=customer.pk), now=now)
        check_customer_can_book(
            customer_id=customer.pk, salon_id=salon.pk, start=start, end=end, now=now, caps=not on_behalf
        )
        check = start_check(
            salon=salon, service=service, staff_ids=candidates[0], start=start, now=now, walk_in=on_behalf
        )
        refuse(check.refusal)
        later_free = later_items_free(salon=salon, parts=parts, candidates=candidates, now=now)
        if later_free is None:
            raise SlotUnavailable()
        first_staff_id = requested[0].staff_id
        if first_staff_id is None:
            first_staff_id = _least_busy(list(check.free_staff_ids), salon=salon, start=start, now=now)
        staff_ids = choose_staff(
            first=first_staff_id,
            later_free=later_free,
            requested=[request.staff_id for request in requested],
            least_busy=lambda free: _least_busy(free, salon=salon, start=start, now=now),
        )

        confirm_by = None
        # No-show protection (ADR 0016): a deposit, a card hold, or full prepayment for a repeat offender.
        online = (
            None
            if on_behalf
            else online_payment_for(
                salon=salon, customer_id=customer.pk, price=sum(one.price_amount for one in services)
            )
        )
        if on_behalf:
            status, hold_expires_at = BookingStatus.CONFIRMED, None
        elif hold_until is not None:
            status, hold_expires_at = BookingStatus.PENDING, hold_until
        elif salon.requires_prepayment or online.asked:
            status, hold_expires_at = BookingStatus.PENDING, now + timedelta(minutes=salon.hold_minutes)
        else:
            status, hold_expires_at = BookingStatus.PENDING, None
            confirm_by = min(now + timedelta(hours=salon.confirmation_window_hours), start)
        booking = Booking(
            customer=customer,
            salon=salon,
            service=service,
            # With its account: the messages and the response read both (one query for all of them).
            staff=StaffMember.objects.select_related("user").get(pk=staff_ids[0]),
            start=start,
            end=end,
            buffer_minutes=services[-1].buffer_minutes,
            blocked_until=blocked_until,
            price_amount=sum(one.price_amount for one in services),
            payment_mode=online.mode if online else "",
            online_amount=online.amount if online else None,
            no_show_fee=online.fee if online else None,
            currency=service.currency,
            status=status,
            note=note,
            hold_expires_at=hold_expires_at,
            confirm_by=confirm_by,
            created_by=actor,
            several_stylists=len(set(staff_ids)) > 1,
            item_count=len(parts),
        )
        _insert_with_reference(booking)
        write_items(booking, parts, staff_ids)
        if redemption is not None:
            _apply_redemption(booking, redemption, now=now)
        record(booking, event=BookingEventKind.CREATED, actor=actor, from_status="", data=event_data)
    return booking


def _apply_redemption(booking: Booking, redemption: RedemptionRequest, *, now: datetime) -> None:
    booking.price_amount -= booking_redeem(booking=booking, request=redemption, now=now)
    if booking.price_amount == 0 and booking.hold_expires_at is not None:
        booking.status, booking.hold_expires_at = BookingStatus.CONFIRMED, None
    booking.save(update_fields=["price_amount", "status", "hold_expires_at", "updated_at"])


# --- Status changes ---------------------------------------------------------------------------


@busy_as_503()
def _change_status(*, booking_id: int, actor, action: Action, event: BookingEventKind, now: datetime | None) -> Booking:
    now = now or timezone.now()
    with transaction.atomic():
        booking = locked_booking(booking_id)
        check_action(booking, action, caller_actors(booking, actor), now)
        from_status = booking.status
        booking.status = RULES[action].to_status
        booking.save(update_fields=["status", "updated_at"])
        record(booking, event=event, actor=actor, from_status=from_status)
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
    people = Booking.objects.filter(pk=booking_id).values("customer_id", "staff_id", "item_count").first()
    if people is None:
        raise BookingNotFound()
    staff_ids = [people["staff_id"]]
    if people["item_count"] > 1:  # a visit: every stylist of its items
        staff_ids += BookingItem.objects.filter(booking_id=booking_id).values_list("staff_id", flat=True)
    lock_people(customer_id=people["customer_id"], staff_ids=staff_ids)
    return locked_booking(booking_id)


@busy_as_503()
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
        others = visit_staff_q([booking.staff_id]) | Q(customer_id=booking.customer_id)
        expire_dead_holds(others & ~Q(pk=booking.pk), now=now)
        check_customer_free(
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
        if check.refusal is not None or not later_items_still_free(booking, now=now):
            raise SlotUnavailable()
        from_status = booking.status
        booking.status = BookingStatus.CONFIRMED
        try:
            save_or_conflict(booking, update_fields=["status", "updated_at"])
        except AppError:
            booking.status = from_status  # the caller keeps using this instance
            raise
        record(booking, event=BookingEventKind.CONFIRMED, actor=None, from_status=from_status)
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


@busy_as_503()
def booking_cancel(
    *, booking_id: int, actor, reason: str = "", as_admin: bool = False, now: datetime | None = None
) -> Booking:
    """Cancel a pending or confirmed booking. The customer may until the salon's cancellation window;
    the salon (and an administrator, `as_admin`) at any time, with a reason. `actor=None` is the system."""
    now = now or timezone.now()
    reason = reason.strip()
    with transaction.atomic():
        booking = locked_booking(booking_id)
        acting_as = check_action(booking, Action.CANCEL, caller_actors(booking, actor, as_admin=as_admin), now)
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
        record(booking, event=BookingEventKind.CANCELLED, actor=actor, from_status=from_status, reason=reason)
    return booking


@busy_as_503()
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
                total += mark_expired(batch)
        if len(batch) < batch_size:
            return total
