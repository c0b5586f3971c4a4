from datetime import timedelta

import pytest
from rest_framework.test import APIClient

from apps.waitlist.models import EntryStatus, WaitlistEntry
from apps.waitlist.offers import waitlist_offer_run

from .conftest import cancel, client_for, make_user

pytestmark = pytest.mark.django_db


def _join_payload(salon, service, day, **overrides) -> dict:
    return {"salon": salon.pk, "service": service.pk, "date_from": str(day), "date_to": str(day), **overrides}


def test_a_customer_joins_and_sees_the_entry_with_its_place_in_line(salon, service, stylist, day, line, customer):
    line()  # someone joined before
    client = client_for(customer)

    response = client.post(
        "/api/waitlist/",
        _join_payload(salon, service, day, staff=stylist.pk, time_from="10:00", time_to="12:00"),
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["salon"] == {"id": salon.pk, "name": salon.name}
    assert body["service"] == {"id": service.pk, "name": service.name}
    assert body["staff"] == {"id": stylist.pk, "display_name": "Hessa"}
    assert (body["date_from"], body["date_to"], body["time_from"], body["time_to"]) == (
        str(day),
        str(day),
        "10:00",
        "12:00",
    )
    assert (body["status"], body["position"], body["offer"]) == ("waiting", 2, None)
    listed = client.get("/api/waitlist/").json()
    assert [entry["id"] for entry in listed] == [body["id"]]


def test_joining_twice_for_the_same_window_is_a_conflict(salon, service, day, customer):
    client = client_for(customer)
    assert client.post("/api/waitlist/", _join_payload(salon, service, day), format="json").status_code == 201

    response = client.post("/api/waitlist/", _join_payload(salon, service, day), format="json")

    assert (response.status_code, response.json()["code"]) == (409, "waitlist_already_waiting")
    assert WaitlistEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        ({"time_from": "12:00", "time_to": "10:00"}, 400, "invalid"),
        ({"time_from": "10:00"}, 400, "invalid"),
        ({"date_from": "2020-01-01"}, 400, "waitlist_invalid_window"),
        ({"date_to": "2099-01-01"}, 400, "waitlist_invalid_window"),
    ],
)
def test_a_bad_window_is_refused(salon, service, day, customer, overrides, status, code):
    response = client_for(customer).post(
        "/api/waitlist/", _join_payload(salon, service, day, **overrides), format="json"
    )

    assert (response.status_code, response.json()["code"]) == (status, code)
    assert WaitlistEntry.objects.count() == 0


def test_the_service_must_be_the_salons_and_the_stylist_must_offer_it(salon, service, stylist, day, customer):
    from apps.salons.tests.factories import make_salon, make_service, make_staff

    other_service = make_service(make_salon())
    idle = make_staff(salon)
    client = client_for(customer)

    wrong_service = client.post("/api/waitlist/", _join_payload(salon, other_service, day), format="json")
    wrong_stylist = client.post("/api/waitlist/", _join_payload(salon, service, day, staff=idle.pk), format="json")
    salon.is_active = False
    salon.save()
    inactive = client.post("/api/waitlist/", _join_payload(salon, service, day), format="json")

    assert wrong_service.json()["code"] == "waitlist_service_not_found"
    assert wrong_stylist.json()["code"] == "waitlist_staff_not_found"
    assert inactive.json()["code"] == "waitlist_salon_not_found"
    assert WaitlistEntry.objects.count() == 0


def test_leaving_by_path_or_query(line, customer):
    first, second = line(customer), line(customer, date_to=line().date_to + timedelta(days=1))
    client = client_for(customer)

    assert client.delete(f"/api/waitlist/{first.pk}/").status_code == 204
    assert client.delete(f"/api/waitlist/?id={second.pk}").status_code == 204

    assert set(WaitlistEntry.objects.filter(customer=customer).values_list("status", flat=True)) == {"left"}


def test_another_customers_entry_is_not_found(line, customer):
    entry = line()

    path = client_for(customer).delete(f"/api/waitlist/{entry.pk}/")
    query = client_for(customer).delete(f"/api/waitlist/?id={entry.pk}")

    assert (path.status_code, path.json()["code"]) == (404, "waitlist_entry_not_found")
    assert query.status_code == 404
    entry.refresh_from_db()
    assert entry.status == EntryStatus.WAITING


def test_stylists_and_managers_are_refused(salon, service, day, manager, line):
    entry = line()
    client = client_for(manager)

    answers = [
        client.get("/api/waitlist/"),
        client.post("/api/waitlist/", _join_payload(salon, service, day), format="json"),
        client.delete(f"/api/waitlist/{entry.pk}/"),
        client.get("/api/waitlist/offers/1/"),
        client.post("/api/waitlist/offers/1/accept/"),
    ]

    assert {(answer.status_code, answer.json()["code"]) for answer in answers} == {(403, "waitlist_customers_only")}


def test_signing_in_is_required():
    assert APIClient().get("/api/waitlist/").status_code == 401


def test_the_offer_page_shows_the_held_time_and_books_it(full_day, line, day):
    entry = line()
    cancel(full_day[0])
    waitlist_offer_run()
    client = client_for(entry.customer)

    listed = client.get("/api/waitlist/").json()[0]
    booking_id = listed["offer"]["booking"]
    offer = client.get(f"/api/waitlist/offers/{booking_id}/").json()
    taken = client.post(f"/api/waitlist/offers/{booking_id}/accept/")

    assert listed["status"] == "offered"
    assert listed["position"] is None
    assert listed["offer"]["url"].endswith(f"/waitlist/offers/{booking_id}")
    assert (offer["outcome"], offer["start"], offer["requires_payment"]) == (
        "open",
        full_day[0].start.isoformat(),
        False,
    )
    assert taken.status_code == 200
    assert (taken.json()["outcome"], taken.json()["booking_status"]) == ("booked", "confirmed")
    assert client.get("/api/waitlist/").json()[0]["status"] == "booked"


def test_another_customers_offer_is_not_found_and_a_closed_one_cannot_be_taken(full_day, line):
    entry = line()
    cancel(full_day[0])
    waitlist_offer_run()
    booking_id = entry.offers.get().booking_id
    stranger = client_for(make_user())

    assert stranger.get(f"/api/waitlist/offers/{booking_id}/").status_code == 404
    assert stranger.post(f"/api/waitlist/offers/{booking_id}/decline/").json()["code"] == "waitlist_offer_not_found"
    owner = client_for(entry.customer)
    assert owner.post(f"/api/waitlist/offers/{booking_id}/decline/").json()["outcome"] == "declined"
    closed = owner.post(f"/api/waitlist/offers/{booking_id}/accept/")
    assert (closed.status_code, closed.json()["code"]) == (409, "waitlist_offer_closed")
