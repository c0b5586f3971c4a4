"""What bookings publish to the apps above them, and what they log."""

import logging
from datetime import timedelta

import pytest

from apps.bookings import services
from apps.bookings.events import BookingChanged, BookingEventKind, booking_reactors
from apps.bookings.models import BookingEvent
from apps.core.exceptions import AppError
from apps.salons.tests.factories import make_salon, make_staff

from .conftest import at, make_user

pytestmark = pytest.mark.django_db


def _error_code(call) -> str:
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def _events(booking) -> list[tuple]:
    return list(BookingEvent.objects.filter(booking=booking).values_list("from_status", "to_status", "reason"))


# --- Events for payments and notifications ------------------------------------------------------


def test_each_transition_is_announced_inside_its_transaction(book, customer, manager, day, now, caplog):
    caplog.set_level(logging.INFO, logger="apps.bookings.events")

    booking = book("10:00")
    services.booking_confirm(booking_id=booking.pk, actor=manager, now=now)
    services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "12:00"), now=now)
    services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)

    messages = [record.getMessage() for record in caplog.records if record.name == "apps.bookings.events"]
    assert messages == [
        f"Booking {booking.pk} created by user {customer.pk}",
        f"Booking {booking.pk} confirmed by user {manager.pk}",
        f"Booking {booking.pk} rescheduled by user {customer.pk}",
        f"Booking {booking.pk} cancelled by user {customer.pk}",
    ]


@pytest.fixture
def received(monkeypatch) -> list[BookingChanged]:
    """The booking events published, instead of the registered reactions."""
    published: list[BookingChanged] = []
    monkeypatch.setattr(booking_reactors, "_reactors", [published.append])
    return published


def test_the_event_carries_its_details(book, customer, day, now, received):
    booking = book("10:00")
    received.clear()

    services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "12:00"), now=now)

    assert received == [
        BookingChanged(
            booking_id=booking.pk,
            kind=BookingEventKind.RESCHEDULED,
            actor_id=customer.pk,
            data={"old_start": at(day, "10:00").isoformat(), "new_start": at(day, "12:00").isoformat()},
            customer_id=customer.pk,
        )
    ]


def test_a_refused_change_announces_nothing(book, received):
    book("10:00")
    received.clear()

    with pytest.raises(AppError):
        book("10:00", actor=make_user())

    assert received == []


def test_expiry_is_announced_with_the_system_as_actor(book, salon, now, received):
    salon.requires_prepayment = True
    salon.save()
    booking = book("10:00", now=now - timedelta(minutes=30))
    received.clear()

    services.booking_expire_holds(now=now)

    assert received == [BookingChanged(booking_id=booking.pk, kind=BookingEventKind.EXPIRED, actor_id=None)]


def test_booking_at_another_salon_does_not_make_its_staff_salon_actors(book, now):
    elsewhere = make_salon()
    outsider = make_user()
    make_staff(elsewhere, user=outsider)
    booking = book("10:00")

    assert _error_code(lambda: services.booking_confirm(booking_id=booking.pk, actor=outsider, now=now)) == (
        "booking_not_found"
    )
