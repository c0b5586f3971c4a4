"""Moyasar's webhook: the shared secret, one processing per event, the payment fetched before acting."""

import logging
import uuid

import pytest
import requests

from apps.bookings.models import BookingStatus
from apps.payments.models import EventSource, PaymentEvent, PaymentStatus, Refund, RefundReason, RefundStatus

from .conftest import MOYASAR, PRICE, make_payment, moyasar_payment, sent

pytestmark = pytest.mark.django_db

SECRET = "whsec_test_salon"


def envelope(payment_id, *, event_type: str = "payment_paid", event_id: str | None = None, token: str = SECRET, **data):
    """A delivery as Moyasar sends it (docs section 1.11); `data` is the payment object."""
    return {
        "id": event_id or str(uuid.uuid4()),
        "type": event_type,
        "created_at": "2026-11-20T10:05:00.000Z",
        "secret_token": token,
        "account_name": "Salon",
        "live": False,
        "data": moyasar_payment(payment_id, **data) if payment_id else data,
    }


def deliver(api_client, body):
    return api_client.post("/api/payments/webhook/", body, format="json")


@pytest.fixture
def payment(booking):
    return make_payment(booking)


@pytest.fixture
def moyasar_says(moyasar, payment, booking):
    """Register what a fetch of the payment answers."""

    def _says(status: str, **kwargs):
        kwargs.setdefault("metadata", {"booking_id": str(booking.pk)})
        moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status=status, **kwargs))

    return _says


@pytest.mark.parametrize("token", ["wrong", "", None])
def test_a_wrong_or_missing_secret_is_401_and_nothing_is_recorded(api_client, moyasar, payment, token):
    body = envelope(payment.id, token=token)

    response = deliver(api_client, body)

    assert response.status_code == 401
    assert response.json()["code"] == "webhook_unauthorized"
    assert PaymentEvent.objects.filter(source=EventSource.WEBHOOK).count() == 0
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.INITIATED
    assert len(moyasar.calls) == 0


def test_paid_event_fetches_the_payment_and_confirms_the_booking(api_client, moyasar, moyasar_says, payment, booking):
    moyasar_says("paid")

    response = deliver(api_client, envelope(payment.id))

    assert (response.status_code, response.json()) == (200, {"status": "processed"})
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, booking.status) == (PaymentStatus.PAID, BookingStatus.CONFIRMED)
    stored = PaymentEvent.objects.get(provider_event_id__isnull=False)
    assert (stored.kind, stored.payment_id, stored.processed_at is not None) == ("payment_paid", payment.id, True)
    assert "secret_token" not in stored.data


def test_the_event_body_is_not_trusted_only_the_fetched_payment(api_client, moyasar_says, payment):
    moyasar_says("initiated")

    deliver(api_client, envelope(payment.id, status="paid"))

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.INITIATED


def test_the_same_event_six_times_changes_state_once_and_notifies_once(
    api_client, moyasar, moyasar_says, payment, notifications
):
    moyasar_says("paid")
    body = envelope(payment.id, event_id="evt-1")

    answers = [deliver(api_client, body).json()["status"] for _ in range(6)]

    assert answers == ["processed"] + ["duplicate"] * 5
    assert len(moyasar.calls) == 1
    assert payment.events.filter(kind="status_changed").count() == 1
    assert len(sent(notifications, "payment_received")) == 1


def test_a_late_failed_event_never_undoes_paid(api_client, moyasar, payment, booking):
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="paid"))
    deliver(api_client, envelope(payment.id, event_type="payment_paid"))

    response = deliver(api_client, envelope(payment.id, event_type="payment_failed", status="failed"))

    assert response.json() == {"status": "processed"}
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_an_early_failed_event_for_a_payment_moyasar_reports_paid_applies_paid(api_client, moyasar_says, payment):
    moyasar_says("paid")

    deliver(api_client, envelope(payment.id, event_type="payment_faild", status="failed"))

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID


def test_an_amount_mismatch_is_flagged_not_paid(api_client, moyasar_says, payment, booking, notifications):
    moyasar_says("paid", amount=100)

    response = deliver(api_client, envelope(payment.id, amount=100))

    assert response.status_code == 200
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, payment.flagged, booking.status) == (PaymentStatus.INITIATED, True, BookingStatus.PENDING)
    assert sent(notifications, "payment_received") == []


def test_verification_event_is_accepted_and_its_code_logged_for_the_operator(api_client, caplog, moyasar):
    body = envelope(None, event_type="webhook_verification", webhook_id="wh_1", verification_code="482913")

    with caplog.at_level(logging.WARNING, logger="apps.payments.webhooks"):
        response = deliver(api_client, body)

    assert (response.status_code, response.json()) == (200, {"status": "verification"})
    assert "482913" in caplog.text
    assert PaymentEvent.objects.get(kind="webhook_verification").data["data"] == {
        "webhook_id": "wh_1",
        "verification_code": "482913",
    }
    assert len(moyasar.calls) == 0


def test_events_about_payments_we_do_not_know_are_ignored(api_client, moyasar):
    response = deliver(api_client, envelope(uuid.uuid4()))

    assert response.json() == {"status": "ignored"}
    assert PaymentEvent.objects.get().payment_id is None
    assert len(moyasar.calls) == 0


