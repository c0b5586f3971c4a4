"""The whole journey offline, through the API and the fake gateway's page: book → pay → return →
confirmed → cancel within the policy → refunded."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from .conftest import PRICE, at, pay, sent

pytestmark = pytest.mark.django_db


def test_book_pay_return_confirmed_cancel_refunded(
    customer_client, service, stylist, day, notifications, django_capture_on_commit_callbacks
):
    # Book: a prepayment salon holds the time while the customer pays.
    booked = customer_client.post(
        "/api/bookings/",
        {"service": service.pk, "staff": stylist.pk, "start": at(day, "10:00").isoformat()},
        format="json",
    )
    assert booked.status_code == 201
    booking = booked.json()
    assert (booking["status"], booking["allowed_actions"], booking["payment"]) == (
        "pending",
        ["cancel", "reschedule", "pay"],
        None,
    )

    # Pay: the SPA sends a source and follows the transaction URL.
    created = pay(customer_client, booking["id"], source={"type": "token", "token": "fake"})
    assert created.status_code == 201
    payment = created.json()
    assert (payment["status"], payment["amount"]) == ("initiated", PRICE)

    # The payer's page: the browser gets the form (and its CSRF cookie), then presses "Pay".
    browser = Client(enforce_csrf_checks=True)
    page_path = urlsplit(payment["transaction_url"]).path
    assert browser.get(page_path).status_code == 200
    returned = browser.post(page_path, {"action": "pay", "csrfmiddlewaretoken": browser.cookies["csrftoken"].value})
    assert returned.status_code == 302
    callback = urlsplit(returned["Location"])
    assert callback.path == "/payments/return"
    assert parse_qs(callback.query) == {"id": [payment["id"]], "status": ["paid"], "message": ["APPROVED"]}

    # Return: the SPA asks the server to check; the server asks the gateway.
    refreshed = customer_client.post(f"/api/payments/{payment['id']}/refresh/")
    assert (refreshed.status_code, refreshed.json()["status"]) == (200, "paid")
    confirmed = customer_client.get(f"/api/bookings/{booking['id']}/").json()
    assert confirmed["status"] == "confirmed"
    assert (confirmed["payment"]["status"], confirmed["payment"]["refunded_amount"]) == ("paid", 0)
    assert "pay" not in confirmed["allowed_actions"]

    # Cancel within the policy: refunded in full after the cancellation commits.
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = customer_client.post(f"/api/bookings/{booking['id']}/cancel/", {}, format="json")
    assert (cancelled.status_code, cancelled.json()["status"]) == (200, "cancelled")
    refunded = customer_client.get(f"/api/payments/{payment['id']}/").json()
    assert (refunded["status"], refunded["refunded_amount"]) == ("refunded", PRICE)
    assert customer_client.get(f"/api/bookings/{booking['id']}/").json()["payment"]["status"] == "refunded"
    assert [call["event"] for call in notifications] == [
        "created",
        "payment_received",
        "confirmed",
        "cancelled",
        "refund_issued",
    ]
    assert sent(notifications, "refund_issued")[0]["data"]["reason"] == "booking_cancelled"
