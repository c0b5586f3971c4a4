from datetime import timedelta

import pytest

from apps.bookings import services
from apps.core.phone_mask import mask_phone_number
from apps.salons.tests.factories import add_time_off, make_salon, make_staff

from .conftest import at, client_for, work_every_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked_day(service, stylist, customer, other_customer, day):
    """Two bookings on `day` (10:00 and 14:00) and a cancelled one (12:00)."""
    first = services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00"))
    cancelled = services.booking_create(
        actor=other_customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "12:00")
    )
    services.booking_cancel(booking_id=cancelled.pk, actor=other_customer)
    second = services.booking_create(
        actor=other_customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "14:00")
    )
    return first, second


def test_stylist_sees_their_day_with_bookings_and_free_gaps(booked_day, stylist, stylist_user, customer, day):
    first, second = booked_day
    add_time_off(stylist, at(day, "17:00"), at(day, "18:00"))

    response = client_for(stylist_user).get(f"/api/staff/schedule/?date={day.isoformat()}")

    assert response.status_code == 200
    body = response.json()
    assert (body["date"], body["timezone"], body["staff"]) == (
        day.isoformat(),
        "Asia/Riyadh",
        {"id": stylist.pk, "display_name": "Hessa"},
    )
    assert [item["id"] for item in body["bookings"]] == [first.pk, second.pk]
    assert body["bookings"][0]["customer"] == {
        "id": customer.pk,
        "first_name": "Noura",
        "phone_number": mask_phone_number(customer.phone_number),  # whole on the day itself only
    }
    assert body["bookings"][0]["allowed_actions"] == ["cancel", "reschedule", "confirm"]
    d = day.isoformat()
    assert body["free_gaps"] == [
        {"start": f"{d}T09:00:00+03:00", "end": f"{d}T10:00:00+03:00"},
        {"start": f"{d}T11:00:00+03:00", "end": f"{d}T14:00:00+03:00"},
        {"start": f"{d}T15:00:00+03:00", "end": f"{d}T17:00:00+03:00"},
        {"start": f"{d}T18:00:00+03:00", "end": f"{d}T21:00:00+03:00"},
    ]


def test_schedule_defaults_to_today(stylist, stylist_user, day):
    response = client_for(stylist_user).get("/api/staff/schedule/")

    assert response.status_code == 200
    assert response.json()["date"] == (day - timedelta(days=3)).isoformat()


def test_manager_sees_a_stylist_of_their_salon(booked_day, stylist, manager, day):
    response = client_for(manager).get(f"/api/staff/schedule/?date={day.isoformat()}&staff={stylist.pk}")

    assert response.status_code == 200
    assert len(response.json()["bookings"]) == 2


def test_manager_without_staff_parameter_is_told_to_choose(manager):
    response = client_for(manager).get("/api/staff/schedule/")

    assert (response.status_code, response.json()["code"]) == (400, "staff_required")


def test_stylists_of_other_salons_are_404(stylist, manager, stylist_user):
    elsewhere = make_salon()
    foreign = make_staff(elsewhere)

    for user in (manager, stylist_user):
        response = client_for(user).get(f"/api/staff/schedule/?staff={foreign.pk}")
        assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")


def test_a_stylist_cannot_look_at_a_colleagues_day(stylist, stylist_user, salon, service):
    colleague = make_staff(salon, services=[service])

    response = client_for(stylist_user).get(f"/api/staff/schedule/?staff={colleague.pk}")

    assert response.status_code == 404


def test_customers_cannot_see_schedules(customer, stylist):
    response = client_for(customer).get(f"/api/staff/schedule/?staff={stylist.pk}")

    assert (response.status_code, response.json()["code"]) == (403, "not_allowed")


@pytest.mark.parametrize("query", ["date=2025-02-30", "date=today", "staff=abc", f"staff={2**70}"])
def test_bad_schedule_parameters_are_400(stylist_user, stylist, query):
    assert client_for(stylist_user).get(f"/api/staff/schedule/?{query}").status_code == 400


def test_staff_me_for_a_stylist_a_manager_and_a_customer(stylist, stylist_user, manager, salon, service, customer):
    inactive = make_staff(salon, services=[service], is_active=False)
    second = make_staff(salon, services=[service], display_name="Lama")
    work_every_day(second)

    stylist_view = client_for(stylist_user).get("/api/staff/me/").json()
    manager_view = client_for(manager).get("/api/staff/me/").json()
    customer_view = client_for(customer).get("/api/staff/me/").json()

    assert stylist_view == {
        "staff_member": {
            "id": stylist.pk,
            "display_name": "Hessa",
            "salon": {"id": salon.pk, "name": salon.name, "timezone": "Asia/Riyadh"},
        },
        "managed_salons": [],
    }
    assert manager_view == {
        "staff_member": None,
        "managed_salons": [
            {
                "id": salon.pk,
                "name": salon.name,
                "staff": [{"id": stylist.pk, "display_name": "Hessa"}, {"id": second.pk, "display_name": "Lama"}],
            }
        ],
    }
    assert inactive.pk not in [member["id"] for member in manager_view["managed_salons"][0]["staff"]]
    assert customer_view == {"staff_member": None, "managed_salons": []}


def test_anonymous_gets_401_on_staff_endpoints(api_client):
    assert api_client.get("/api/staff/me/").status_code == 401
    assert api_client.get("/api/staff/schedule/").status_code == 401
