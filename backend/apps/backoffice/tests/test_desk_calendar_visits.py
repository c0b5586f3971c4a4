"""The back office calendar shows a visit of several services (ADR 0017) as its services, each under
its stylist at its time."""

import pytest

from apps.bookings import services
from apps.bookings.tests.conftest import at, make_user
from apps.bookings.visits import VisitItemRequest
from apps.salons.tests.factories import add_hours, make_service, make_staff

from .test_api_desk_calendar import calendar_url

pytestmark = pytest.mark.django_db


def test_a_visit_shows_each_service_under_its_stylist(manager_client, salon, service, stylist_user, day):
    stylist = stylist_user.staff_profile
    colour = make_service(salon, duration_minutes=90, price_amount=23000)
    colourist = make_staff(salon, services=[colour], display_name="Lama")
    for member in (stylist, colourist):
        for weekday in range(7):
            add_hours(member, weekday, "09:00", "21:00")
    booking = services.booking_create(
        actor=make_user(),
        start=at(day, "10:00"),
        items=[VisitItemRequest(service.pk, stylist.pk), VisitItemRequest(colour.pk, colourist.pk)],
    )

    body = manager_client.get(calendar_url(salon, start=day.isoformat(), days=1)).json()

    shown = {
        row["id"]: [(entry["id"], entry["start"], entry["end"]) for entry in row["bookings"]] for row in body["staff"]
    }
    assert shown[stylist.pk] == [(booking.pk, at(day, "10:00").isoformat(), at(day, "10:30").isoformat())]
    assert shown[colourist.pk] == [(booking.pk, at(day, "10:30").isoformat(), at(day, "12:00").isoformat())]
