"""Real threads against the real database: the slot goes to exactly one customer, whatever the load."""

from collections import Counter
from collections.abc import Callable

import pytest
from django.utils import timezone

from apps.bookings import services
from apps.bookings.availability_changes import summary_rebuild
from apps.bookings.availability_summary import summary_compute
from apps.bookings.models import AvailabilityDay, Booking, BookingStatus
from apps.core.exceptions import AppError
from apps.core.tests.concurrency import race
from apps.salons.tests.factories import make_staff

from .conftest import at, client_for, make_user, work_every_day

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]

CLIENTS = 20


def _post_booking(service, stylist, start) -> Callable[[], tuple[int, str]]:
    client = client_for(make_user())
    payload = {"service": service.pk, "staff": stylist.pk, "start": start.isoformat()}

    def call() -> tuple[int, str]:
        response = client.post("/api/bookings/", payload, format="json")
        return response.status_code, response.json().get("code", "")

    return call


def test_twenty_customers_racing_for_the_same_slot_get_exactly_one_booking(service, stylist, day):
    calls = [_post_booking(service, stylist, at(day, "10:00")) for _ in range(CLIENTS)]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "slot_unavailable"): CLIENTS - 1}
    assert Booking.objects.count() == 1


def test_twenty_customers_racing_for_overlapping_times_get_exactly_one_booking(service, stylist, day):
    starts = ["10:00", "10:15", "10:30", "10:45"]  # a 60-minute service: every pair overlaps
    calls = [_post_booking(service, stylist, at(day, starts[index % 4])) for index in range(CLIENTS)]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "slot_unavailable"): CLIENTS - 1}
    assert Booking.objects.filter(status=BookingStatus.PENDING).count() == 1


def test_back_to_back_bookings_made_at_the_same_moment_both_succeed(service, stylist, day):
    calls = [_post_booking(service, stylist, at(day, "10:00")), _post_booking(service, stylist, at(day, "11:00"))]

    results = race(calls)

    assert results == [(201, ""), (201, "")]
    assert sorted(Booking.objects.values_list("start", flat=True)) == [at(day, "10:00"), at(day, "11:00")]


def test_a_cancelled_slot_goes_to_exactly_one_of_the_next_racers(service, stylist, customer, day):
    first = services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00"))
    services.booking_cancel(booking_id=first.pk, actor=customer)
    calls = [_post_booking(service, stylist, at(day, "10:00")) for _ in range(CLIENTS)]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "slot_unavailable"): CLIENTS - 1}
    assert Booking.objects.filter(status=BookingStatus.PENDING).count() == 1


def test_one_customer_racing_for_one_time_with_many_stylists_gets_one_booking(salon, service, customer, day):
    stylists = []
    for _ in range(5):
        stylist = make_staff(salon, services=[service])
        work_every_day(stylist)
        stylists.append(stylist)

    def book_with(stylist) -> Callable[[], str]:
        def call() -> str:
            try:
                services.booking_create(
                    actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00")
                )
            except AppError as exc:
                return exc.code
            return "created"

        return call

    results = race([book_with(stylist) for stylist in stylists for _ in range(2)])

    assert Counter(results) == {"created": 1, "customer_overlap": 9}
    assert Booking.objects.filter(customer=customer).count() == 1


def test_racing_reschedules_into_the_same_slot_move_exactly_one_booking(service, stylist, day):
    customers = [make_user() for _ in range(6)]
    bookings = [
        services.booking_create(
            actor=owner, service_id=service.pk, staff_id=stylist.pk, start=at(day, f"{10 + index}:00")
        )
        for index, owner in enumerate(customers)
    ]

    def move(booking, owner) -> Callable[[], tuple[int, str]]:
        client = client_for(owner)

        def call() -> tuple[int, str]:
            response = client.post(
                f"/api/bookings/{booking.pk}/reschedule/", {"start": at(day, "18:00").isoformat()}, format="json"
            )
            return response.status_code, response.json().get("code", "")

        return call

    results = race([move(booking, owner) for booking, owner in zip(bookings, customers, strict=True)])

    assert Counter(results) == {(200, ""): 1, (409, "slot_unavailable"): 5}
    assert Booking.objects.filter(start=at(day, "18:00")).count() == 1


def test_racing_bookings_of_one_day_leave_its_summary_as_the_engine_sees_it(salon, service, day):
    # Given five stylists and a summarised salon
    stylists = []
    for _ in range(5):
        stylist = make_staff(salon, services=[service])
        work_every_day(stylist)
        stylists.append(stylist)
    summary_rebuild(salon_ids=[salon.pk])

    # When five customers book each stylist at 10:00 on the same day at the same moment
    results = race([_post_booking(service, stylist, at(day, "10:00")) for stylist in stylists])

    # Then every booking is made and the day's summary saw all of them (none of the starts they took is left)
    assert results == [(201, "")] * 5
    stored = AvailabilityDay.objects.get(salon=salon, day=day)
    fresh, _spans = summary_compute(salon=salon, days=[day], now=timezone.now())
    assert (stored.free_starts, stored.first_start) == (fresh[day]["free_starts"], fresh[day]["first_start"])
    assert stored.first_start == at(day, "09:00") and stored.free_starts == 45 - 7
