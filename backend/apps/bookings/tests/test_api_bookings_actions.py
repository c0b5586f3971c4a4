"""A booking and its actions through the API: who sees it (404 for anyone else, never 403), cancel,
reschedule, confirm, complete and no-show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.salons.tests.factories import make_staff

from .conftest import at, client_for, make_user

pytestmark = pytest.mark.django_db


def test_someone_elses_booking_is_404_for_every_endpoint(api_book, day):
    booking = api_book("10:00")
    stranger = client_for(make_user())

    responses = [
        stranger.get(f"/api/bookings/{booking.pk}/"),
        stranger.post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json"),
        stranger.post(
            f"/api/bookings/{booking.pk}/reschedule/", {"start": at(day, "12:00").isoformat()}, format="json"
        ),
        stranger.post(f"/api/bookings/{booking.pk}/confirm/"),
        stranger.post(f"/api/bookings/{booking.pk}/complete/"),
        stranger.post(f"/api/bookings/{booking.pk}/no-show/"),
        stranger.post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json"),
    ]

    assert [response.status_code for response in responses] == [404] * 7
    assert {response.json()["code"] for response in responses} == {"booking_not_found"}
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_stylist_of_another_booking_in_the_same_salon_gets_404(api_book, salon, service):
    other_user = make_user()
    make_staff(salon, services=[service], user=other_user)
    booking = api_book("10:00")

    assert client_for(other_user).get(f"/api/bookings/{booking.pk}/").status_code == 404


def test_unknown_and_huge_ids_are_404(customer):
    client = client_for(customer)

    assert client.get("/api/bookings/999999/").status_code == 404
    assert client.get(f"/api/bookings/{2**70}/").status_code == 404
    assert client.post(f"/api/bookings/{2**70}/cancel/", {}, format="json").status_code == 404


def test_customer_calling_a_salon_action_on_their_own_booking_is_403(api_book, customer):
    booking = api_book("10:00")

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/confirm/")

    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"


def test_detail_for_customer_stylist_and_manager(api_book, customer, stylist_user, manager):
    booking = api_book("10:00")

    bodies = [client_for(user).get(f"/api/bookings/{booking.pk}/").json() for user in (customer, stylist_user, manager)]

    assert [body["reference"] for body in bodies] == [booking.reference] * 3
    assert [body["allowed_actions"] for body in bodies] == [
        ["cancel", "reschedule"],
        ["cancel", "reschedule", "confirm"],
        ["cancel", "reschedule", "confirm"],
    ]


def test_customer_cancels_through_the_api(api_book, customer):
    booking = api_book("10:00")

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "cancelled"
    assert body["cancellation"]["cancelled_by_role"] == "customer"
    assert body["cancellation"]["reason"] == ""
    assert body["allowed_actions"] == []


def test_salon_cancel_without_reason_is_400_and_changes_nothing(api_book, manager):
    booking = api_book("10:00")

    response = client_for(manager).post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert Booking.objects.get().status == BookingStatus.PENDING
    assert BookingEvent.objects.count() == 1


def test_reschedule_through_the_api(api_book, customer, day):
    booking = api_book("10:00")

    response = client_for(customer).post(
        f"/api/bookings/{booking.pk}/reschedule/", {"start": at(day, "15:30").isoformat()}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["start"] == f"{day.isoformat()}T15:30:00+03:00"
    assert response.json()["end"] == f"{day.isoformat()}T16:30:00+03:00"


def test_reschedule_with_a_naive_start_is_400(api_book, customer, day):
    booking = api_book("10:00")

    response = client_for(customer).post(
        f"/api/bookings/{booking.pk}/reschedule/", {"start": f"{day.isoformat()}T15:30:00"}, format="json"
    )

    assert response.status_code == 400
    assert Booking.objects.get().start == at(day, "10:00")


def test_confirm_complete_and_no_show_through_the_api(api_book, stylist_user, manager):
    booking = api_book("10:00")

    confirmed = client_for(stylist_user).post(f"/api/bookings/{booking.pk}/confirm/")
    too_early = client_for(manager).post(f"/api/bookings/{booking.pk}/complete/")
    no_show_early = client_for(manager).post(f"/api/bookings/{booking.pk}/no-show/")

    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "confirmed"
    assert (too_early.status_code, too_early.json()["code"]) == (400, "not_started_yet")
    assert (no_show_early.status_code, no_show_early.json()["code"]) == (400, "not_started_yet")


def test_completed_booking_can_be_marked_only_once(api_book, manager):
    booking = api_book("10:00", actor=manager, customer_phone="0551234567")
    Booking.objects.filter(pk=booking.pk).update(
        start=timezone.now() - timedelta(hours=2),
        end=timezone.now() - timedelta(hours=1),
        blocked_until=timezone.now() - timedelta(hours=1),
    )
    client = client_for(manager)

    completed = client.post(f"/api/bookings/{booking.pk}/complete/")
    again = client.post(f"/api/bookings/{booking.pk}/no-show/")

    assert completed.json()["status"] == "completed"
    assert (again.status_code, again.json()["code"]) == (400, "invalid_transition")
