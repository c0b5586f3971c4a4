"""A booking awaiting the salon's confirmation does not wait forever: when the salon's confirmation
window lapses (or the booking starts, whichever is first) it expires or is confirmed, as the salon chose,
and the customer is told."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from apps.bookings import services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.notifications.models import Notification
from apps.salons.models import UnconfirmedPolicy

pytestmark = pytest.mark.django_db


@pytest.fixture
def awaiting(book, salon, now):
    salon.confirmation_window_hours = 2
    salon.save()

    def _awaiting(policy: str, hhmm: str = "10:00", **kwargs):
        salon.unconfirmed_policy = policy
        salon.save()
        return book(hhmm, **kwargs)

    return _awaiting


def _customer_templates(booking) -> list[str]:
    return list(
        Notification.objects.filter(booking=booking, recipient=booking.customer)
        .order_by("pk")
        .values_list("template", flat=True)
    )


def test_a_booking_records_until_when_the_salon_may_confirm_it(awaiting, now):
    booking = awaiting(UnconfirmedPolicy.EXPIRE)

    assert booking.status == BookingStatus.PENDING
    assert booking.confirm_by == now + timedelta(hours=2)


def test_an_unconfirmed_booking_expires_when_the_window_lapses_and_the_customer_is_told(awaiting, now):
    booking = awaiting(UnconfirmedPolicy.EXPIRE)

    before = services.booking_lapse_unconfirmed(now=now + timedelta(hours=2) - timedelta(seconds=1))
    lapsed = services.booking_lapse_unconfirmed(now=now + timedelta(hours=2))

    booking.refresh_from_db()
    assert (before, lapsed) == ((0, 0), (1, 0))
    assert booking.status == BookingStatus.EXPIRED
    assert list(BookingEvent.objects.filter(booking=booking).values_list("to_status", "data"))[-1] == (
        BookingStatus.EXPIRED,
        {"lapsed": "not_confirmed"},
    )
    assert _customer_templates(booking) == ["customer_created_awaiting", "customer_not_confirmed"]


def test_an_unconfirmed_booking_is_confirmed_when_the_salon_chose_so_and_the_customer_is_told(awaiting, now):
    booking = awaiting(UnconfirmedPolicy.AUTO_CONFIRM)

    assert services.booking_lapse_unconfirmed(now=now + timedelta(hours=3)) == (0, 1)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert _customer_templates(booking) == ["customer_created_awaiting", "customer_confirmed"]


def test_the_window_lapses_at_the_start_when_that_comes_first(awaiting, salon, now, day):
    salon.confirmation_window_hours = 24 * 7
    booking = awaiting(UnconfirmedPolicy.EXPIRE)

    services.booking_lapse_unconfirmed(now=booking.start - timedelta(seconds=1))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING
    assert booking.confirm_by == booking.start

    services.booking_lapse_unconfirmed(now=booking.start)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED


def test_a_booking_confirmed_in_time_and_an_unpaid_hold_are_left_alone(awaiting, salon, manager, now):
    confirmed = awaiting(UnconfirmedPolicy.EXPIRE, "10:00")
    services.booking_confirm(booking_id=confirmed.pk, actor=manager, now=now)
    salon.requires_prepayment = True
    salon.save()
    hold = awaiting(UnconfirmedPolicy.EXPIRE, "14:00")

    assert services.booking_lapse_unconfirmed(now=now + timedelta(hours=2, minutes=1)) == (0, 0)
    assert hold.confirm_by is None
    assert dict(Booking.objects.values_list("pk", "status")) == {
        confirmed.pk: BookingStatus.CONFIRMED,
        hold.pk: BookingStatus.PENDING,
    }


def test_the_periodic_command_lapses_unconfirmed_bookings_too(awaiting, now):
    booking = awaiting(UnconfirmedPolicy.EXPIRE)
    Booking.objects.filter(pk=booking.pk).update(confirm_by=now - timedelta(days=5))
    out = io.StringIO()

    call_command("expire_booking_holds", stdout=out)

    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert "Expired 0 booking hold(s)." in out.getvalue()
    assert "Lapsed 1 unconfirmed booking(s): 1 expired, 0 confirmed." in out.getvalue()
