"""Real threads against the real database: visits of several services (ADR 0017) never share a
stylist's time, with one another or with single bookings."""

from collections import Counter
from collections.abc import Callable

import pytest

from apps.bookings.models import Booking, BookingItem
from apps.core.tests.concurrency import race
from apps.salons.tests.factories import make_service, make_staff

from .conftest import at, client_for, make_user, work_every_day

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


@pytest.fixture
def colour(salon):
    return make_service(salon, duration_minutes=90, price_amount=23000, buffer_minutes=15)


@pytest.fixture
def colourist(salon, colour):
    member = make_staff(salon, services=[colour], display_name="Lama")
    work_every_day(member)
    return member


def _post(payload: dict) -> Callable[[], tuple[int, str]]:
    client = client_for(make_user())

    def call() -> tuple[int, str]:
        response = client.post("/api/bookings/", payload, format="json")
        return response.status_code, response.json().get("code", "")

    return call


def _visit(service, stylist, colour, colourist, start) -> Callable[[], tuple[int, str]]:
    items = [{"service": service.pk, "staff": stylist.pk}, {"service": colour.pk, "staff": colourist.pk}]
    return _post({"items": items, "start": start.isoformat()})


def test_two_visits_racing_for_an_overlapping_part_of_one_stylist_get_exactly_one(
    service, stylist, colour, colourist, day
):
    # The haircuts differ (two stylists), the colourist's parts overlap: 11:00-12:45 and 11:30-13:15.
    other = make_staff(stylist.salon, services=[service])
    work_every_day(other)
    calls = [
        _visit(service, stylist, colour, colourist, at(day, "10:00"))
        if index % 2
        else _visit(service, other, colour, colourist, at(day, "10:30"))
        for index in range(8)
    ]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "slot_unavailable"): 7}
    assert Booking.objects.count() == 1
    assert BookingItem.objects.filter(staff=colourist).count() == 1


def test_a_visit_racing_a_single_booking_for_its_second_part_gets_exactly_one(service, stylist, colour, colourist, day):
    single = {"service": colour.pk, "staff": colourist.pk, "start": at(day, "11:30").isoformat()}
    calls = [
        _visit(service, stylist, colour, colourist, at(day, "10:00")) if index % 2 else _post(single)
        for index in range(6)
    ]

    results = race(calls)

    assert Counter(results) == {(201, ""): 1, (409, "slot_unavailable"): 5}
    assert Booking.objects.count() == 1
    assert BookingItem.objects.filter(staff=colourist).count() == 1
