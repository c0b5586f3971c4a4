"""The shared event rules: UID from the front end's host, statuses, Arabic feeds."""

import pytest
from icalendar import Calendar

from apps.bookings.models import BookingStatus

from ..ics import ICS_STATUS, booking_uid
from ..services import calendar_feed_get_or_create

pytestmark = pytest.mark.django_db


def test_the_uid_is_the_reference_at_the_front_ends_host(settings):
    settings.FRONTEND_URL = "https://book.salon.example:8443"

    assert booking_uid("SLN-00042") == "booking-SLN-00042@book.salon.example"


def test_every_booking_status_has_an_icalendar_status():
    assert {status: ICS_STATUS[status] for status in BookingStatus.values} == {
        "pending": "TENTATIVE",
        "confirmed": "CONFIRMED",
        "completed": "CONFIRMED",
        "no_show": "CONFIRMED",
        "cancelled": "CANCELLED",
        "expired": "CANCELLED",
    }


def test_a_feed_made_in_arabic_speaks_arabic(book, stylist, api_client, salon):
    booking = book("10:00")
    link = calendar_feed_get_or_create(salon=salon, staff=stylist, language="ar")

    calendar = Calendar.from_ical(api_client.get(f"/api/calendar/feeds/{link.token}.ics").content)

    event = calendar.walk("VEVENT")[0]
    assert str(calendar["x-wr-calname"]) == f"Hessa في {salon.name_ar}"
    assert str(event["summary"]) == "قص — Noura"
    assert str(event["description"]).split("\n")[:2] == [f"الحجز {booking.reference}", "الحالة: مؤكد"]
