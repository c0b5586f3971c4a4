"""`booking_create` when it refuses: the service, salon and stylist, the time, overlaps, and who may
book for whom. A refusal writes nothing."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from apps.bookings import services
from apps.bookings.availability import StartCheck
from apps.bookings.models import Booking
from apps.core.exceptions import AppError
from apps.salons.tests.factories import add_time_off, make_salon, make_service, make_staff

from .conftest import at, error_code, make_user, nothing_written, work_every_day

pytestmark = pytest.mark.django_db


def test_unknown_service_is_404(book):
    with pytest.raises(AppError) as excinfo:
        book(service_id=999999)
    assert (excinfo.value.code, excinfo.value.status_code) == ("service_not_found", 404)
    nothing_written()


def test_inactive_service_is_refused(book, service):
    service.is_active = False
    service.save()

    assert error_code(book) == "service_inactive"
    nothing_written()


def test_inactive_salon_is_refused(book, salon):
    salon.is_active = False
    salon.save()

    assert error_code(book) == "salon_inactive"
    nothing_written()


def test_stylist_who_does_not_offer_the_service_is_refused(book, salon, service):
    other_service = make_service(salon)
    stylist = make_staff(salon, services=[other_service])
    work_every_day(stylist)

    assert error_code(lambda: book(staff_id=stylist.pk)) == "staff_not_available_for_service"
    nothing_written()


def test_stylist_of_another_salon_is_refused(book, service):
    elsewhere = make_salon()
    stylist = make_staff(elsewhere, services=[service])
    work_every_day(stylist)

    assert error_code(lambda: book(staff_id=stylist.pk)) == "staff_not_available_for_service"


def test_inactive_stylist_is_refused(book, stylist):
    stylist.is_active = False
    stylist.save()

    assert error_code(book) == "staff_not_available_for_service"


def test_start_in_the_past_is_refused(book, now):
    assert error_code(lambda: book(start=now - timedelta(hours=1))) == "start_in_past"
    nothing_written()


def test_start_closer_than_the_lead_time_is_refused(book, salon, now):
    start = now + timedelta(minutes=45)  # on the 15-minute grid, lead time 60

    assert error_code(lambda: book(start=start)) == "lead_time_not_met"
    nothing_written()


def test_start_exactly_at_the_lead_time_is_accepted(book, now):
    booking = book(start=now + timedelta(minutes=60))

    assert booking.start == now + timedelta(minutes=60)


def test_start_beyond_the_booking_horizon_is_refused(book, salon, day):
    salon.booking_horizon_days = 2
    salon.save()

    assert error_code(lambda: book(start=at(day + timedelta(days=1), "10:00"))) == "beyond_booking_horizon"
    nothing_written()


def test_start_on_the_last_day_of_the_horizon_is_accepted(book, salon, day):
    salon.booking_horizon_days = 2  # `now` is two days before `day`
    salon.save()

    assert book("10:00").start == at(day, "10:00")


def test_start_off_the_grid_is_refused(book, day):
    assert error_code(lambda: book("10:05")) == "slot_not_on_grid"
    assert error_code(lambda: book(start=at(day, "10:00") + timedelta(seconds=1))) == "slot_not_on_grid"
    nothing_written()


def test_start_outside_working_hours_is_unavailable(book):
    with pytest.raises(AppError) as excinfo:
        book("21:00")
    assert (excinfo.value.code, excinfo.value.status_code) == ("slot_unavailable", 409)
    nothing_written()


def test_start_during_time_off_is_unavailable(book, stylist, day):
    add_time_off(stylist, at(day, "09:00"), at(day, "13:00"))

    assert error_code(lambda: book("10:00")) == "slot_unavailable"


def test_overlapping_booking_of_the_same_stylist_is_unavailable(book):
    book("10:00")

    assert error_code(lambda: book("10:30", actor=make_user())) == "slot_unavailable"
    assert Booking.objects.count() == 1


def test_the_buffer_of_the_earlier_booking_blocks_the_next_start(book, service, day):
    service.buffer_minutes = 15
    service.save()
    book("10:00")

    assert error_code(lambda: book("11:00", actor=make_user())) == "slot_unavailable"
    assert book("11:15", actor=make_user()).start == at(day, "11:15")


def test_the_buffer_of_the_new_booking_must_fit_before_the_next_one(book, service):
    book("11:00")
    service.buffer_minutes = 15
    service.save()

    assert error_code(lambda: book("10:00", actor=make_user())) == "slot_unavailable"


# The engine is the only Python check of the stylist's time; behind it stands the exclusion constraint.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only")
def test_staff_overlap_check_stands_even_if_the_engine_missed_it(book, monkeypatch):
    book("10:00")
    monkeypatch.setattr(services, "start_check", lambda **kwargs: StartCheck(refusal=None))

    assert error_code(lambda: book("10:30", actor=make_user())) == "slot_unavailable"


def test_a_customer_cannot_hold_two_overlapping_bookings_even_at_another_salon(book, customer, day, now):
    book("10:00")
    elsewhere = make_salon()
    other_service = make_service(elsewhere, duration_minutes=60)
    other_stylist = make_staff(elsewhere, services=[other_service])
    work_every_day(other_stylist)

    with pytest.raises(AppError) as excinfo:
        services.booking_create(
            actor=customer, service_id=other_service.pk, staff_id=other_stylist.pk, start=at(day, "10:30"), now=now
        )
    assert (excinfo.value.code, excinfo.value.status_code) == ("customer_overlap", 409)
    assert Booking.objects.count() == 1


def test_cancelled_bookings_do_not_block(book, customer):
    first = book("10:00")
    services.booking_cancel(booking_id=first.pk, actor=customer, now=first.created_at)

    assert book("10:00", actor=make_user()).start == first.start


def test_unverified_customer_cannot_book(book):
    unverified = make_user(verified=False)

    with pytest.raises(AppError) as excinfo:
        book(actor=unverified)
    assert (excinfo.value.code, excinfo.value.status_code) == ("phone_not_verified", 403)
    nothing_written()


def test_customer_giving_customer_phone_is_not_allowed(book, customer):
    users_before = get_user_model().objects.count()

    with pytest.raises(AppError) as excinfo:
        book(actor=customer, customer_phone="0551234567")
    assert (excinfo.value.code, excinfo.value.status_code) == ("not_allowed", 403)
    nothing_written(users_before)


def test_staff_of_another_salon_cannot_book_on_behalf(book):
    elsewhere = make_salon()
    outsider = make_user()
    make_staff(elsewhere, user=outsider)

    assert error_code(lambda: book(actor=outsider, customer_phone="0551234567")) == "not_allowed"


def test_manager_of_another_salon_cannot_book_on_behalf(book):
    elsewhere = make_salon()
    outsider = make_user(role="manager")
    elsewhere.managers.add(outsider)

    assert error_code(lambda: book(actor=outsider, customer_phone="0551234567")) == "not_allowed"


def test_invalid_customer_phone_is_a_field_error(book, manager):
    with pytest.raises(AppError) as excinfo:
        book(actor=manager, customer_phone="12345")
    assert excinfo.value.code == "invalid_phone"
    assert list(excinfo.value.errors) == ["customer_phone"]


def test_walk_in_customer_is_not_created_when_the_booking_fails(book, manager):
    users_before = get_user_model().objects.count()

    assert error_code(lambda: book("21:00", actor=manager, customer_phone="0551234567")) == "slot_unavailable"
    nothing_written(users_before)
