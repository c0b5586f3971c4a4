"""`booking_create` when it books: status and hold, the snapshot, references, on behalf of a customer,
the stylist chosen, dead holds expired on the way, its locks and its queries."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.bookings import _steps, services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.salons.tests.factories import make_staff

from .conftest import at, error_code, make_user, work_every_day

pytestmark = pytest.mark.django_db


def test_customer_booking_at_a_salon_without_prepayment_is_pending_without_hold(book, customer, stylist, day):
    booking = book("10:00")

    assert booking.status == BookingStatus.PENDING
    assert booking.hold_expires_at is None
    assert booking.customer == customer
    assert booking.created_by == customer
    assert booking.staff == stylist
    assert booking.salon == stylist.salon
    assert booking.start == at(day, "10:00")
    assert booking.end == at(day, "11:00")
    assert booking.blocked_until == at(day, "11:00")
    assert (booking.price_amount, booking.currency) == (11500, "SAR")
    assert list(BookingEvent.objects.filter(booking=booking).values_list("from_status", "to_status", "actor")) == [
        ("", BookingStatus.PENDING, customer.pk)
    ]


def test_customer_booking_at_a_prepayment_salon_holds_the_slot_for_hold_minutes(book, salon, now):
    salon.requires_prepayment = True
    salon.hold_minutes = 15
    salon.save()

    booking = book("10:00")

    assert booking.status == BookingStatus.PENDING
    assert booking.hold_expires_at == now + timedelta(minutes=15)


def test_booking_snapshots_price_and_buffer_and_blocks_until_end_plus_buffer(book, service, day):
    service.buffer_minutes = 15
    service.price_amount = 20000
    service.save()

    booking = book("10:00")
    service.price_amount = 30000
    service.save()
    booking.refresh_from_db()

    assert booking.buffer_minutes == 15
    assert booking.end == at(day, "11:00")
    assert booking.blocked_until == at(day, "11:15")
    assert booking.price_amount == 20000


def test_reference_is_short_unambiguous_and_unique(book):
    first = book("10:00")
    second = book("12:00")

    pattern = re.compile(r"^SLN-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{5}$")
    assert pattern.match(first.reference)
    assert pattern.match(second.reference)
    assert first.reference != second.reference


def test_reference_collision_is_retried(book, monkeypatch):
    existing = book("10:00")
    references = iter([existing.reference, "SLN-ABCDE"])
    monkeypatch.setattr(services, "new_reference", lambda: next(references))

    booking = book("12:00")

    assert booking.reference == "SLN-ABCDE"
    assert Booking.objects.count() == 2


def test_staff_books_on_behalf_of_a_new_walk_in_customer_confirmed_at_once(book, stylist_user, stylist):
    booking = book("10:00", actor=stylist_user, customer_phone="0551234567", customer_name="Reem")

    customer = get_user_model().objects.get(phone_number="+966551234567")
    assert booking.customer == customer
    assert customer.first_name == "Reem"
    assert customer.is_phone_verified is False
    assert booking.created_by == stylist_user
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.hold_expires_at is None


def test_manager_books_on_behalf_of_an_existing_customer_for_any_stylist(book, manager, customer, salon, service):
    other_stylist = make_staff(salon, services=[service])
    work_every_day(other_stylist)

    booking = book("10:00", actor=manager, staff_id=other_stylist.pk, customer_phone=customer.phone_number)

    assert booking.customer == customer
    assert booking.staff == other_stylist
    assert booking.status == BookingStatus.CONFIRMED
    assert get_user_model().objects.filter(phone_number=customer.phone_number).count() == 1


def test_staff_on_behalf_at_a_prepayment_salon_is_still_confirmed_without_hold(book, salon, manager):
    salon.requires_prepayment = True
    salon.save()

    booking = book("10:00", actor=manager, customer_phone="0551234567")

    assert booking.status == BookingStatus.CONFIRMED
    assert booking.hold_expires_at is None


def test_without_staff_the_free_stylist_with_fewest_bookings_that_day_is_chosen(book, salon, service, stylist, day):
    busy_twin = make_staff(salon, services=[service])
    work_every_day(busy_twin)
    quiet = make_staff(salon, services=[service])
    work_every_day(quiet)
    book("14:00", staff_id=stylist.pk, actor=make_user())
    book("15:00", staff_id=busy_twin.pk, actor=make_user())

    booking = book("10:00", staff_id=None)

    assert booking.staff == quiet


def test_without_staff_ties_go_to_the_lowest_id_among_free_stylists(book, salon, service, stylist):
    second = make_staff(salon, services=[service])
    work_every_day(second)
    book("10:00", staff_id=stylist.pk, actor=make_user())

    booking = book("10:00", staff_id=None)
    tie = book("16:00", staff_id=None, actor=make_user())

    assert booking.staff == second  # the first stylist is taken at 10:00
    assert tie.staff == stylist  # one booking each that day: lowest id


def test_back_to_back_bookings_without_buffer_both_succeed(book, day):
    first = book("10:00")
    second = book("11:00", actor=make_user())

    assert (first.end, second.start) == (at(day, "11:00"), at(day, "11:00"))


def test_an_expired_hold_is_expired_inside_create_and_frees_the_slot(book, salon, now, customer):
    salon.requires_prepayment = True
    salon.save()
    stale = book("10:00")
    later = now + timedelta(minutes=salon.hold_minutes)  # the hold ends exactly now

    booking = book("10:00", actor=make_user(), now=later)

    stale.refresh_from_db()
    assert stale.status == BookingStatus.EXPIRED
    assert booking.status == BookingStatus.PENDING
    assert list(BookingEvent.objects.filter(booking=stale).values_list("from_status", "to_status", "actor")) == [
        ("", BookingStatus.PENDING, customer.pk),
        (BookingStatus.PENDING, BookingStatus.EXPIRED, None),
    ]


def test_a_live_hold_still_blocks_the_slot(book, salon, now):
    salon.requires_prepayment = True
    salon.save()
    book("10:00")

    later = now + timedelta(minutes=salon.hold_minutes - 1)
    assert error_code(lambda: book("10:00", actor=make_user(), now=later)) == "slot_unavailable"


def test_create_takes_the_customer_lock_then_the_staff_lock(book, customer, stylist, monkeypatch):
    taken = []
    monkeypatch.setattr(_steps, "lock_names_in_order", taken.extend)

    book("10:00")

    assert taken == [f"booking-customer:{customer.pk}", f"booking-staff:{stylist.pk}"]


def test_create_runs_in_one_transaction_with_a_bounded_number_of_queries(book):
    with CaptureQueriesContext(connection) as queries:
        book("10:00")

    assert len(queries) < 40
