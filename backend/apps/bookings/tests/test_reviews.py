from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.bookings import services
from apps.bookings.models import Booking, BookingStatus, Review
from apps.salons.models import Salon
from apps.salons.tests.factories import make_salon, make_staff

from .conftest import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def completed(book, manager, customer):
    """A completed booking of `customer` (created on their behalf, then moved into the past)."""

    def _completed(hhmm: str = "10:00", owner=None):
        owner = owner or customer
        booking = book(hhmm, actor=manager, customer_phone=owner.phone_number)
        past = timezone.now() - timedelta(days=1)
        Booking.objects.filter(pk=booking.pk).update(
            start=past, end=past + timedelta(hours=1), blocked_until=past + timedelta(hours=1)
        )
        return services.booking_complete(booking_id=booking.pk, actor=manager)

    return _completed


def test_customer_reviews_a_completed_booking_and_the_salon_rating_updates(completed, customer, salon):
    booking = completed()

    response = client_for(customer).post(
        f"/api/bookings/{booking.pk}/review/", {"rating": 4, "comment": " Lovely "}, format="json"
    )

    assert response.status_code == 201
    review = Review.objects.get()
    assert response.json() == {
        "id": review.pk,
        "rating": 4,
        "comment": "Lovely",
        "customer_first_name": "Noura",
        "service_name": booking.service.name,
        "created_at": response.json()["created_at"],
    }
    salon.refresh_from_db()
    assert (salon.rating_average, salon.rating_count) == (Decimal("4.00"), 1)


def test_salon_rating_is_the_rounded_average_of_all_reviews(completed, salon):
    ratings = [5, 4, 4]
    for index, rating in enumerate(ratings):
        owner = make_user()
        booking = completed(f"{10 + index}:00", owner=owner)
        services.review_create(booking_id=booking.pk, actor=owner, rating=rating)

    salon.refresh_from_db()
    assert (salon.rating_average, salon.rating_count) == (Decimal("4.33"), 3)


def test_a_booking_is_reviewed_only_once(completed, customer, salon):
    booking = completed()
    client = client_for(customer)
    client.post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json")

    response = client.post(f"/api/bookings/{booking.pk}/review/", {"rating": 1}, format="json")

    assert (response.status_code, response.json()["code"]) == (409, "already_reviewed")
    salon.refresh_from_db()
    assert (salon.rating_average, salon.rating_count) == (Decimal("5.00"), 1)


def test_only_completed_bookings_can_be_reviewed(book, customer, salon):
    booking = book("10:00")

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json")

    assert (response.status_code, response.json()["code"]) == (400, "booking_not_completed")
    assert Review.objects.count() == 0
    assert Salon.objects.get(pk=salon.pk).rating_count == 0


def test_the_salon_cannot_review_its_own_booking(completed, manager):
    booking = completed()

    response = client_for(manager).post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json")

    assert (response.status_code, response.json()["code"]) == (403, "not_allowed")
    assert Review.objects.count() == 0


@pytest.mark.parametrize("rating", [0, 6, "five", None])
def test_rating_must_be_one_to_five(completed, customer, rating):
    booking = completed()

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/review/", {"rating": rating}, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["rating"]
    assert Review.objects.count() == 0


def test_completed_booking_offers_review_until_reviewed(completed, customer):
    booking = completed()
    client = client_for(customer)

    before = client.get(f"/api/bookings/{booking.pk}/").json()["allowed_actions"]
    client.post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json")
    after = client.get(f"/api/bookings/{booking.pk}/").json()["allowed_actions"]

    assert (before, after) == (["review"], [])


def test_public_review_list_is_newest_first_with_first_names_only(completed, salon, api_client):
    first_owner = make_user(first_name="Amal", last_name="Alharbi")
    second_owner = make_user(first_name="Dana", last_name="Alqahtani")
    first = completed("10:00", owner=first_owner)
    second = completed("12:00", owner=second_owner)
    services.review_create(booking_id=first.pk, actor=first_owner, rating=3, comment="OK")
    services.review_create(booking_id=second.pk, actor=second_owner, rating=5, comment="Great")

    response = api_client.get(f"/api/salons/{salon.pk}/reviews/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [(item["customer_first_name"], item["rating"], item["comment"]) for item in body["results"]] == [
        ("Dana", 5, "Great"),
        ("Amal", 3, "OK"),
    ]
    assert "Alqahtani" not in response.content.decode()
    assert set(body["results"][0]) == {"id", "rating", "comment", "customer_first_name", "service_name", "created_at"}


def test_reviews_of_an_unknown_or_inactive_salon_are_404(salon, api_client):
    salon.is_active = False
    salon.save()

    assert api_client.get(f"/api/salons/{salon.pk}/reviews/").json()["code"] == "salon_not_found"
    assert api_client.get("/api/salons/999999/reviews/").status_code == 404


def test_review_status_stays_completed(completed, customer):
    booking = completed()

    services.review_create(booking_id=booking.pk, actor=customer, rating=5)

    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.COMPLETED


def _review(user, booking):
    return client_for(user).post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json")


def test_a_manager_cannot_review_a_booking_of_their_own_salon_made_for_themselves(completed, manager, salon):
    booking = completed(owner=manager)

    response = _review(manager, booking)

    assert response.status_code == 403
    assert response.json()["code"] == "staff_cannot_review"
    assert "review" not in client_for(manager).get(f"/api/bookings/{booking.pk}/").json()["allowed_actions"]
    assert Review.objects.count() == 0
    salon.refresh_from_db()
    assert salon.rating_count == 0


def test_the_booked_stylist_cannot_review_their_own_booking(completed, stylist_user):
    booking = completed(owner=stylist_user)

    response = _review(stylist_user, booking)

    assert (response.status_code, response.json()["code"]) == (403, "staff_cannot_review")
    assert Review.objects.count() == 0


def test_another_stylist_of_the_salon_even_inactive_cannot_review_it(completed, salon):
    colleague = make_user(first_name="Reem")
    make_staff(salon, user=colleague, is_active=False)
    booking = completed(owner=colleague)

    response = _review(colleague, booking)

    assert (response.status_code, response.json()["code"]) == (403, "staff_cannot_review")
    assert "review" not in client_for(colleague).get(f"/api/bookings/{booking.pk}/").json()["allowed_actions"]
    assert Review.objects.count() == 0


def test_staff_of_another_salon_may_review_as_a_customer(completed):
    elsewhere = make_user(first_name="Dana")
    make_staff(make_salon(), user=elsewhere)
    booking = completed(owner=elsewhere)

    assert "review" in client_for(elsewhere).get(f"/api/bookings/{booking.pk}/").json()["allowed_actions"]
    assert _review(elsewhere, booking).status_code == 201
