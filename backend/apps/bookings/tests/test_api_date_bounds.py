"""Dates at the edges of the calendar are refused with a field error, never a server error."""

import pytest

from .conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/bookings/?to=9999-12-31", "to"),
        ("/api/bookings/?from=0001-01-01", "from"),
        ("/api/bookings/?from=0001-01-01T00:00:00%2B03:00", "from"),
        ("/api/bookings/?to=9999-12-31T23:59:59%2B03:00", "to"),
    ],
)
def test_out_of_range_list_filters_are_400(customer, url, field):
    response = client_for(customer).get(url, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_the_supported_range_is_named_in_the_error(customer):
    response = client_for(customer).get("/api/bookings/?to=9999-12-31", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["errors"]["to"] == ["Enter a date between 2000-01-01 and 2100-12-31."]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
def test_out_of_range_schedule_day_is_400(stylist_user, day):
    response = client_for(stylist_user).get(f"/api/staff/schedule/?date={day}")

    assert response.status_code == 400
    assert "date" in response.json()["errors"]


@pytest.mark.parametrize("start", ["0001-01-01T00:00:00+03:00", "9999-12-31T23:00:00+03:00"])
def test_out_of_range_booking_start_is_400(customer, service, start):
    response = client_for(customer).post("/api/bookings/", {"service": service.pk, "start": start}, format="json")

    assert response.status_code == 400
    assert "start" in response.json()["errors"]
