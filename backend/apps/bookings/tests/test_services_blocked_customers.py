"""A customer a salon has blocked (`SalonCustomer.blocked`) cannot book there online; the salon's
desk can still book them in person, and other salons are not concerned."""

import pytest

from apps.bookings.models import BookingStatus, SalonCustomer
from apps.salons.tests.factories import make_salon

from .conftest import at, client_for, error_code, nothing_written

pytestmark = pytest.mark.django_db


def block(salon, customer) -> None:
    SalonCustomer.objects.create(salon=salon, customer=customer, blocked=True, notes="Rude to staff")


def test_a_blocked_customer_cannot_book_online(book, salon, customer):
    block(salon, customer)

    assert error_code(book) == "customer_blocked"
    nothing_written()


def test_the_desk_still_books_a_blocked_customer_in_person(book, salon, customer, manager):
    block(salon, customer)

    booking = book(actor=manager, customer_phone=customer.phone_number)

    assert (booking.customer, booking.status) == (customer, BookingStatus.CONFIRMED)


def test_notes_without_a_block_do_not_refuse(book, salon, customer):
    SalonCustomer.objects.create(salon=salon, customer=customer, notes="Prefers Hessa", tags=["VIP"])

    assert book().customer == customer


def test_a_block_at_another_salon_does_not_refuse(book, customer):
    elsewhere = make_salon()
    block(elsewhere, customer)

    assert book().customer == customer


def test_the_api_answers_403_customer_blocked(salon, service, stylist, customer, day):
    block(salon, customer)

    response = client_for(customer).post(
        "/api/bookings/",
        {"service": service.pk, "start": at(day, "10:00").isoformat()},
        format="json",
    )

    assert (response.status_code, response.json()["code"]) == (403, "customer_blocked")
    nothing_written()
