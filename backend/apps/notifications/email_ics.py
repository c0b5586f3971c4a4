"""The booking as an iCalendar invitation (RFC 5545, iTIP RFC 5546) attached to booking emails.

`UID` is `booking-<reference>@<host of FRONTEND_URL>`, the same rule as the calendar feeds, so the
event a customer added from an email and the one in a feed are one event. `SEQUENCE` is the number of
the booking's audit rows (`BookingEvent`, one per change) minus one, counted in the query that loads
the booking: it grows with every change, so calendars replace the event instead of adding another.
`METHOD:REQUEST` adds or updates the event; a cancelled or lapsed booking is sent as `METHOD:CANCEL`
with `STATUS:CANCELLED`. The attachment is built when the email is sent and describes the booking as
it is then (a late retry never puts back an older time).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail.message import sanitize_address
from django.db.models import Count
from django.utils import timezone, translation
from icalendar import Calendar, Event, vCalAddress, vText

from apps.bookings.models import Booking, BookingStatus

METHOD_REQUEST = "REQUEST"
METHOD_CANCEL = "CANCEL"
PRODID = "-//Salon//Booking//EN"
_ENDED = (BookingStatus.CANCELLED, BookingStatus.EXPIRED, BookingStatus.NO_SHOW)


def booking_uid(reference: str) -> str:
    return f"booking-{reference}@{urlsplit(settings.FRONTEND_URL).hostname}"


def booking_for_ics(booking_id: int) -> Booking | None:
    """The booking with what the invitation shows, and its number of audit rows (`event_count`): one query."""
    return (
        Booking.objects.select_related("salon", "service", "staff", "customer")
        .annotate(event_count=Count("events"))
        .filter(pk=booking_id)
        .first()
    )


def booking_ics(booking: Booking, *, language: str) -> tuple[str, bytes]:
    """(method, the .ics file) for a booking loaded by `booking_for_ics`."""
    method = METHOD_CANCEL if booking.status in _ENDED else METHOD_REQUEST
    with translation.override(language):
        summary = f"{booking.service.name} – {booking.salon.name}"
        location = booking.salon.address or booking.salon.name
        stylist = booking.staff.name
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", method)
    event = Event()
    event.add("uid", booking_uid(booking.reference))
    event.add("sequence", max(booking.event_count - 1, 0))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", booking.start)
    event.add("dtend", booking.end)
    event.add("summary", summary)
    event.add("location", location)
    event.add("description", f"{booking.reference} · {stylist}")
    event.add("url", f"{settings.FRONTEND_URL}/bookings/{booking.pk}")
    event.add("status", "CANCELLED" if method == METHOD_CANCEL else _status(booking))
    organizer = vCalAddress(f"mailto:{_address(settings.DEFAULT_FROM_EMAIL)}")
    organizer.params["cn"] = vText(booking.salon.name)
    event.add("organizer", organizer)
    if booking.customer.email:
        attendee = vCalAddress(f"mailto:{booking.customer.email}")
        attendee.params["role"] = vText("REQ-PARTICIPANT")
        attendee.params["partstat"] = vText("ACCEPTED")
        event.add("attendee", attendee)
    calendar.add_component(event)
    return method, calendar.to_ical()


def _status(booking: Booking) -> str:
    return "CONFIRMED" if booking.status in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED) else "TENTATIVE"


def _address(from_email: str) -> str:
    """The bare address of `DEFAULT_FROM_EMAIL` ("Salon <no-reply@…>" → "no-reply@…")."""
    return sanitize_address(from_email, "utf-8").rpartition("<")[2].rstrip(">")
