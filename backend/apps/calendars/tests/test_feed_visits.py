"""A stylist's feed lists the visits of several services (ADR 0017) where she does one of them."""

import pytest

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at
from apps.bookings.visits import VisitItemRequest
from apps.salons.tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_the_stylist_of_a_later_service_has_the_visit_in_her_feed(
    service, stylist, other_stylist, customer, day, feed_of, salon
):
    colour = make_service(salon, name_en="Colour", name_ar="صبغة")
    other_stylist.services.add(colour)
    visit = booking_services.booking_create(
        actor=customer,
        start=at(day, "10:00"),
        items=[VisitItemRequest(service.pk, stylist.pk), VisitItemRequest(colour.pk, other_stylist.pk)],
    )

    _, calendar = feed_of(staff=other_stylist)

    uids = [str(event["uid"]) for event in calendar.walk("VEVENT")]
    assert uids == [f"booking-{visit.reference}@127.0.0.1"]
