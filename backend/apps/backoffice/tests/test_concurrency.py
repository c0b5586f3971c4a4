"""Real threads against the real database: a booking made while its stylist's working time changes
is never left outside working time. The change takes the stylist's booking lock before it looks at
the bookings, so one of the two waits for the other and sees what it did."""

from collections.abc import Callable

import pytest

from apps.backoffice.tests.conftest import url
from apps.bookings.models import Booking
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.bookings.working_time import bookings_outside_working_time
from apps.core.tests.concurrency import race

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]

CUSTOMERS = 6


def _call(client, method: str, path: str, body) -> Callable[[], tuple[int, str]]:
    def call() -> tuple[int, str]:
        response = getattr(client, method)(path, body, format="json")
        return response.status_code, response.json().get("code", "")

    return call


def _bookings(service, stylist, start) -> list[Callable[[], tuple[int, str]]]:
    body = {"service": service.pk, "staff": stylist.pk, "start": start.isoformat()}
    return [_call(client_for(make_user()), "post", "/api/bookings/", body) for _ in range(CUSTOMERS)]


@pytest.mark.parametrize("round_", range(3))
def test_time_off_and_bookings_racing_never_orphan_a_booking(manager, salon, service, stylist, day, round_):
    time_off = {"start": at(day, "10:00").isoformat(), "end": at(day, "12:00").isoformat()}
    change = _call(client_for(manager), "post", url(salon, f"staff/{stylist.pk}/time-off/"), time_off)

    results = race([change, *_bookings(service, stylist, at(day, "10:30"))])

    booked = Booking.objects.filter(status="pending").count()
    if results[0] == (201, ""):
        assert (booked, set(results[1:])) == (0, {(409, "slot_unavailable")})
    else:
        assert (results[0], booked) == ((409, "bookings_affected"), 1)
    assert bookings_outside_working_time(staff_id=stylist.pk, tz=salon.tz, now=at(day, "00:00")) == []


@pytest.mark.parametrize("round_", range(3))
def test_a_deactivation_and_bookings_racing_never_leave_a_booking_with_an_inactive_stylist(
    manager, salon, service, stylist, day, round_
):
    change = _call(client_for(manager), "delete", url(salon, f"staff/{stylist.pk}/"), {})

    results = race([change, *_bookings(service, stylist, at(day, "10:30"))])

    stylist.refresh_from_db()
    booked = Booking.objects.filter(status="pending").count()
    if results[0][0] == 200:
        assert (stylist.is_active, booked) == (False, 0)
        assert {status for status, _code in results[1:]} <= {400, 409}
    else:
        assert (results[0], stylist.is_active, booked) == ((409, "bookings_affected"), True, 1)
