"""A salon with its manager, two stylists with accounts (working every day), a customer with a phone
and a full name, another salon with its own stylist, a platform admin; `book` makes bookings through
the bookings services (so every change writes its audit row); `feed_of` reads a feed as iCalendar."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user, work_every_day
from apps.salons.tests.factories import make_salon, make_service, make_staff

from ..services import calendar_feed_get_or_create


@pytest.fixture
def salon():
    return make_salon()


@pytest.fixture
def manager(salon):
    user = make_user(first_name="Huda", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def service(salon):
    return make_service(salon, name_en="Haircut", name_ar="قص")


def _stylist(salon, service, name):
    staff = make_staff(salon, [service], display_name=name, user=make_user(first_name=name, role="staff"))
    work_every_day(staff)
    return staff


@pytest.fixture
def stylist(salon, service):
    return _stylist(salon, service, "Hessa")


@pytest.fixture
def other_stylist(salon, service):
    return _stylist(salon, service, "Sara")


@pytest.fixture
def customer():
    return make_user(first_name="Noura", last_name="Alharbi", phone_number="+966551234567")


@pytest.fixture
def other_salon():
    return make_salon()


@pytest.fixture
def foreign_stylist(other_salon):
    return _stylist(other_salon, make_service(other_salon), "Reem")


@pytest.fixture
def admin_user():
    return make_user(is_superuser=True, is_staff=True)


@pytest.fixture
def day() -> date:
    return timezone.now().astimezone(RIYADH).date() + timedelta(days=3)


@pytest.fixture
def book(service, stylist, customer, day, manager):
    """A booking made by the customer and confirmed by the manager (two audit rows)."""

    def _book(hhmm: str = "10:00", *, staff=None, confirm: bool = True):
        booking = booking_services.booking_create(
            actor=customer, service_id=service.pk, staff_id=(staff or stylist).pk, start=at(day, hhmm)
        )
        if confirm and booking.status == "pending":
            booking = booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
        return booking

    return _book


@pytest.fixture
def feed_of(api_client):
    """(response, parsed calendar) of the feed of `staff` (or of `salon`)."""

    def _feed(*, salon=None, staff=None, **headers):
        link = calendar_feed_get_or_create(salon=salon or staff.salon, staff=staff, language="en")
        response = api_client.get(f"/api/calendar/feeds/{link.token}.ics", **headers)
        calendar = Calendar.from_ical(response.content) if response.status_code == 200 else None
        return response, calendar

    return _feed


__all__ = ["client_for"]