@pytest.mark.parametrize(
    "body",
    [
        {"secret_token": SECRET, "type": "payment_paid", "data": {}},
        {"secret_token": SECRET, "id": "e", "type": "payment_paid", "data": "x"},
        {"secret_token": SECRET, "id": "e" * 101, "type": "payment_paid", "data": {}},
    ],
)
def test_a_malformed_envelope_is_400(api_client, body):
    response = deliver(api_client, body)

    assert (response.status_code, response.json()["code"]) == (400, "webhook_invalid")
    assert PaymentEvent.objects.count() == 0


def test_when_moyasar_cannot_be_asked_the_answer_is_502_and_the_next_delivery_processes_it(
    api_client, moyasar, payment, booking
):
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", body=requests.ConnectionError("down"))
    body = envelope(payment.id, event_id="evt-retry")

    first = deliver(api_client, body)
    moyasar.replace("GET", f"{MOYASAR}/payments/{payment.id}", json=moyasar_payment(payment.id, status="paid"))
    second = deliver(api_client, body)

    assert (first.status_code, first.json()["code"]) == (502, "payment_gateway_unavailable")
    assert (second.status_code, second.json()) == (200, {"status": "processed"})
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert PaymentEvent.objects.filter(provider_event_id="evt-retry").count() == 1


def test_a_paid_report_for_a_payment_we_failed_confirms_the_booking(api_client, moyasar, booking, notifications):
    # Failed on our side: reconciliation did not find it at Moyasar for 15 minutes.
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway.")
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    response = deliver(api_client, envelope(payment.id))

    assert (response.status_code, response.json()) == (200, {"status": "processed"})
    payment.refresh_from_db()
    booking.refresh_from_db()
    assert (payment.status, booking.status) == (PaymentStatus.PAID, BookingStatus.CONFIRMED)
    assert list(payment.events.filter(kind="status_changed").values_list("from_status", "to_status")) == [
        ("failed", "paid")
    ]
    assert len(sent(notifications, "payment_received")) == 1


def test_a_paid_report_for_a_payment_we_failed_after_another_paid_the_booking_is_refunded(
    api_client, moyasar, booking, django_capture_on_commit_callbacks
):
    make_payment(booking, status=PaymentStatus.PAID)
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Invalid authorization credentials")
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )
    moyasar.post(
        f"{MOYASAR}/payments/{payment.id}/refund",
        json=moyasar_payment(payment.id, status="refunded", refunded=PRICE, metadata={"booking_id": str(booking.pk)}),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(api_client, envelope(payment.id))

    assert response.status_code == 200
    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)
    refund = Refund.objects.get(payment=payment)
    assert (refund.reason, refund.status) == (RefundReason.DUPLICATE_PAYMENT, RefundStatus.SUCCEEDED)


@pytest.mark.parametrize("field", ["id", "type"])
def test_a_nul_character_in_the_event_id_or_type_is_400_and_nothing_is_recorded(api_client, moyasar, payment, field):
    body = envelope(payment.id)
    body[field] = body[field] + "\u0000"

    response = deliver(api_client, body)

    assert (response.status_code, response.json()["code"]) == (400, "webhook_invalid")
    assert PaymentEvent.objects.filter(source=EventSource.WEBHOOK).count() == 0
    assert len(moyasar.calls) == 0


def test_nul_characters_in_the_event_data_are_dropped_from_what_is_stored(api_client, moyasar, booking, payment):
    body = envelope(payment.id, message="APPROVED\u0000")
    body["data"]["metadata"] = {"note\u0000": "a\u0000b"}
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(
            payment.id, status="failed", message="DECLINED\u0000", metadata={"booking_id": str(booking.pk)}
        ),
    )

    response = deliver(api_client, body)

    assert (response.status_code, response.json()) == (200, {"status": "processed"})
    stored = PaymentEvent.objects.get(provider_event_id=body["id"])
    assert stored.data["data"]["metadata"] == {"note": "ab"}
    assert stored.data["data"]["source"]["message"] == "APPROVED"
    payment.refresh_from_db()
    assert (payment.status, payment.failure_message) == (PaymentStatus.FAILED, "DECLINED")
    assert payment.provider_payload["source"]["message"] == "DECLINED"


def test_the_fetch_is_one_quick_attempt_so_a_slow_moyasar_does_not_hold_the_webhook(
    api_client, moyasar, payment, settings
):
    settings.MOYASAR_TIMEOUT_SECONDS = 15
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", body=requests.ReadTimeout("slow"))

    response = deliver(api_client, envelope(payment.id, event_id="evt-slow"))

    assert (response.status_code, response.json()["code"]) == (502, "payment_gateway_unavailable")
    assert [call.request.req_kwargs["timeout"] for call in moyasar.calls] == [5.0]
    assert PaymentEvent.objects.get(provider_event_id="evt-slow").claimed_at is None


def test_the_quick_fetch_never_waits_longer_than_the_configured_timeout(api_client, moyasar, payment, settings):
    settings.MOYASAR_TIMEOUT_SECONDS = 2
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", body=requests.ReadTimeout("slow"))

    deliver(api_client, envelope(payment.id))

    assert [call.request.req_kwargs["timeout"] for call in moyasar.calls] == [2]
