"""The state machine table: which actions each capacity is offered in each status."""

from datetime import timedelta

import pytest

from apps.bookings.errors import NotAllowed
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.state import Action, Actor, allowed_actions, check_action, effective_status
from apps.salons.models import Salon

from .conftest import at

CUSTOMER = frozenset({Actor.CUSTOMER})
SALON = frozenset({Actor.SALON})


def _booking(day, status, *, prepayment=False, hold_minutes_left=None, window_hours=24) -> Booking:
    salon = Salon(requires_prepayment=prepayment, cancellation_window_hours=window_hours)
    start = at(day, "10:00")
    booking = Booking(salon=salon, start=start, end=start + timedelta(hours=1), status=status)
    if hold_minutes_left is not None:
        booking.hold_expires_at = at(day, "08:00") + timedelta(minutes=hold_minutes_left)
    return booking


@pytest.mark.parametrize(
    ("status", "actors", "clock", "expected"),
    [
        (BookingStatus.PENDING, CUSTOMER, "08:00", []),  # inside the 24-hour window
        (BookingStatus.PENDING, SALON, "08:00", ["cancel", "reschedule", "confirm"]),
        (BookingStatus.CONFIRMED, CUSTOMER, "08:00", []),
        (BookingStatus.CONFIRMED, SALON, "08:00", ["cancel", "reschedule"]),
        (BookingStatus.CONFIRMED, SALON, "10:00", ["cancel", "reschedule", "complete", "no_show"]),
        (BookingStatus.COMPLETED, CUSTOMER, "12:00", ["review"]),
        (BookingStatus.COMPLETED, SALON, "12:00", []),
        (BookingStatus.CANCELLED, SALON, "12:00", []),
        (BookingStatus.NO_SHOW, SALON, "12:00", []),
        (BookingStatus.EXPIRED, CUSTOMER, "08:00", []),
        (BookingStatus.CONFIRMED, CUSTOMER | SALON, "08:00", ["cancel", "reschedule"]),
    ],
)
def test_allowed_actions_table(day, status, actors, clock, expected):
    booking = _booking(day, status)

    assert allowed_actions(booking, actors, at(day, clock)) == expected


def test_customer_is_offered_cancel_and_reschedule_before_the_window(day):
    booking = _booking(day, BookingStatus.CONFIRMED)

    assert allowed_actions(booking, CUSTOMER, at(day - timedelta(days=2), "10:00")) == ["cancel", "reschedule"]


def test_pay_is_offered_while_a_prepayment_hold_lives(day):
    booking = _booking(day, BookingStatus.PENDING, prepayment=True, hold_minutes_left=5, window_hours=1)

    assert allowed_actions(booking, CUSTOMER, at(day, "08:00")) == ["cancel", "reschedule", "pay"]
    assert allowed_actions(booking, CUSTOMER, at(day, "08:05")) == []
    assert allowed_actions(booking, SALON, at(day, "08:00")) == ["cancel", "reschedule"]


def test_a_pending_booking_with_a_dead_hold_is_effectively_expired(day):
    booking = _booking(day, BookingStatus.PENDING, prepayment=True, hold_minutes_left=5)

    assert effective_status(booking, at(day, "08:04")) == BookingStatus.PENDING
    assert effective_status(booking, at(day, "08:05")) == BookingStatus.EXPIRED


def test_the_salon_capacity_wins_for_someone_who_is_also_the_customer(day):
    booking = _booking(day, BookingStatus.CONFIRMED)

    assert check_action(booking, Action.CANCEL, CUSTOMER | SALON, at(day, "09:00")) == Actor.SALON


def test_the_system_may_confirm_and_cancel_but_not_complete(day):
    booking = _booking(day, BookingStatus.PENDING, prepayment=True, hold_minutes_left=5)
    system = frozenset({Actor.SYSTEM})

    assert check_action(booking, Action.CONFIRM, system, at(day, "08:00")) == Actor.SYSTEM
    assert check_action(booking, Action.CANCEL, system, at(day, "08:00")) == Actor.SYSTEM
    with pytest.raises(NotAllowed):
        check_action(booking, Action.COMPLETE, system, at(day, "10:30"))
