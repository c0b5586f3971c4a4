"""Real threads against the real database: concurrent webhook deliveries, a webhook racing the return
page, a repeat of a payment request while the first is still running, and a second attempt (another
key) at paying the booking meanwhile."""

import json
import re
import threading
from collections import Counter

import pytest
from django.db import connection

from apps.bookings.models import BookingStatus
from apps.core.tests.concurrency import race
from apps.payments.models import Payment, PaymentStatus

from .conftest import MOYASAR, client_for, make_payment, moyasar_payment, pay, sent
from .test_webhooks import envelope

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


def test_six_concurrent_deliveries_of_one_event_change_state_once_and_notify_once(
    api_client, moyasar, booking, notifications
):
    payment = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )
    body = envelope(payment.id, event_id="evt-concurrent")

    def deliver():
        response = api_client.post("/api/payments/webhook/", body, format="json")
        return response.status_code, response.json()["status"]

    results = race([deliver] * 6)

    assert Counter(results) == {(200, "processed"): 1, (200, "duplicate"): 5}
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, booking.status) == (PaymentStatus.PAID, BookingStatus.CONFIRMED)
    assert payment.events.filter(kind="status_changed").count() == 1
    assert len(sent(notifications, "payment_received")) == 1


def test_a_webhook_racing_the_return_page_confirms_once(api_client, moyasar, booking, customer, notifications):
    payment = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    def webhook():
        return api_client.post("/api/payments/webhook/", envelope(payment.id), format="json").status_code

    def refresh():
        return client_for(customer).post(f"/api/payments/{payment.id}/refresh/").status_code

    results = race([webhook, refresh] * 3)

    assert results == [200] * 6
    assert payment.events.filter(kind="status_changed").count() == 1
    assert len(sent(notifications, "payment_received")) == 1
    assert len([call for call in notifications if call["event"] == "confirmed"]) == 1


def test_a_repeat_while_the_first_request_runs_is_409_and_moyasar_is_called_once(moyasar, booking, customer):
    entered, release = threading.Event(), threading.Event()

    def moyasar_create(request):
        entered.set()
        release.wait(timeout=30)
        body = json.loads(request.body)
        return 201, {}, json.dumps(moyasar_payment(body["given_id"], metadata=body["metadata"]))

    moyasar.add_callback("POST", f"{MOYASAR}/payments", callback=moyasar_create, content_type="application/json")
    first: dict = {}

    def run_first() -> None:
        try:
            first["response"] = pay(client_for(customer), booking.pk, key="same")
        finally:
            connection.close()

    thread = threading.Thread(target=run_first)
    thread.start()
    assert entered.wait(timeout=30)
    second = pay(client_for(customer), booking.pk, key="same")
    release.set()
    thread.join(timeout=60)
    replay = pay(client_for(customer), booking.pk, key="same")

    assert (second.status_code, second.json()["code"]) == (409, "idempotency_in_progress")
    assert first["response"].status_code == 201
    assert (replay.status_code, replay.content) == (201, first["response"].content)
    assert Payment.objects.count() == 1
    assert len(moyasar.calls) == 1


def test_a_second_key_while_the_first_payment_is_being_created_is_409_and_moyasar_creates_one(
    moyasar, booking, customer
):
    entered, release = threading.Event(), threading.Event()

    def moyasar_create(request):
        entered.set()
        release.wait(timeout=30)
        body = json.loads(request.body)
        return 201, {}, json.dumps(moyasar_payment(body["given_id"], status="paid", metadata=body["metadata"]))

    moyasar.add_callback("POST", f"{MOYASAR}/payments", callback=moyasar_create, content_type="application/json")
    not_found = json.dumps({"type": "api_error", "message": "Object not found", "errors": None})
    moyasar.add_callback("GET", re.compile(f"{MOYASAR}/payments/.+"), callback=lambda request: (404, {}, not_found))
    first: dict = {}

    def run_first() -> None:
        try:
            first["response"] = pay(client_for(customer), booking.pk, key="first-tab")
        finally:
            connection.close()

    thread = threading.Thread(target=run_first)
    thread.start()
    assert entered.wait(timeout=30)
    second = pay(client_for(customer), booking.pk, key="second-tab")
    release.set()
    thread.join(timeout=60)

    payment = Payment.objects.get()
    assert (second.status_code, second.json()["code"], second.json()["payment"]) == (
        409,
        "payment_in_progress",
        str(payment.id),
    )
    assert (first["response"].status_code, first["response"].json()["status"]) == (201, "paid")
    assert [call.request.method for call in moyasar.calls].count("POST") == 1
