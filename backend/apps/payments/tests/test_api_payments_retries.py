"""The payments API: retries and earlier attempts, never two charges for one booking."""

import json
from datetime import timedelta

import pytest
import requests
from django.utils import timezone

from apps.bookings.models import BookingStatus
from apps.payments.idempotency import request_fingerprint
from apps.payments.models import IdempotencyKey, IdempotencyStatus, Payment, PaymentEvent, PaymentStatus

from .conftest import MOYASAR, make_payment, moyasar_payment, pay

pytestmark = pytest.mark.django_db


def _answer_create(mock, **kwargs) -> None:
    """Moyasar answers the create call with the payment it was asked to create."""

    def callback(request):
        body = json.loads(request.body)
        payment = moyasar_payment(body["given_id"], metadata=body["metadata"], **kwargs)
        return 201, {}, json.dumps(payment)

    mock.add_callback("POST", f"{MOYASAR}/payments", callback=callback, content_type="application/json")


# --- Retries and earlier attempts: never two charges for one booking ---------------------------------

NOT_FOUND = {"type": "api_error", "message": "Object not found", "errors": None}


@pytest.fixture
def no_backoff(monkeypatch):
    """The gateway's retries without their sleeps."""
    monkeypatch.setattr("apps.payments.providers.moyasar.time.sleep", lambda seconds: None)


def _interrupted_key(customer, booking, payment, *, key: str = "retry-me") -> None:
    """The state a 502 leaves behind: the key bound to the payment its request started."""
    body = {"booking": booking.pk, "source": {"type": "token", "token": "token_fake"}}
    IdempotencyKey.objects.create(
        user=customer,
        key=key,
        fingerprint=request_fingerprint(scope="payment_create", data=body),
        status=IdempotencyStatus.INTERRUPTED,
        resource_id=str(payment.id),
        locked_at=timezone.now(),
    )


def test_a_retry_with_the_same_key_after_a_502_sends_the_same_given_id_again(
    moyasar, no_backoff, customer_client, booking
):
    answers = iter([requests.ConnectionError("read timeout")] * 3 + [201])
    given_ids = []

    def moyasar_create(request):
        body = json.loads(request.body)
        given_ids.append(body["given_id"])
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer, {}, json.dumps(moyasar_payment(body["given_id"], status="paid", metadata=body["metadata"]))

    moyasar.add_callback("POST", f"{MOYASAR}/payments", callback=moyasar_create, content_type="application/json")
    first = pay(customer_client, booking.pk, key="retry-me")
    payment = Payment.objects.get()
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", status=404, json=NOT_FOUND)  # the first never arrived

    retry = pay(customer_client, booking.pk, key="retry-me")

    assert (first.status_code, retry.status_code) == (502, 201)
    assert (retry.json()["id"], retry.json()["status"]) == (str(payment.id), "paid")
    assert Payment.objects.count() == 1
    assert given_ids == [str(payment.id)] * 4
    assert payment.events.filter(kind="create_retried").count() == 1
    assert IdempotencyKey.objects.get().status == IdempotencyStatus.COMPLETED
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_retry_with_the_same_key_when_moyasar_has_the_payment_returns_it_without_creating_again(
    moyasar, customer, customer_client, booking
):
    payment = make_payment(booking)
    _interrupted_key(customer, booking, payment)
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    response = pay(customer_client, booking.pk, key="retry-me")

    assert (response.status_code, response.json()["id"], response.json()["status"]) == (201, str(payment.id), "paid")
    assert [call.request.method for call in moyasar.calls] == ["GET"]
    assert Payment.objects.count() == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_retry_with_the_same_key_after_the_hold_ran_out_does_not_send_the_payment_again(
    moyasar, customer, customer_client, booking
):
    payment = make_payment(booking)
    _interrupted_key(customer, booking, payment)
    booking.hold_expires_at = timezone.now() - timedelta(seconds=1)
    booking.save(update_fields=["hold_expires_at"])
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", status=404, json=NOT_FOUND)

    response = pay(customer_client, booking.pk, key="retry-me")

    assert (response.status_code, response.json()["code"]) == (409, "booking_hold_expired")
    assert [call.request.method for call in moyasar.calls] == ["GET"]
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.INITIATED


