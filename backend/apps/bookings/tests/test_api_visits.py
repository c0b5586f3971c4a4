"""The API of visits of several services (ADR 0017): availability of a sequence, booking with
`items`, the items in the response."""

import pytest

from apps.bookings.models import Booking
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, client_for, make_user, work_every_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def colour(salon, stylist):
    colour = make_service(salon, duration_minutes=90, price_amount=23000, buffer_minutes=15)
    stylist.services.add(colour)
    return colour


@pytest.fixture
def colourist(salon, colour):
    member = make_staff(salon, services=[colour], display_name="Lama")
    work_every_day(member)
    return member


def _availability(client, salon, day, **params):
    return client.get(f"/api/salons/{salon.pk}/availability/", {"date": day.isoformat(), **params})


def test_availability_of_a_sequence_lists_starts_where_every_service_fits(
    api_client, book, salon, day, service, colour, stylist, colourist
):
    # The colourist is taken from 12:00: a haircut at 11:00 would need her from 12:00.
    book("12:00", staff_id=colourist.pk, service_id=colour.pk, actor=make_user())

    response = _availability(
        api_client, salon, day, services=f"{service.pk},{colour.pk}", staff=f"{stylist.pk},{colourist.pk}"
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["service"], body["services"]) == (service.pk, [service.pk, colour.pk])
    slots = {slot["start"]: slot for slot in body["days"][0]["slots"]}
    assert at(day, "11:00").isoformat() not in slots
    assert at(day, "09:00").isoformat() in slots  # colour 10:00-11:30, its buffer until 11:45
    first = slots[at(day, "09:00").isoformat()]
    assert first["end"] == at(day, "11:30").isoformat()
    assert first["items"] == [
        {
            "service": service.pk,
            "start": at(day, "09:00").isoformat(),
            "end": at(day, "10:00").isoformat(),
            "staff": [stylist.pk],
        },
        {
            "service": colour.pk,
            "start": at(day, "10:00").isoformat(),
            "end": at(day, "11:30").isoformat(),
            "staff": [colourist.pk],
        },
    ]


def test_availability_keeps_the_single_service_shape(api_client, salon, day, service, stylist):
    body = _availability(api_client, salon, day, service=service.pk, staff=str(stylist.pk)).json()

    assert set(body) == {"salon", "service", "timezone", "days"}
    assert set(body["days"][0]["slots"][0]) == {"start", "end", "staff"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"services": "1,x"}, "services"),
        ({"services": "1,2,3,4,5"}, "services"),
        ({"services": "1,2", "staff": "1,2,3"}, "staff"),
        ({"staff": "1"}, "service"),
        ({"services": ""}, "service"),
    ],
)
def test_invalid_sequences_are_field_errors(api_client, salon, day, params, field):
    response = _availability(api_client, salon, day, **params)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


def test_a_sequence_with_a_service_of_another_salon_is_not_found(api_client, salon, day, service):
    other = make_service(make_salon())

    response = _availability(api_client, salon, day, services=f"{service.pk},{other.pk}")

    assert (response.status_code, response.json()["code"]) == (404, "service_not_found")


def test_booking_a_visit_returns_its_items_and_summed_price(customer, day, service, colour, stylist, colourist):
    payload = {
        "items": [{"service": service.pk, "staff": stylist.pk}, {"service": colour.pk}],
        "start": at(day, "10:00").isoformat(),
    }

    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["price"] == {"amount": 34500, "currency": "SAR", "vat_amount": 4500}
    assert (body["service"]["id"], body["start"], body["end"]) == (
        service.pk,
        at(day, "10:00").isoformat(),
        at(day, "12:30").isoformat(),
    )
    assert [
        (item["service"]["id"], item["staff"]["id"], item["start"], item["price"]["amount"]) for item in body["items"]
    ] == [
        (service.pk, stylist.pk, at(day, "10:00").isoformat(), 11500),
        (colour.pk, stylist.pk, at(day, "11:00").isoformat(), 23000),
    ]
    listed = client_for(customer).get("/api/bookings/").json()["results"]
    assert [len(booking["items"]) for booking in listed] == [2]


def test_a_single_booking_is_shown_as_before_without_items(api_book, customer):
    booking = api_book("10:00")

    body = client_for(customer).get(f"/api/bookings/{booking.pk}/").json()

    assert "items" not in body


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"items": []}, "items"),
        ({"items": [{"service": 1}] * 5}, "items"),
        ({"service": 1, "items": [{"service": 1}]}, "service"),
        ({"items": [{"service": 1}], "staff": 1}, "staff"),
        ({}, "service"),
    ],
)
def test_invalid_visits_are_field_errors(customer, day, payload, field):
    payload = {"start": at(day, "10:00").isoformat(), **payload}

    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 400
    assert [key.split(".")[0] for key in response.json()["errors"]] == [field]
    assert Booking.objects.count() == 0


def test_someone_else_cannot_see_a_visit_and_a_customer_cannot_book_one_for_another(
    customer, day, service, colour, stylist
):
    payload = {"items": [{"service": service.pk}, {"service": colour.pk}], "start": at(day, "10:00").isoformat()}
    booking_id = client_for(customer).post("/api/bookings/", payload, format="json").json()["id"]

    hidden = client_for(make_user()).get(f"/api/bookings/{booking_id}/")
    on_behalf = client_for(make_user()).post(
        "/api/bookings/", {**payload, "customer_phone": "0551234567"}, format="json"
    )

    assert (hidden.status_code, hidden.json()["code"]) == (404, "booking_not_found")
    assert (on_behalf.status_code, on_behalf.json()["code"]) == (403, "not_allowed")
