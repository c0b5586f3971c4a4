"""The booking state machine: which action moves a booking from which status, and who may do it.

`check_action` is the one place that decides; services call it before acting and
`allowed_actions` asks it about every action to tell a caller what they can do next.
The one transition not listed is pending → expired: the system's sweep of dead holds
(`services.booking_expire_holds`), decided by the hold's time alone. Its way back is
`CONFIRM_PAID`, for the system only: a payment that succeeds after the hold ran out confirms the
booking when its time is still free (`services.booking_confirm_paid`); otherwise it is refunded.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from apps.core.exceptions import AppError

from .errors import (
    AlreadyReviewed,
    BookingNotCompleted,
    CancellationWindowPassed,
    InvalidTransition,
    NotAllowed,
    NotStartedYet,
    PrepaymentRequired,
    StaffCannotReview,
)
from .models import Booking, BookingStatus, PaymentMode


class Actor(StrEnum):
    """The capacity in which someone acts on a booking."""

    CUSTOMER = "customer"  # the booking's customer
    SALON = "salon"  # the booking's stylist or a manager of its salon
    ADMIN = "admin"  # a platform administrator, through the Django admin
    SYSTEM = "system"  # the platform itself (hold expiry, payments)


class Action(StrEnum):
    CANCEL = "cancel"
    RESCHEDULE = "reschedule"
    CONFIRM = "confirm"
    COMPLETE = "complete"
    NO_SHOW = "no_show"
    REVIEW = "review"
    PAY = "pay"
    CONFIRM_PAID = "confirm_paid"  # system only: a successful payment confirms, even after the hold ran out


@dataclass(frozen=True)
class Rule:
    from_statuses: frozenset[str]
    to_status: str | None  # None: the status stays (a reschedule, a review)
    actors: frozenset[Actor]


_OPEN = frozenset({BookingStatus.PENDING, BookingStatus.CONFIRMED})

RULES: dict[Action, Rule] = {
    Action.CONFIRM: Rule(
        frozenset({BookingStatus.PENDING}), BookingStatus.CONFIRMED, frozenset({Actor.SALON, Actor.SYSTEM})
    ),
    Action.CANCEL: Rule(_OPEN, BookingStatus.CANCELLED, frozenset(Actor)),
    Action.RESCHEDULE: Rule(_OPEN, None, frozenset({Actor.CUSTOMER, Actor.SALON, Actor.ADMIN})),
    Action.COMPLETE: Rule(frozenset({BookingStatus.CONFIRMED}), BookingStatus.COMPLETED, frozenset({Actor.SALON})),
    Action.NO_SHOW: Rule(frozenset({BookingStatus.CONFIRMED}), BookingStatus.NO_SHOW, frozenset({Actor.SALON})),
    Action.REVIEW: Rule(frozenset({BookingStatus.COMPLETED}), None, frozenset({Actor.CUSTOMER})),
    Action.PAY: Rule(frozenset({BookingStatus.PENDING}), None, frozenset({Actor.CUSTOMER})),
    Action.CONFIRM_PAID: Rule(
        frozenset({BookingStatus.PENDING, BookingStatus.EXPIRED}), BookingStatus.CONFIRMED, frozenset({Actor.SYSTEM})
    ),
}


def effective_status(booking: Booking, now: datetime) -> str:
    """A pending booking whose hold has run out is expired, even before the sweeper marks it."""
    if booking.status == BookingStatus.PENDING and not booking.hold_is_live(now):
        return BookingStatus.EXPIRED
    return booking.status


def change_deadline(booking: Booking) -> datetime:
    """Until when the customer may cancel or reschedule online."""
    return booking.start - timedelta(hours=booking.salon.cancellation_window_hours)


def _pays_online(booking: Booking) -> bool:
    return booking.payment_mode != PaymentMode.SALON or booking.salon.requires_prepayment


def cancels_late_with_fee(booking: Booking) -> bool:
    """A booking under no-show protection (a deposit or a card hold) that the customer may still cancel
    after the window, paying the late-cancellation fee (ADR 0016)."""
    return booking.payment_mode in (PaymentMode.DEPOSIT, PaymentMode.CARD_HOLD)


def is_late_cancellation(booking: Booking) -> bool:
    """A cancelled booking the customer cancelled after the salon's window (the fee applies)."""
    return (
        booking.status == BookingStatus.CANCELLED
        and booking.cancelled_by_role == Actor.CUSTOMER
        and booking.cancelled_at is not None
        and booking.cancelled_at > change_deadline(booking)
    )