def test_a_key_abandoned_by_a_crashed_request_after_starting_a_payment_continues_that_payment(
    moyasar, customer, customer_client, booking
):
    payment = make_payment(booking)
    _interrupted_key(customer, booking, payment, key="crashed")
    IdempotencyKey.objects.filter(key="crashed").update(
        status=IdempotencyStatus.IN_PROGRESS, locked_at=timezone.now() - timedelta(minutes=6)
    )
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", status=404, json=NOT_FOUND)
    _answer_create(moyasar)

    response = pay(customer_client, booking.pk, key="crashed")

    assert (response.status_code, response.json()["id"]) == (201, str(payment.id))
    assert json.loads(moyasar.calls[1].request.body)["given_id"] == str(payment.id)
    assert Payment.objects.count() == 1


def test_a_new_key_while_an_earlier_attempt_waits_for_3d_secure_is_409_with_that_attempt(
    moyasar, customer_client, booking
):
    earlier = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{earlier.id}",
        json=moyasar_payment(earlier.id, status="initiated", metadata={"booking_id": str(booking.pk)}),
    )

    response = pay(customer_client, booking.pk, key="another-key")

    assert response.status_code == 409
    assert (response.json()["code"], response.json()["payment"]) == ("payment_in_progress", str(earlier.id))
    assert [call.request.method for call in moyasar.calls] == ["GET"]
    assert list(Payment.objects.values_list("id", flat=True)) == [earlier.id]
    assert (
        customer_client.get(f"/api/payments/{earlier.id}/")
        .json()["transaction_url"]
        .startswith(f"{MOYASAR}/transaction_auths/")
    )


def test_a_new_key_while_an_earlier_attempt_is_still_being_created_is_409(moyasar, customer, customer_client, booking):
    earlier = make_payment(booking)
    PaymentEvent.objects.create(payment=earlier, source="api", kind="created", to_status="initiated")
    moyasar.get(f"{MOYASAR}/payments/{earlier.id}", status=404, json=NOT_FOUND)  # its create call is on its way

    response = pay(customer_client, booking.pk, key="another-key")

    assert (response.status_code, response.json()["code"]) == (409, "payment_in_progress")
    earlier.refresh_from_db()
    assert earlier.status == PaymentStatus.INITIATED
    assert Payment.objects.count() == 1


def test_an_earlier_attempt_found_paid_is_the_answer_and_confirms_the_booking(
    moyasar, customer_client, booking, notifications
):
    earlier = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{earlier.id}",
        json=moyasar_payment(earlier.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    response = pay(customer_client, booking.pk, key="another-key")

    assert (response.status_code, response.json()["id"], response.json()["status"]) == (201, str(earlier.id), "paid")
    assert [call.request.method for call in moyasar.calls] == ["GET"]
    assert Payment.objects.count() == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len([call for call in notifications if call["event"] == "payment_received"]) == 1


def test_an_earlier_attempt_declined_at_the_gateway_does_not_stand_in_the_way(moyasar, customer_client, booking):
    earlier = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{earlier.id}",
        json=moyasar_payment(earlier.id, status="failed", message="DECLINED", metadata={"booking_id": str(booking.pk)}),
    )
    _answer_create(moyasar)

    response = pay(customer_client, booking.pk, key="another-key")

    assert response.status_code == 201
    assert response.json()["id"] != str(earlier.id)
    earlier.refresh_from_db()
    assert earlier.status == PaymentStatus.FAILED
    assert Payment.objects.count() == 2


def test_an_earlier_attempt_moyasar_never_got_is_failed_and_a_new_one_starts(moyasar, customer_client, booking):
    earlier = make_payment(booking)  # its create call ended long ago (a 502)
    moyasar.get(f"{MOYASAR}/payments/{earlier.id}", status=404, json=NOT_FOUND)
    _answer_create(moyasar)

    response = pay(customer_client, booking.pk, key="another-key")

    assert (response.status_code, response.json()["status"]) == (201, "initiated")
    earlier.refresh_from_db()
    assert (earlier.status, earlier.failure_message) == (PaymentStatus.FAILED, "Not found at the gateway.")
    assert Payment.objects.count() == 2


def test_when_moyasar_cannot_say_how_an_earlier_attempt_stands_nothing_is_created_and_the_key_is_released(
    moyasar, no_backoff, customer_client, booking
):
    earlier = make_payment(booking)
    moyasar.get(f"{MOYASAR}/payments/{earlier.id}", body=requests.ConnectionError("down"))

    response = pay(customer_client, booking.pk, key="another-key")

    assert (response.status_code, response.json()["code"]) == (502, "payment_gateway_unavailable")
    assert {call.request.method for call in moyasar.calls} == {"GET"}
    assert Payment.objects.count() == 1
    assert IdempotencyKey.objects.count() == 0
