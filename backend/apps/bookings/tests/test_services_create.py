import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.bookings import _steps, services
from apps.bookings.availability import StartCheck
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.core.exceptions import AppError
from apps.salons.tests.factories import add_time_off, make_salon, make_service, make_staff

from .conftest import at, make_user, work_every_day

pytestmark = pytest.mark.django_db


def _error_code(call) -> str:
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def _nothing_written(user_count: int | None = None) -> None:
    assert Booking.objects.count() == 0
    assert BookingEvent.objects.count() == 0
    if user_count is not None:
        assert get_user_model().objects.count() == user_count


# --- Happy paths ------------------------------------------------------------------------------


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


# --- Rule 1: service, salon and stylist ---------------------------------------------------------


def test_unknown_service_is_404(book):
    with pytest.raises(AppError) as excinfo:
        book(service_id=999999)
    assert (excinfo.value.code, excinfo.value.status_code) == ("service_not_found", 404)
    _nothing_written()


def test_inactive_service_is_refused(book, service):
    service.is_active = False
    service.save()

    assert _error_code(book) == "service_inactive"
    _nothing_written()


def test_inactive_salon_is_refused(book, salon):
    salon.is_active = False
    salon.save()

    assert _error_code(book) == "salon_inactive"
    _nothing_written()


def test_stylist_who_does_not_offer_the_service_is_refused(book, salon, service):
    other_service = make_service(salon)
    stylist = make_staff(salon, services=[other_service])
    work_every_day(stylist)

    assert _error_code(lambda: book(staff_id=stylist.pk)) == "staff_not_available_for_service"
    _nothing_written()


def test_stylist_of_another_salon_is_refused(book, service):
    elsewhere = make_salon()
    stylist = make_staff(elsewhere, services=[service])
    work_every_day(stylist)

    assert _error_code(lambda: book(staff_id=stylist.pk)) == "staff_not_available_for_service"


def test_inactive_stylist_is_refused(book, stylist):
    stylist.is_active = False
    stylist.save()

    assert _error_code(book) == "staff_not_available_for_service"


# --- Rules 2 and 3: the time -------------------------------------------------------------------


def test_start_in_the_past_is_refused(book, now):
    assert _error_code(lambda: book(start=now - timedelta(hours=1))) == "start_in_past"
    _nothing_written()


def test_start_closer_than_the_lead_time_is_refused(book, salon, now):
    start = now + timedelta(minutes=45)  # on the 15-minute grid, lead time 60

    assert _error_code(lambda: book(start=start)) == "lead_time_not_met"
    _nothing_written()


def test_start_exactly_at_the_lead_time_is_accepted(book, now):
    booking = book(start=now + timedelta(minutes=60))

    assert booking.start == now + timedelta(minutes=60)


def test_start_beyond_the_booking_horizon_is_refused(book, salon, day):
    salon.booking_horizon_days = 2
    salon.save()

    assert _error_code(lambda: book(start=at(day + timedelta(days=1), "10:00"))) == "beyond_booking_horizon"
    _nothing_written()


def test_start_on_the_last_day_of_the_horizon_is_accepted(book, salon, day):
    salon.booking_horizon_days = 2  # `now` is two days before `day`
    salon.save()

    assert book("10:00").start == at(day, "10:00")


def test_start_off_the_grid_is_refused(book, day):
    assert _error_code(lambda: book("10:05")) == "slot_not_on_grid"
    assert _error_code(lambda: book(start=at(day, "10:00") + timedelta(seconds=1))) == "slot_not_on_grid"
    _nothing_written()


def test_start_outside_working_hours_is_unavailable(book):
    with pytest.raises(AppError) as excinfo:
        book("21:00")
    assert (excinfo.value.code, excinfo.value.status_code) == ("slot_unavailable", 409)
    _nothing_written()


def test_start_during_time_off_is_unavailable(book, stylist, day):
    add_time_off(stylist, at(day, "09:00"), at(day, "13:00"))

    assert _error_code(lambda: book("10:00")) == "slot_unavailable"


