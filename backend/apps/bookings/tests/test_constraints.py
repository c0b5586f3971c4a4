"""The database refuses what the services refuse, even for writes that bypass the services."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction

from apps.bookings import services
from apps.bookings.availability import StartCheck
from apps.bookings.models import Booking, BookingStatus, Review
from apps.core.exceptions import AppError
from apps.salons.tests.factories import make_staff

from .conftest import at, make_user, work_every_day

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only"
)


def _copy(booking: Booking, **changes) -> Booking:
    fields = {
        "customer_id": booking.customer_id,
        "salon_id": booking.salon_id,
        "service_id": booking.service_id,
        "staff_id": booking.staff_id,
        "start": booking.start,
        "end": booking.end,
        "blocked_until": booking.blocked_until,
        "price_amount": booking.price_amount,
        "status": BookingStatus.CONFIRMED,
        "reference": "SLN-ZZZZZ",
    }
    fields.update(changes)
    return Booking(**fields)


def _constraint_violated(booking: Booking) -> str:
    with pytest.raises(IntegrityError) as excinfo, transaction.atomic():
        booking.save()
    return excinfo.value.__cause__.diag.constraint_name if connection.vendor == "postgresql" else str(excinfo.value)


@postgres_only
def test_overlapping_blocking_rows_of_one_stylist_are_refused_by_the_database(book, day):
    booking = book("10:00")

    violated = _constraint_violated(
        _copy(
            booking,
            customer_id=make_user().pk,
            start=at(day, "10:30"),
            end=at(day, "11:30"),
            blocked_until=at(day, "11:30"),
        )
    )

    assert violated == "booking_staff_no_overlap"
    assert Booking.objects.count() == 1


@postgres_only
def test_the_stylist_constraint_includes_the_buffer(book, service, day):
    service.buffer_minutes = 15
    service.save()
    booking = book("10:00")

    violated = _constraint_violated(
        _copy(
            booking,
            customer_id=make_user().pk,
            start=at(day, "11:00"),
            end=at(day, "12:00"),
            blocked_until=at(day, "12:00"),
        )
    )

    assert violated == "booking_staff_no_overlap"


@postgres_only
def test_overlapping_blocking_rows_of_one_customer_are_refused_by_the_database(book, salon, service, day):
    booking = book("10:00")
    other_stylist = make_staff(salon, services=[service])

    violated = _constraint_violated(
        _copy(
            booking,
            staff_id=other_stylist.pk,
            start=at(day, "10:30"),
            end=at(day, "11:30"),
            blocked_until=at(day, "11:30"),
        )
    )

    assert violated == "booking_customer_no_overlap"


@postgres_only
def test_rows_that_do_not_block_may_overlap(book, day):
    booking = book("10:00")

    for status in (BookingStatus.CANCELLED, BookingStatus.EXPIRED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW):
        _copy(booking, status=status, reference=f"SLN-{status[:5].upper()}").save()

    assert Booking.objects.count() == 5


@postgres_only
def test_back_to_back_rows_do_not_violate_the_constraint(book, day):
    booking = book("10:00")

    _copy(
        booking,
        customer_id=make_user().pk,
        start=at(day, "11:00"),
        end=at(day, "12:00"),
        blocked_until=at(day, "12:00"),
    ).save()

    assert Booking.objects.count() == 2


@postgres_only
def test_the_service_turns_a_stylist_constraint_violation_into_409(book, monkeypatch):
    book("10:00")
    # Pretend every Python check missed the overlap: only the database stands in the way.
    monkeypatch.setattr(services, "start_check", lambda **kwargs: StartCheck(refusal=None, free_staff_ids=()))

    with pytest.raises(AppError) as excinfo:
        book("10:30", actor=make_user())

    assert (excinfo.value.code, excinfo.value.status_code) == ("slot_unavailable", 409)
    assert Booking.objects.count() == 1


@postgres_only
def test_the_service_turns_a_customer_constraint_violation_into_409(book, salon, service, monkeypatch):
    other_stylist = make_staff(salon, services=[service])
    work_every_day(other_stylist)
    book("10:00")
    monkeypatch.setattr(services, "check_customer_can_book", lambda **kwargs: None)

    with pytest.raises(AppError) as excinfo:
        book("10:30", staff_id=other_stylist.pk)

    assert (excinfo.value.code, excinfo.value.status_code) == ("customer_overlap", 409)
    assert Booking.objects.count() == 1


@postgres_only
def test_a_dead_hold_still_counts_for_the_constraint_until_it_is_expired(book, salon, now, day):
    salon.requires_prepayment = True
    salon.save()
    stale = book("10:00")
    later = now + timedelta(minutes=salon.hold_minutes + 1)

    violated = _constraint_violated(_copy(stale, customer_id=make_user().pk))
    booking = book("10:00", actor=make_user(), now=later)  # expires `stale` first, inside its transaction

    assert violated == "booking_staff_no_overlap"
    assert booking.status == BookingStatus.PENDING


def test_end_must_be_after_start(book):
    booking = book("10:00")

    violated = _constraint_violated(_copy(booking, status=BookingStatus.CANCELLED, end=booking.start))

    assert "booking_end_after_start" in violated


def test_blocked_until_cannot_be_before_the_end(book):
    booking = book("10:00")

    violated = _constraint_violated(
        _copy(booking, status=BookingStatus.CANCELLED, blocked_until=booking.end - timedelta(minutes=1))
    )

    assert "booking_blocked_until_after_end" in violated


def test_references_are_unique(book):
    booking = book("10:00")

    violated = _constraint_violated(_copy(booking, status=BookingStatus.CANCELLED, reference=booking.reference))

    assert "reference" in violated


def test_ratings_outside_one_to_five_are_refused(book):
    booking = book("10:00")

    for rating in (0, 6):
        with pytest.raises(IntegrityError), transaction.atomic():
            Review.objects.create(booking=booking, salon=booking.salon, customer=booking.customer, rating=rating)

    assert Review.objects.count() == 0
