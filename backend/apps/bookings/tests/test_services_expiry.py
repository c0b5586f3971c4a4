"""Pending holds expire: the service, its batches and the cron command."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from apps.bookings import services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.core.exceptions import AppError
from apps.salons.tests.factories import make_staff

from .conftest import make_user, work_every_day

pytestmark = pytest.mark.django_db


def _error_code(call) -> str:
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def _events(booking) -> list[tuple]:
    return list(BookingEvent.objects.filter(booking=booking).values_list("from_status", "to_status", "reason"))


# --- Expiry command -----------------------------------------------------------------------------


def test_expire_command_expires_only_holds_that_ran_out(book, salon, service, now):
    salon.requires_prepayment = True
    salon.save()
    other_stylist = make_staff(salon, services=[service])
    work_every_day(other_stylist)
    dead = book("10:00", now=now - timedelta(minutes=30))
    # Another stylist and customers, so that creating these does not expire `dead` on the way.
    live = book("12:00", actor=make_user(), staff_id=other_stylist.pk)
    no_hold = book("14:00", actor=make_user(), staff_id=other_stylist.pk)
    Booking.objects.filter(pk=no_hold.pk).update(hold_expires_at=None)

    expired = services.booking_expire_holds(now=now)

    assert expired == 1
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {
        dead.pk: BookingStatus.EXPIRED,
        live.pk: BookingStatus.PENDING,
        no_hold.pk: BookingStatus.PENDING,
    }
    event = BookingEvent.objects.filter(booking=dead).last()
    assert (event.actor_id, event.from_status, event.to_status) == (None, BookingStatus.PENDING, BookingStatus.EXPIRED)
    assert services.booking_expire_holds(now=now) == 0


def test_expire_command_works_in_batches(book, salon, now):
    salon.requires_prepayment = True
    salon.save()
    for hhmm in ("10:00", "12:00", "14:00"):
        book(hhmm, actor=make_user(), now=now - timedelta(minutes=30))

    assert services.booking_expire_holds(now=now, batch_size=2) == 3
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.EXPIRED}


def test_expire_booking_holds_management_command_prints_the_count(book, salon):
    salon.requires_prepayment = True
    salon.hold_minutes = 1
    salon.save()
    booking = book("10:00")
    Booking.objects.filter(pk=booking.pk).update(hold_expires_at=booking.created_at - timedelta(minutes=1))
    out = io.StringIO()

    call_command("expire_booking_holds", stdout=out)

    assert out.getvalue().splitlines() == [
        "Expired 1 booking hold(s).",
        "Lapsed 0 unconfirmed booking(s): 0 expired, 0 confirmed.",
    ]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
