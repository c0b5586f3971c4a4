"""A visit of several services (ADR 0017) is invoiced with one line per service, adding up exactly."""

import pytest

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.models import BookingItem
from apps.bookings.tests.conftest import at
from apps.invoicing.models import Document
from apps.salons.tests.factories import make_service

from .conftest import pay

pytestmark = pytest.mark.django_db


def test_a_visit_is_invoiced_with_one_line_per_service(salon, service, stylist, customer, day):
    colour = make_service(salon, name_ar="صبغة", name_en="Colour", price_amount=23000, duration_minutes=90)
    start = at(day, "10:00")
    booking = make_booking(stylist, service, customer, start, price_amount=34500, item_count=2)
    middle = start + service.duration
    for position, (sold, begins, ends) in enumerate(
        [(service, start, middle), (colour, middle, middle + colour.duration)]
    ):
        BookingItem.objects.create(
            booking=booking,
            position=position,
            service=sold,
            staff=stylist,
            start=begins,
            end=ends,
            blocked_until=ends,
            price_amount=sold.price_amount,
        )

    pay(booking)

    invoice = Document.objects.get()
    assert [(line["description_en"], line["total_incl_vat"], line["vat"]) for line in invoice.lines] == [
        ("Haircut and styling", 11500, 1500),
        ("Colour", 23000, 3000),
    ]
    assert (invoice.total, invoice.vat_amount) == (34500, 4500)
    assert sum(line["unit_price_excl_vat"] for line in invoice.lines) == invoice.subtotal
