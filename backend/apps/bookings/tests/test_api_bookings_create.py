"""Booking through the API: the booking answered, on behalf of a customer, input and refusals."""

from datetime import UTC, timedelta

import pytest

from apps.bookings.models import Booking

from .conftest import at, client_for, make_user

pytestmark = pytest.mark.django_db


def _payload(service, stylist, day, hhmm="10:00", **extra) -> dict:
    return {"service": service.pk, "staff": stylist.pk, "start": at(day, hhmm).isoformat(), **extra}


def test_customer_books_and_gets_the_full_booking(service, stylist, customer, day, salon):
    response = client_for(customer).post(
        "/api/bookings/", _payload(service, stylist, day, note="First visit"), format="json"
    )

    assert response.status_code == 201
    body = response.json()
    booking = Booking.objects.get()
    assert body == {
        "id": booking.pk,
        "reference": booking.reference,
        "status": "pending",
        "salon": {"id": salon.pk, "name": salon.name, "timezone": "Asia/Riyadh"},
        "service": {"id": service.pk, "name": service.name, "duration_minutes": 60},
        "staff": {"id": stylist.pk, "display_name": "Hessa"},
        "start": f"{day.isoformat()}T10:00:00+03:00",
        "end": f"{day.isoformat()}T11:00:00+03:00",
        "price": {"amount": 11500, "currency": "SAR", "vat_amount": 1500},
        "hold_expires_at": None,
        "note": "First visit",
        "customer": {"id": customer.pk, "first_name": "Noura", "phone_number": customer.phone_number},
        "cancellation": None,
        "cancellation_deadline": f"{(day - timedelta(days=1)).isoformat()}T10:00:00+03:00",
        "created_at": booking.created_at.astimezone(salon.tz).isoformat(),
        "allowed_actions": ["cancel", "reschedule"],
        "payment": None,
        "no_show_policy": {"policy": "none", "online_amount": 0, "pay_at_salon": 0, "fee_amount": 0, "text": ""},
    }


@pytest.mark.parametrize("on_behalf", [False, True])
def test_the_answer_is_the_booking_as_read_back(service, stylist, stylist_user, customer, day, on_behalf):
    # Given the creation's answer, built from what the request already holds
    if on_behalf:
        caller = stylist_user
        payload = _payload(service, stylist, day, customer_phone="+966551234567", customer_name="Reem")
    else:
        caller, payload = customer, _payload(service, stylist, day)
    created = client_for(caller).post("/api/bookings/", payload, format="json")
    assert created.status_code == 201

    # When the booking is read back / Then it is the same booking in every field
    read = client_for(caller).get(f"/api/bookings/{created.json()['id']}/")
    assert read.status_code == 200
    assert created.json() == read.json()


def test_times_are_answered_in_the_salons_zone_whatever_the_offset_sent(service, stylist, customer, day):
    start_utc = at(day, "10:00").astimezone(UTC)

    response = client_for(customer).post(
        "/api/bookings/", {"service": service.pk, "start": start_utc.isoformat().replace("+00:00", "Z")}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["start"] == f"{day.isoformat()}T10:00:00+03:00"
    assert response.json()["staff"]["id"] == stylist.pk


def test_prepayment_booking_offers_pay_and_shows_the_hold(service, stylist, customer, day, salon):
    salon.requires_prepayment = True
    salon.save()

    response = client_for(customer).post("/api/bookings/", _payload(service, stylist, day), format="json")

    body = response.json()
    assert body["status"] == "pending"
    assert body["hold_expires_at"] is not None
    assert body["allowed_actions"] == ["cancel", "reschedule", "pay"]


def test_staff_books_on_behalf_and_sees_salon_actions(service, stylist, stylist_user, day):
    response = client_for(stylist_user).post(
        "/api/bookings/",
        _payload(service, stylist, day, customer_phone="٠٥٥١٢٣٤٥٦٧", customer_name="Reem"),
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["customer"]["first_name"] == "Reem"
    assert body["customer"]["phone_number"] == "+9665•••••567"  # not today: the salon sees it masked
    assert body["allowed_actions"] == ["cancel", "reschedule"]  # complete and no-show come after the start


def test_naive_start_is_a_field_error(service, stylist, customer, day):
    payload = _payload(service, stylist, day)
    payload["start"] = at(day, "10:00").replace(tzinfo=None).isoformat()

    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "naive"
    assert list(response.json()["errors"]) == ["start"]
    assert Booking.objects.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"service": "abc", "start": "2030-01-01T10:00:00+03:00"},
        {"service": 2**70, "start": "2030-01-01T10:00:00+03:00"},
        {"service": 1, "start": "tomorrow"},
        {"service": 1, "start": "9999-12-31T23:59:59-12:00"},
        {"service": 1, "start": "2030-01-01T10:00:00+03:00", "note": "x" * 501},
        {"service": 1, "start": "2030-01-01T10:00:00+03:00", "staff": -1},
    ],
)
def test_malformed_create_input_is_400(customer, payload):
    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 400
    assert "errors" in response.json()


def test_unknown_service_is_404(customer, day):
    response = client_for(customer).post(
        "/api/bookings/", {"service": 987654, "start": at(day, "10:00").isoformat()}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "service_not_found"


def test_anonymous_cannot_book(api_client, service, stylist, day):
    response = api_client.post("/api/bookings/", _payload(service, stylist, day), format="json")

    assert response.status_code == 401
    assert Booking.objects.count() == 0


def test_taken_slot_is_409_with_code(api_book, service, stylist, day):
    api_book("10:00")

    response = client_for(make_user()).post("/api/bookings/", _payload(service, stylist, day), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "slot_unavailable"
    assert response.json()["detail"]


def test_customer_phone_from_a_customer_is_403(service, stylist, customer, day):
    response = client_for(customer).post(
        "/api/bookings/", _payload(service, stylist, day, customer_phone="0551234567"), format="json"
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"


def test_errors_are_in_arabic_by_default_and_english_on_request(service, stylist, day):
    unverified = make_user(verified=False)
    client = client_for(unverified)

    arabic = client.post("/api/bookings/", _payload(service, stylist, day), format="json")
    english = client.post("/api/bookings/", _payload(service, stylist, day), format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert arabic.json()["code"] == english.json()["code"] == "phone_not_verified"
    assert english.json()["detail"] == "Verify your phone number before booking."
    assert arabic.json()["detail"] != english.json()["detail"]
