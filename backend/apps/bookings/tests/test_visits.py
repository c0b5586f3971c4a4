"""Visits of several services (ADR 0017): booked back to back, each with its stylist, moved and
cancelled as a whole; the stylists' time is held by the items."""

from datetime import timedelta

import pytest

from apps.bookings import schedule, services
from apps.bookings.availability import slot_list_available
from apps.bookings.models import Booking, BookingItem, BookingStatus
from apps.bookings.selectors import booking_list
from apps.bookings.visits import VisitItemRequest
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, error_code, make_user, nothing_written, work_every_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def colour(salon, stylist):
    colour = make_service(salon, duration_minutes=90, price_amount=23000, buffer_minutes=15)
    stylist.services.add(colour)
    return colour


@pytest.fixture
def colourist(salon, colour):
    member = make_staff(salon, services=[colour], display_name="Lama")
    work_every_day(member)
    return member


def _visit(customer, now, day, *items, hhmm="10:00", **kwargs):
    return services.booking_create(
        actor=customer,
        start=at(day, hhmm),
        items=[VisitItemRequest(service_id=service.pk, staff_id=staff and staff.pk) for service, staff in items],
        now=now,
        **kwargs,
    )


def test_a_visit_books_its_services_back_to_back_with_one_stylist(customer, now, day, service, colour, stylist):
    booking = _visit(customer, now, day, (service, stylist), (colour, None))

    assert (booking.start, booking.end, booking.blocked_until) == (
        at(day, "10:00"),
        at(day, "12:30"),
        at(day, "12:45"),
    )
    assert (booking.price_amount, booking.item_count, booking.several_stylists) == (34500, 2, False)
    items = list(BookingItem.objects.filter(booking=booking).values_list("service_id", "staff_id", "start", "end"))
    assert items == [
        (service.pk, stylist.pk, at(day, "10:00"), at(day, "11:00")),
        (colour.pk, stylist.pk, at(day, "11:00"), at(day, "12:30")),
    ]


def test_a_visit_with_two_stylists_holds_each_stylists_part_only(
    customer, now, day, service, colour, stylist, colourist, salon
):
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))

    assert booking.several_stylists is True
    free = slot_list_available(salon=salon, service=service, start_date=day, staff_id=stylist.pk, now=now)[day]
    starts = {slot.start for slot in free}
    assert at(day, "11:00") in starts  # the first stylist is free once her part is done
    assert at(day, "10:30") not in starts
    colour_free = slot_list_available(salon=salon, service=colour, start_date=day, staff_id=colourist.pk, now=now)
    colour_starts = {slot.start for slot in colour_free[day]}
    assert at(day, "09:30") not in colour_starts  # 09:30 + 1h45 runs into her 11:00 part
    assert at(day, "12:45") in colour_starts


def test_without_a_stylist_the_later_service_stays_in_the_same_chair(customer, now, day, service, colour, stylist):
    make_staff(stylist.salon, services=[colour])

    booking = _visit(customer, now, day, (service, None), (colour, None))

    assert list(booking.items.values_list("staff_id", flat=True)) == [stylist.pk, stylist.pk]


def test_a_visit_whose_second_service_collides_with_a_booking_is_refused(
    book, customer, now, day, service, colour, stylist, colourist
):
    book("11:30", staff_id=colourist.pk, service_id=colour.pk, actor=make_user())

    code = error_code(lambda: _visit(customer, now, day, (service, stylist), (colour, colourist)))

    assert code == "slot_unavailable"
    assert Booking.objects.count() == 1
    assert BookingItem.objects.count() == 1


def test_a_visit_of_services_of_two_salons_or_too_many_services_is_refused(customer, now, day, service, stylist):
    elsewhere = make_service(make_salon())

    assert error_code(lambda: _visit(customer, now, day, (service, stylist), (elsewhere, None))) == (
        "visit_salons_differ"
    )
    assert error_code(lambda: _visit(customer, now, day, *[(service, stylist)] * 5)) == "visit_too_many_services"
    nothing_written()


