"""`booking_create` at the salon's desk: a stylist or manager booking a walk-in (`customer_phone`)
may start now, in the current grid slot or the next, whatever the salon's lead time, as long as the
stylist is free. Customers booking online keep the lead time."""

from datetime import timedelta

import pytest

from apps.bookings.models import BookingStatus

from .conftest import at, error_code, make_user, nothing_written

pytestmark = pytest.mark.django_db

WALK_IN_PHONE = "0551234567"


def test_a_walk_in_at_now_plus_fifteen_minutes_is_booked(book, manager, day):
    # Given the salon wants 60 minutes' notice and it is 10:00
    now = at(day, "10:00")

    booking = book("10:15", actor=manager, customer_phone=WALK_IN_PHONE, now=now)

    assert (booking.start, booking.status) == (at(day, "10:15"), BookingStatus.CONFIRMED)


def test_a_walk_in_takes_the_current_grid_slot_that_started_minutes_ago(book, stylist_user, day):
    booking = book("10:00", actor=stylist_user, customer_phone=WALK_IN_PHONE, now=at(day, "10:07"))

    assert booking.start == at(day, "10:00")


def test_a_walk_in_cannot_take_the_slot_before_the_current_one(book, manager, day):
    refused = error_code(lambda: book("09:45", actor=manager, customer_phone=WALK_IN_PHONE, now=at(day, "10:07")))

    assert refused == "start_in_past"
    nothing_written()


def test_a_walk_in_still_needs_a_grid_time(book, manager, day):
    refused = error_code(lambda: book("10:05", actor=manager, customer_phone=WALK_IN_PHONE, now=at(day, "10:01")))

    assert refused == "slot_not_on_grid"


def test_a_walk_in_needs_the_stylist_free(book, manager, customer, day):
    book("09:30", now=at(day, "08:00"))  # the customer's online booking, 09:30–10:30

    refused = error_code(lambda: book("10:00", actor=manager, customer_phone=WALK_IN_PHONE, now=at(day, "10:07")))

    assert refused == "slot_unavailable"


def test_a_customer_online_keeps_the_lead_time(book, day):
    refused = error_code(lambda: book("10:15", actor=make_user(), now=at(day, "10:00")))

    assert refused == "lead_time_not_met"
    nothing_written()


def test_a_customer_online_cannot_take_the_current_slot(book, day):
    assert error_code(lambda: book("10:00", now=at(day, "10:07"))) == "start_in_past"


def test_the_lead_time_still_applies_to_a_customers_booking_later_today(book, salon, day):
    now = at(day, "10:00")

    assert error_code(lambda: book(start=now + timedelta(minutes=45), now=now)) == "lead_time_not_met"
    assert book(start=now + timedelta(minutes=60), now=now).start == at(day, "11:00")
