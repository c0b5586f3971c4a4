import pytest
from django.urls import reverse

from apps.bookings.models import Booking, BookingEvent, BookingStatus, CancelledByRole

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    admin = make_user(is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.admin = admin
    return client


def test_admin_lists_and_searches_bookings(admin_client, book):
    booking = book("10:00")

    listing = admin_client.get(reverse("admin:bookings_booking_changelist"), {"q": booking.reference})
    detail = admin_client.get(reverse("admin:bookings_booking_change", args=[booking.pk]))

    assert listing.status_code == 200
    assert booking.reference in listing.content.decode()
    assert detail.status_code == 200


def test_admin_cancels_with_a_reason_through_the_service(admin_client, book):
    booking = book("10:00")

    response = admin_client.post(
        reverse("admin:bookings_booking_changelist"),
        {"action": "cancel_bookings", "_selected_action": [booking.pk], "reason": "Duplicate booking"},
    )

    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert (booking.cancelled_by, booking.cancelled_by_role) == (admin_client.admin, CancelledByRole.ADMIN)
    assert booking.cancellation_reason == "Duplicate booking"
    assert BookingEvent.objects.filter(booking=booking, to_status=BookingStatus.CANCELLED).count() == 1


def test_admin_cancel_without_a_reason_changes_nothing(admin_client, book):
    booking = book("10:00")

    admin_client.post(
        reverse("admin:bookings_booking_changelist"),
        {"action": "cancel_bookings", "_selected_action": [booking.pk], "reason": ""},
    )

    assert Booking.objects.get().status == BookingStatus.PENDING


def test_review_admin_pages_load(admin_client):
    assert admin_client.get(reverse("admin:bookings_review_changelist")).status_code == 200
