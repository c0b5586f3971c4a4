"""One booking as an iCalendar event (RFC 5545), for the feeds here and for any other publisher of
bookings (e-mail attachments): the same `UID` everywhere, so that a calendar holding the booking from
one source updates it from another instead of showing it twice.

- `UID`: `booking-<reference>@<host of settings.FRONTEND_URL>`; never changes.
- `SEQUENCE`: the booking's audit rows (`BookingEvent`, one per change) minus one: 0 when made, one
  more at every change. Callers count them in their bookings query (`Count("events")`).
- Times in UTC; `STATUS` from the booking's (`ICS_STATUS`); the customer by first name only.
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from apps.bookings.models import Booking, BookingStatus

PRODID = "-//Salon//Calendar feeds//EN"
REFRESH_INTERVAL = timedelta(hours=1)

# The iCalendar status of each booking status: a no-show's time was held, so it stays confirmed.
ICS_STATUS = {
    BookingStatus.PENDING: "TENTATIVE",
    BookingStatus.CONFIRMED: "CONFIRMED",
    BookingStatus.COMPLETED: "CONFIRMED",
    BookingStatus.NO_SHOW: "CONFIRMED",
    BookingStatus.CANCELLED: "CANCELLED",
    BookingStatus.EXPIRED: "CANCELLED",
}


def booking_uid(reference: str) -> str:
    return f"booking-{reference}@{urlsplit(settings.FRONTEND_URL).hostname}"


def backoffice_url(booking: Booking) -> str:
    """The back office's calendar on the booking's day (salon time), showing its stylist."""
    day = booking.start.astimezone(booking.salon.tz).date().isoformat()
    query = urlencode({"date": day, "view": "day", "staff": booking.staff_id})
    return f"{settings.FRONTEND_URL}/manage/{booking.salon_id}/calendar?{query}"


def staff_summary(booking: Booking, customer_first_name: str) -> str:
    """What the salon's side sees: the service and the customer's first name (never a phone)."""
    customer = customer_first_name or _("a customer")
    return f"{booking.service.name} — {customer}"


def staff_description(booking: Booking) -> str:
    return "\n".join(
        [
            _("Booking %(reference)s") % {"reference": booking.reference},
            _("Status: %(status)s") % {"status": booking.get_status_display()},
            _("Stylist: %(stylist)s") % {"stylist": booking.staff.name},
            backoffice_url(booking),
        ]
    )


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(microsecond=0)


def booking_vevent(
    booking: Booking,
    *,
    sequence: int,
    summary: str,
    description: str,
    last_modified: datetime,
    url: str | None = None,
) -> Event:
    """The booking's VEVENT. `last_modified` is also its `DTSTAMP` (a published calendar without a
    request: RFC 5545 3.8.7.2), so that the same booking gives the same bytes until it changes."""
    event = Event()
    event.add("uid", booking_uid(booking.reference))
    event.add("sequence", max(sequence, 0))
    event.add("dtstamp", _utc(last_modified))
    event.add("last-modified", _utc(last_modified))
    event.add("created", _utc(booking.created_at))
    event.add("dtstart", _utc(booking.start))
    event.add("dtend", _utc(booking.end))
    event.add("summary", summary)
    event.add("description", description)
    event.add("status", ICS_STATUS.get(booking.status, "CONFIRMED"))
    event.add("transp", "TRANSPARENT" if ICS_STATUS.get(booking.status) == "CANCELLED" else "OPAQUE")
    if url:
        event.add("url", url)
    return event


def calendar_new(name: str) -> Calendar:
    """An empty published calendar named `name`, asking subscribers to refresh hourly."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    return calendar