def acting_as(actors: frozenset[Actor], action: Action) -> Actor:
    """The capacity used for `action`: the most powerful one allowed (the salon before the customer)."""
    for actor in (Actor.SYSTEM, Actor.ADMIN, Actor.SALON, Actor.CUSTOMER):
        if actor in actors and actor in RULES[action].actors:
            return actor
    raise NotAllowed()


def check_action(
    booking: Booking, action: Action, actors: frozenset[Actor], now: datetime, *, works_at_salon: bool = False
) -> Actor:
    """Raise the AppError that forbids `action` now, or return the capacity it is done in.

    `actors` must not be empty: someone with no link to the booking gets a 404 before this.
    `works_at_salon`: the caller is a stylist (active or not) or a manager of the booking's salon,
    whoever serves this booking; such a customer cannot review the salon.
    """
    actor = acting_as(actors, action)
    rule = RULES[action]
    if effective_status(booking, now) not in rule.from_statuses:
        if action == Action.REVIEW:
            raise BookingNotCompleted()
        raise InvalidTransition()
    # The window protects the salon's time. An unpaid prepayment hold protects nothing yet (it lapses
    # by itself within minutes), so its customer may always let it go or move it.
    if (
        action in (Action.CANCEL, Action.RESCHEDULE)
        and actor == Actor.CUSTOMER
        and booking.hold_expires_at is None
        and now > change_deadline(booking)
        and not (action == Action.CANCEL and cancels_late_with_fee(booking))
    ):
        raise CancellationWindowPassed()
    # At a prepayment salon (or for a booking paid online at booking) only the payment (the system) confirms.
    if action == Action.CONFIRM and actor == Actor.SALON and _pays_online(booking):
        raise PrepaymentRequired()
    if action in (Action.COMPLETE, Action.NO_SHOW) and now < booking.start:
        raise NotStartedYet()
    if action == Action.REVIEW and works_at_salon:
        raise StaffCannotReview()
    if action == Action.REVIEW and hasattr(booking, "review"):
        raise AlreadyReviewed()
    if action == Action.PAY and not (_pays_online(booking) and booking.hold_expires_at is not None):
        raise InvalidTransition()
    return actor


def actors_for(booking: Booking, user, *, managed_salon_ids: Collection[int]) -> frozenset[Actor]:
    """The capacities `user` has on `booking`, from links only (never from the user's role field)."""
    actors = set()
    if booking.customer_id == user.id:
        actors.add(Actor.CUSTOMER)
    if (booking.staff.user_id == user.id and booking.staff.is_active) or booking.salon_id in managed_salon_ids:
        actors.add(Actor.SALON)
    return frozenset(actors)


def shows_customer_phone(actors: frozenset[Actor]) -> bool:
    """The customer's phone number is shown to the people on the booking (the customer, the salon's
    stylist and managers), never to anyone else."""
    return bool(actors)


def shows_full_customer_phone(booking: Booking, actors: frozenset[Actor], now: datetime) -> bool:
    """Whether the number shown is whole: to the customer always; to the salon (stylist, managers) only on the day
    of the booking, in the salon's time zone, when they may have to call; on other days the salon sees it masked
    (`+9665•••••123`, least privilege under the PDPL)."""
    if Actor.CUSTOMER in actors:
        return True
    tz = booking.salon.tz
    return Actor.SALON in actors and booking.start.astimezone(tz).date() == now.astimezone(tz).date()


def allowed_actions(
    booking: Booking, actors: frozenset[Actor], now: datetime, *, works_at_salon: bool = False
) -> list[str]:
    """The actions the caller may take now, for the API's `allowed_actions`."""
    allowed = []
    for action in Action:
        try:
            check_action(booking, action, actors, now, works_at_salon=works_at_salon)
        except AppError:
            continue
        allowed.append(action.value)
    return allowed
