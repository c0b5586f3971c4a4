"""The salon gives a booking to another stylist: at its own time (only that stylist's time is checked,
not the booking policy), or at a new time (the usual checks). Customers cannot choose the stylist."""

from datetime import timedelta

import pytest

from apps.bookings import services
from apps.bookings.errors import NotAllowed, SlotUnavailable, StaffNotAvailableForService
from apps.bookings.models import Booking, BookingEvent
from apps.bookings.tests.conftest import at, client_for, make_user, work_every_day
from apps.bookings.working_time import bookings_outside_working_time, staff_free_over
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_service, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_stylist(salon, service):
    staff = make_staff(salon, services=[service], display_name="Sara", user=make_user(first_name="Sara"))
    work_every_day(staff)
    return staff


def test_the_salon_gives_a_booking_to_another_stylist_at_its_own_time(book, manager, other_stylist, stylist, now):
    booking = book("10:00")
    salon = booking.salon
    salon.lead_time_minutes = 60 * 24 * 10  # too late to make the booking now: it keeps its time all the same
    salon.save()

    moved = services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=booking.start, staff_id=other_stylist.pk, now=now
    )

    assert (moved.staff_id, moved.start, moved.end, moved.status) == (
        other_stylist.pk,
        booking.start,
        booking.end,
        "pending",
    )
    event = BookingEvent.objects.filter(booking=booking).last()
    assert event.data == {
        "old_start": booking.start.isoformat(),
        "new_start": booking.start.isoformat(),
        "old_staff_id": stylist.pk,
        "new_staff_id": other_stylist.pk,
    }


def test_a_stylist_busy_or_away_then_cannot_take_it_and_nothing_changes(
    book, manager, other_stylist, stylist, now, day, other_customer
):
    booking = book("10:00")
    book("10:30", actor=other_customer, staff_id=other_stylist.pk)
    later = book("15:00")
    add_time_off(other_stylist, at(day, "14:00"), at(day, "16:00"))

    for moving in (booking, later):
        with pytest.raises(SlotUnavailable):
            services.booking_reschedule(
                booking_id=moving.pk, actor=manager, start=moving.start, staff_id=other_stylist.pk, now=now
            )
    assert set(Booking.objects.filter(pk__in=[booking.pk, later.pk]).values_list("staff_id", flat=True)) == {stylist.pk}


def test_a_stylist_who_does_not_offer_the_service_cannot_take_it(book, manager, salon, now):
    other = make_staff(salon, services=[make_service(salon)])
    work_every_day(other)
    booking = book("10:00")

    with pytest.raises(StaffNotAvailableForService):
        services.booking_reschedule(
            booking_id=booking.pk, actor=manager, start=booking.start, staff_id=other.pk, now=now
        )


def test_at_a_new_time_with_another_stylist_the_usual_checks_apply(book, manager, other_stylist, now, day):
    booking = book("10:00")

    moved = services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=at(day, "12:00"), staff_id=other_stylist.pk, now=now
    )

    assert (moved.staff_id, moved.start, moved.end) == (other_stylist.pk, at(day, "12:00"), at(day, "13:00"))


def test_a_customer_cannot_choose_another_stylist(book, customer, other_stylist, stylist, now):
    booking = book("10:00")

    with pytest.raises(NotAllowed):
        services.booking_reschedule(
            booking_id=booking.pk, actor=customer, start=booking.start, staff_id=other_stylist.pk, now=now
        )
    # naming their own stylist is no change and is allowed
    moved = services.booking_reschedule(
        booking_id=booking.pk, actor=customer, start=booking.start + timedelta(hours=2), staff_id=stylist.pk, now=now
    )
    assert moved.staff_id == stylist.pk


def test_the_reschedule_endpoint_takes_a_stylist_from_the_salon_only(book, manager, customer, other_stylist, day):
    booking = book("10:00")

    refused = client_for(customer).post(
        f"/api/bookings/{booking.pk}/reschedule/",
        {"start": booking.start.isoformat(), "staff": other_stylist.pk},
        format="json",
    )
    moved = client_for(manager).post(
        f"/api/bookings/{booking.pk}/reschedule/",
        {"start": at(day, "11:00").isoformat(), "staff": other_stylist.pk},
        format="json",
    )

    assert (refused.status_code, refused.json()["code"]) == (403, "not_allowed")
    assert (moved.status_code, moved.json()["staff"]["id"], moved.json()["start"]) == (
        200,
        other_stylist.pk,
        at(day, "11:00").isoformat(),
    )


def test_a_platform_admin_reschedules_as_an_administrator(book, other_stylist, now):
    admin = make_user(is_staff=True, is_superuser=True)
    booking = book("10:00")

    moved = services.booking_reschedule(
        booking_id=booking.pk, actor=admin, start=booking.start, staff_id=other_stylist.pk, as_admin=True, now=now
    )

    assert moved.staff_id == other_stylist.pk


# --- Working time of bookings that keep their time ---------------------------------------------


def test_bookings_outside_working_time_follow_hours_special_hours_time_off_and_overnight_shifts(
    book, salon, stylist, service, now, day, other_customer
):
    inside, overnight = book("10:00"), None
    add_hours(stylist, day.weekday(), "22:00", "02:00")
    overnight = book("23:30", actor=other_customer)
    after_midnight = book("01:00", start=at(day + timedelta(days=1), "01:00"))
    tz = salon.tz

    assert bookings_outside_working_time(staff_id=stylist.pk, tz=tz, now=now) == []
    add_time_off(stylist, at(day, "10:30"), at(day, "11:00"))
    assert bookings_outside_working_time(staff_id=stylist.pk, tz=tz, now=now) == [inside]
    add_special_hours(stylist, day, "09:00", "23:00")
    assert bookings_outside_working_time(staff_id=stylist.pk, tz=tz, now=now) == [inside, overnight, after_midnight]
    assert bookings_outside_working_time(staff_id=stylist.pk, tz=tz, now=at(day, "23:00")) == [
        overnight,
        after_midnight,
    ]


def test_staff_free_over_counts_other_bookings_but_not_the_one_moved(
    book, salon, service, stylist, other_stylist, now, day
):
    booking = book("10:00")

    free = staff_free_over(
        salon=salon,
        service=service,
        staff_ids=[stylist.pk, other_stylist.pk],
        start=booking.start,
        end=booking.blocked_until,
        now=now,
        exclude_booking_id=booking.pk,
    )
    busy = staff_free_over(
        salon=salon, service=service, staff_ids=[stylist.pk], start=booking.start, end=booking.blocked_until, now=now
    )

    assert (free, busy) == ((stylist.pk, other_stylist.pk), ())
