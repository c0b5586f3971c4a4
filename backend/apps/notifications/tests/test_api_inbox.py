"""The in-app inbox: one's own notifications only, newest first, read marks."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import client_for
from apps.notifications.models import Notification, NotificationStatus

pytestmark = pytest.mark.django_db

LIST_URL = "/api/notifications/"


def signed_in(user) -> APIClient:
    """A client with a real access token, so the API answers in the user's preferred language."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


def read_url(notification_id) -> str:
    return f"/api/notifications/{notification_id}/read/"


@pytest.fixture
def inbox(book, clock, customer, manager):
    """The customer's booking was created, then confirmed a minute later."""
    booking = book()
    clock.advance(minutes=1)
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    return booking


def test_the_inbox_lists_my_messages_newest_first(inbox, customer):
    created, confirmed = Notification.objects.filter(recipient=customer).order_by("pk")

    response = client_for(customer).get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert body["results"] == [
        {
            "id": confirmed.pk,
            "event": "confirmed",
            "title": "تم تأكيد الحجز",
            "body": confirmed.body,
            "booking": {"id": inbox.pk, "reference": inbox.reference},
            "created_at": "2026-03-01T12:01:00+03:00",
            "read_at": None,
            "is_read": False,
        },
        {
            "id": created.pk,
            "event": "created",
            "title": "تم استلام طلب الحجز",
            "body": created.body,
            "booking": {"id": inbox.pk, "reference": inbox.reference},
            "created_at": "2026-03-01T12:00:00+03:00",
            "read_at": None,
            "is_read": False,
        },
    ]


def test_titles_follow_the_readers_language(inbox, customer):
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])

    titles = [item["title"] for item in signed_in(customer).get(LIST_URL).json()["results"]]

    assert titles == ["Booking confirmed", "Booking request received"]


def test_the_stylist_sees_only_their_own(inbox, stylist_user):
    results = signed_in(stylist_user).get(LIST_URL).json()["results"]

    assert [(item["event"], item["title"]) for item in results] == [("created", "New booking")]


def test_the_inbox_is_paginated(inbox, customer):
    response = client_for(customer).get(LIST_URL, {"page_size": 1, "page": 2})

    body = response.json()
    assert (body["count"], len(body["results"]), body["results"][0]["event"]) == (2, 1, "created")
    assert body["next"] is None


def test_skipped_reminders_never_reach_the_inbox(inbox, customer):
    Notification.objects.filter(recipient=customer, event="confirmed").update(status=NotificationStatus.SKIPPED)

    events = [item["event"] for item in client_for(customer).get(LIST_URL).json()["results"]]

    assert events == ["created"]
    assert client_for(customer).get("/api/notifications/unread-count/").json() == {"count": 1}


def test_listing_takes_the_same_number_of_queries_however_many_messages(book, clock, customer, manager):
    booking = book()
    client = client_for(customer)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST_URL)
    for _ in range(5):
        clock.advance(minutes=1)
        booking_services.booking_reschedule(
            booking_id=booking.pk, actor=manager, start=booking.start + timedelta(minutes=15)
        )
        booking.refresh_from_db()

    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST_URL)

    assert response.json()["count"] == 6
    assert len(many) == len(few)


def test_unread_count_and_marking_one_read(inbox, customer, clock):
    client = client_for(customer)
    notification = Notification.objects.filter(recipient=customer).first()

    assert client.get("/api/notifications/unread-count/").json() == {"count": 2}
    clock.advance(minutes=5)
    first = client.post(read_url(notification.pk))
    clock.advance(minutes=5)
    again = client.post(read_url(notification.pk))

    assert first.status_code == 200
    assert first.json()["read_at"] == "2026-03-01T12:06:00+03:00"
    assert first.json()["is_read"] is True
    assert again.json()["read_at"] == "2026-03-01T12:06:00+03:00"  # the first read time is kept
    assert client.get("/api/notifications/unread-count/").json() == {"count": 1}


def test_mark_all_read(inbox, customer, stylist_user):
    client = client_for(customer)

    first = client.post("/api/notifications/read-all/")
    second = client.post("/api/notifications/read-all/")

    assert (first.status_code, first.json()) == (200, {"updated": 2})
    assert second.json() == {"updated": 0}
    assert client.get("/api/notifications/unread-count/").json() == {"count": 0}
    assert Notification.objects.filter(recipient=stylist_user, read_at__isnull=True).count() == 1


@pytest.mark.parametrize("notification_id", ["someone_elses", 999999, 2**63, 10**30])
def test_someone_elses_or_an_unknown_notification_is_not_found(inbox, customer, stylist_user, notification_id):
    if notification_id == "someone_elses":
        notification_id = Notification.objects.get(recipient=stylist_user).pk

    response = client_for(customer).post(read_url(notification_id))

    assert response.status_code == 404
    assert response.json()["code"] == "notification_not_found"
    assert Notification.objects.filter(read_at__isnull=False).count() == 0


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", LIST_URL),
        ("get", "/api/notifications/unread-count/"),
        ("post", "/api/notifications/read-all/"),
        ("post", "/api/notifications/1/read/"),
    ],
)
def test_the_inbox_needs_a_signed_in_user(api_client, method, url):
    response = getattr(api_client, method)(url)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
