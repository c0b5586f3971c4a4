"""Booking on a customer's behalf by phone is limited per salon member and per number (each such booking
may create an account and sends the customer a message), counted in the database, and audited with the
number masked."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model

from apps.audit.models import AuditEntry
from apps.bookings import services
from apps.bookings.models import Booking
from apps.core.exceptions import AppError
from apps.core.tests.concurrency import race

from .conftest import at, client_for, error_code

pytestmark = pytest.mark.django_db

NEWCOMERS = [f"+96655000{index:04d}" for index in range(10)]


@pytest.fixture(autouse=True)
def limits(settings):
    settings.BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR = 2
    settings.BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY = 2


def test_a_salon_member_makes_a_limited_number_of_bookings_for_customers_an_hour(book, manager):
    book("10:00", actor=manager, customer_phone=NEWCOMERS[0])
    book("12:00", actor=manager, customer_phone=NEWCOMERS[1])
    users = get_user_model().objects.count()

    assert error_code(lambda: book("14:00", actor=manager, customer_phone=NEWCOMERS[2])) == "on_behalf_limit_staff"
    assert get_user_model().objects.count() == users  # no account created for the refused number
    assert Booking.objects.count() == 2


def test_one_number_gets_a_limited_number_of_bookings_from_staff_a_day(book, manager, stylist_user, settings):
    settings.BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR = 10
    book("10:00", actor=manager, customer_phone=NEWCOMERS[0])
    book("12:00", actor=stylist_user, customer_phone=NEWCOMERS[0])

    assert error_code(lambda: book("14:00", actor=manager, customer_phone=NEWCOMERS[0])) == "on_behalf_limit_phone"
    assert book("16:00", actor=manager, customer_phone=NEWCOMERS[1]).customer.phone_number == NEWCOMERS[1]


def test_a_customers_own_bookings_do_not_count_against_the_desk(book, manager, customer, settings):
    settings.BOOKING_MAX_UPCOMING_PER_SALON = 10
    book("10:00")
    book("11:00")
    book("12:00")

    book("14:00", actor=manager, customer_phone=customer.phone_number)
    assert book("16:00", actor=manager, customer_phone=customer.phone_number).customer == customer


def test_the_api_answers_429_with_retry_after_and_the_booking_is_audited_masked(manager, service, stylist, day):
    client = client_for(manager)

    def post(phone: str, hhmm: str):
        payload = {
            "service": service.pk,
            "staff": stylist.pk,
            "start": day.isoformat() + f"T{hhmm}:00+03:00",
            "customer_phone": phone,
        }
        return client.post("/api/bookings/", payload, format="json")

    first = post(NEWCOMERS[0], "10:00")
    post(NEWCOMERS[1], "12:00")
    refused = post(NEWCOMERS[2], "14:00")

    assert first.status_code == 201
    assert refused.status_code == 429
    assert refused.json()["code"] == "on_behalf_limit_staff"
    assert 3590 <= refused.json()["retry_after"] <= 3600
    assert refused["Retry-After"] == str(refused.json()["retry_after"])
    entries = AuditEntry.objects.filter(object_type="booking", action="created").order_by("pk")
    assert [(entry.actor, entry.object_id) for entry in entries] == [
        (manager, str(booking_id)) for booking_id in Booking.objects.order_by("pk").values_list("pk", flat=True)
    ]
    assert entries[0].object_repr.endswith(" +9665•••••000")
    assert all(NEWCOMERS[0] not in str(value) for value in (entries[0].object_repr, entries[0].changes))


@pytest.mark.django_db(transaction=True)
@pytest.mark.concurrency
def test_racing_desk_bookings_for_one_number_stay_within_its_daily_limit(manager, stylist_user, service, stylist, day):
    def book_at(actor, hhmm: str):
        def call() -> str:
            try:
                services.booking_create(
                    actor=actor,
                    service_id=service.pk,
                    staff_id=stylist.pk,
                    start=at(day, hhmm),
                    customer_phone=NEWCOMERS[5],
                )
            except AppError as exc:
                return exc.code
            return "booked"

        return call

    results = race([book_at(manager if index % 2 else stylist_user, f"{10 + index}:00") for index in range(6)])

    assert Counter(results)["booked"] == 2
    assert set(results) - {"booked"} <= {"on_behalf_limit_phone", "on_behalf_limit_staff"}
    assert Booking.objects.filter(customer__phone_number=NEWCOMERS[5]).count() == 2