# --- Rules 4 and 5: overlaps --------------------------------------------------------------------


def test_overlapping_booking_of_the_same_stylist_is_unavailable(book):
    book("10:00")

    assert _error_code(lambda: book("10:30", actor=make_user())) == "slot_unavailable"
    assert Booking.objects.count() == 1


def test_the_buffer_of_the_earlier_booking_blocks_the_next_start(book, service, day):
    service.buffer_minutes = 15
    service.save()
    book("10:00")

    assert _error_code(lambda: book("11:00", actor=make_user())) == "slot_unavailable"
    assert book("11:15", actor=make_user()).start == at(day, "11:15")


def test_the_buffer_of_the_new_booking_must_fit_before_the_next_one(book, service):
    book("11:00")
    service.buffer_minutes = 15
    service.save()

    assert _error_code(lambda: book("10:00", actor=make_user())) == "slot_unavailable"


# The engine is the only Python check of the stylist's time; behind it stands the exclusion constraint.
@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints exist on PostgreSQL only")
def test_staff_overlap_check_stands_even_if_the_engine_missed_it(book, monkeypatch):
    book("10:00")
    monkeypatch.setattr(services, "start_check", lambda **kwargs: StartCheck(refusal=None))

    assert _error_code(lambda: book("10:30", actor=make_user())) == "slot_unavailable"


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


# --- Rule 6: who books for whom -----------------------------------------------------------------


def test_unverified_customer_cannot_book(book):
    unverified = make_user(verified=False)

    with pytest.raises(AppError) as excinfo:
        book(actor=unverified)
    assert (excinfo.value.code, excinfo.value.status_code) == ("phone_not_verified", 403)
    _nothing_written()


def test_customer_giving_customer_phone_is_not_allowed(book, customer):
    users_before = get_user_model().objects.count()

    with pytest.raises(AppError) as excinfo:
        book(actor=customer, customer_phone="0551234567")
    assert (excinfo.value.code, excinfo.value.status_code) == ("not_allowed", 403)
    _nothing_written(users_before)


def test_staff_of_another_salon_cannot_book_on_behalf(book):
    elsewhere = make_salon()
    outsider = make_user()
    make_staff(elsewhere, user=outsider)

    assert _error_code(lambda: book(actor=outsider, customer_phone="0551234567")) == "not_allowed"


def test_manager_of_another_salon_cannot_book_on_behalf(book):
    elsewhere = make_salon()
    outsider = make_user(role="manager")
    elsewhere.managers.add(outsider)

    assert _error_code(lambda: book(actor=outsider, customer_phone="0551234567")) == "not_allowed"


def test_invalid_customer_phone_is_a_field_error(book, manager):
    with pytest.raises(AppError) as excinfo:
        book(actor=manager, customer_phone="12345")
    assert excinfo.value.code == "invalid_phone"
    assert list(excinfo.value.errors) == ["customer_phone"]


def test_walk_in_customer_is_not_created_when_the_booking_fails(book, manager):
    users_before = get_user_model().objects.count()

    assert _error_code(lambda: book("21:00", actor=manager, customer_phone="0551234567")) == "slot_unavailable"
    _nothing_written(users_before)


# --- Rule 11: lazy expiry -----------------------------------------------------------------------


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
    assert _error_code(lambda: book("10:00", actor=make_user(), now=later)) == "slot_unavailable"


def test_create_takes_the_customer_lock_then_the_staff_lock(book, customer, stylist, monkeypatch):
    taken = []
    monkeypatch.setattr(_steps, "lock_name", taken.append)

    book("10:00")

    assert taken == [f"booking-customer:{customer.pk}", f"booking-staff:{stylist.pk}"]


def test_create_runs_in_one_transaction_with_a_bounded_number_of_queries(book):
    with CaptureQueriesContext(connection) as queries:
        book("10:00")

    assert len(queries) < 40
