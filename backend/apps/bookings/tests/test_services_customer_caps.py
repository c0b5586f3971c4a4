"""One customer cannot empty a stylist's day: caps on a customer's upcoming bookings per salon and in
all (BOOKING_MAX_UPCOMING_PER_SALON, BOOKING_MAX_UPCOMING_TOTAL), and a throttle on creating bookings."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.cache import cache

from apps.bookings import services
from apps.bookings.models import Booking, BookingStatus
from apps.core.exceptions import AppError
from apps.core.tests.concurrency import race
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, client_for, error_code, make_user, work_every_day


@pytest.fixture(autouse=True)
def caps(settings):
    settings.BOOKING_MAX_UPCOMING_PER_SALON = 3
    settings.BOOKING_MAX_UPCOMING_TOTAL = 4


def _other_salon_booker(customer, day, now):
    salon = make_salon()
    service = make_service(salon, duration_minutes=30)
    stylist = make_staff(salon, services=[service])
    work_every_day(stylist)

    def book(hhmm: str):
        return services.booking_create(
            actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, hhmm), now=now
        )

    return book


@pytest.mark.django_db
def test_a_customer_holds_at_most_three_upcoming_bookings_at_one_salon(book, customer):
    for hhmm in ("10:00", "12:00", "14:00"):
        book(hhmm)

    assert error_code(lambda: book("16:00")) == "upcoming_bookings_limit_salon"
    assert Booking.objects.filter(customer=customer).count() == 3


@pytest.mark.django_db
def test_a_customer_holds_at_most_the_total_across_salons(book, customer, day, now):
    book("10:00")
    book("12:00")
    elsewhere = _other_salon_booker(customer, day, now)
    elsewhere("15:00")
    elsewhere("16:00")

    assert error_code(lambda: elsewhere("17:00")) == "upcoming_bookings_limit_total"
    assert error_code(lambda: book("18:00")) == "upcoming_bookings_limit_total"
    assert Booking.objects.filter(customer=customer).count() == 4


@pytest.mark.django_db
def test_cancelled_expired_and_past_bookings_do_not_count(book, customer, day, now):
    cancelled = book("10:00")
    services.booking_cancel(booking_id=cancelled.pk, actor=customer, now=now)
    expired = book("11:00")
    Booking.objects.filter(pk=expired.pk).update(status=BookingStatus.EXPIRED)
    past = book("12:00")
    Booking.objects.filter(pk=past.pk).update(
        start=now - timedelta(days=1), end=now - timedelta(days=1, minutes=-60), blocked_until=now
    )
    book("13:00")
    book("14:00")

    assert book("15:00").status == BookingStatus.PENDING
    assert error_code(lambda: book("16:00")) == "upcoming_bookings_limit_salon"


@pytest.mark.django_db
def test_the_desk_may_still_book_a_customer_past_the_online_caps(book, customer, manager):
    for hhmm in ("10:00", "12:00", "14:00"):
        book(hhmm)

    desk = book("16:00", actor=manager, customer_phone=customer.phone_number)

    assert desk.status == BookingStatus.CONFIRMED
    assert error_code(lambda: book("18:00")) == "upcoming_bookings_limit_salon"


@pytest.mark.django_db(transaction=True)
@pytest.mark.concurrency
def test_one_customer_racing_for_many_slots_gets_no_more_than_the_cap(salon, service, customer, day):
    stylists = []
    for _ in range(4):
        stylist = make_staff(salon, services=[service])
        work_every_day(stylist)
        stylists.append(stylist)

    def book_at(stylist, hhmm: str):
        def call() -> str:
            try:
                services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, hhmm))
            except AppError as exc:
                return exc.code
            return "booked"

        return call

    calls = [book_at(stylists[index % 4], f"{10 + index}:00") for index in range(8)]

    results = race(calls)

    assert Counter(results) == {"booked": 3, "upcoming_bookings_limit_salon": 5}
    assert Booking.objects.filter(customer=customer).count() == 3


@pytest.mark.django_db
def test_creating_bookings_is_throttled_per_user_with_retry_after(settings, service, stylist, day, customer):
    settings.BOOKINGS_CREATE_THROTTLE_RATE = "2/hour"
    settings.BOOKING_MAX_UPCOMING_PER_SALON = 10
    cache.clear()
    client = client_for(customer)

    def post(hhmm: str):
        payload = {"service": service.pk, "staff": stylist.pk, "start": at(day, hhmm).isoformat()}
        return client.post("/api/bookings/", payload, format="json")

    first, second, third = post("10:00"), post("12:00"), post("14:00")
    other = client_for(make_user()).post(
        "/api/bookings/",
        {"service": service.pk, "staff": stylist.pk, "start": at(day, "16:00").isoformat()},
        format="json",
    )

    assert (first.status_code, second.status_code) == (201, 201)
    assert third.status_code == 429
    assert third.json()["code"] == "throttled"
    assert 3500 <= third.json()["retry_after"] <= 3600
    assert third["Retry-After"] == str(third.json()["retry_after"])
    assert other.status_code == 201  # per user
    assert client.get("/api/bookings/").status_code == 200  # reading is not throttled
    assert Booking.objects.filter(customer=customer).count() == 2