def test_rescheduling_a_visit_moves_every_service(customer, now, day, service, colour, stylist, colourist):
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))

    moved = services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "14:00"), now=now)

    assert (moved.start, moved.end) == (at(day, "14:00"), at(day, "16:30"))
    items = list(booking.items.values_list("staff_id", "start", "end"))
    assert items == [
        (stylist.pk, at(day, "14:00"), at(day, "15:00")),
        (colourist.pk, at(day, "15:00"), at(day, "16:30")),
    ]


def test_rescheduling_a_visit_onto_a_taken_later_part_changes_nothing(
    book, customer, now, day, service, colour, stylist, colourist
):
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))
    book("15:30", staff_id=colourist.pk, service_id=colour.pk, actor=make_user())

    code = error_code(
        lambda: services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "14:00"), now=now)
    )

    assert code == "slot_unavailable"
    assert list(booking.items.values_list("start", flat=True)) == [at(day, "10:00"), at(day, "11:00")]


def test_a_visit_cannot_be_given_to_another_stylist(customer, manager, now, day, service, colour, stylist, colourist):
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))
    other = make_staff(stylist.salon, services=[service])
    work_every_day(other)

    code = error_code(
        lambda: services.booking_reschedule(
            booking_id=booking.pk, actor=manager, start=booking.start, staff_id=other.pk, now=now
        )
    )

    assert code == "visit_staff_change_not_supported"


def test_cancelling_a_visit_frees_every_stylist(customer, now, day, service, colour, stylist, colourist, salon):
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))

    services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)

    assert set(booking.items.values_list("is_active", flat=True)) == {False}
    colour_free = slot_list_available(salon=salon, service=colour, start_date=day, staff_id=colourist.pk, now=now)
    assert at(day, "11:00") in {slot.start for slot in colour_free[day]}
    again = _visit(make_user(), now, day, (service, stylist), (colour, colourist))
    assert again.status == BookingStatus.PENDING


def test_a_single_booking_has_one_item_like_itself(book, service, stylist, day):
    booking = book("10:00")

    item = BookingItem.objects.get(booking=booking)
    assert (item.position, item.service_id, item.staff_id, item.start, item.end, item.price_amount) == (
        0,
        service.pk,
        stylist.pk,
        booking.start,
        booking.end,
        booking.price_amount,
    )


def test_rescheduling_a_single_booking_moves_its_item(book, customer, now, day):
    booking = book("10:00")

    services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "13:00"), now=now)

    item = BookingItem.objects.get(booking=booking)
    assert (item.start, item.end) == (at(day, "13:00"), at(day, "14:00"))


def test_a_late_payment_does_not_confirm_a_visit_whose_later_part_was_taken(
    book, salon, customer, now, day, service, colour, stylist, colourist
):
    salon.requires_prepayment = True
    salon.save()
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))
    later = now + timedelta(minutes=salon.hold_minutes + 1)
    services.booking_expire_holds(now=later)
    book("11:00", staff_id=colourist.pk, service_id=colour.pk, actor=make_user(), now=later)

    code = error_code(lambda: services.booking_confirm_paid(booking_id=booking.pk, now=later))

    assert code == "slot_unavailable"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED


def test_the_stylist_of_a_later_service_sees_the_visit_in_her_day_and_list(
    customer, now, day, service, colour, stylist, colourist
):
    colourist.user = make_user(first_name="Lama")
    colourist.save()
    booking = _visit(customer, now, day, (service, stylist), (colour, colourist))

    day_schedule = schedule.staff_schedule_get(user=colourist.user, day=day, now=now)

    assert [visit.pk for visit in day_schedule.bookings] == [booking.pk]
    assert list(booking_list(user=colourist.user, now=now).values_list("pk", flat=True)) == [booking.pk]
