"""The payments API: config, paying a booking with an Idempotency-Key, reading and refreshing a payment."""

import json
import uuid
from datetime import timedelta

import pytest
import requests
from django.conf import settings
from django.utils import timezone
from responses import matchers

from apps.bookings import services as booking_services
from apps.bookings.models import BookingStatus
from apps.payments.idempotency import request_fingerprint
from apps.payments.models import IdempotencyKey, IdempotencyStatus, Payment, PaymentEvent, PaymentStatus

from .conftest import MOYASAR, PRICE, client_for, make_payment, moyasar_payment, pay

pytestmark = pytest.mark.django_db


def _answer_create(mock, **kwargs) -> None:
    """Moyasar answers the create call with the payment it was asked to create."""

    def callback(request):
        body = json.loads(request.body)
        payment = moyasar_payment(body["given_id"], metadata=body["metadata"], **kwargs)
        return 201, {}, json.dumps(payment)

    mock.add_callback("POST", f"{MOYASAR}/payments", callback=callback, content_type="application/json")


# --- Config -------------------------------------------------------------------------------------


def test_config_is_public_and_tells_the_fake_provider(api_client):
    response = api_client.get("/api/payments/config/")

    assert response.status_code == 200
    assert response.json() == {
        "provider": "fake",
        "fake": True,
        "publishable_key": "",
        "methods": ["creditcard", "applepay", "stcpay"],
        "currency": "SAR",
        "supported_networks": ["mada", "visa", "mastercard"],
    }


def test_config_gives_moyasars_publishable_key_and_the_enabled_methods(api_client, settings):
    settings.PAYMENT_PROVIDER = "moyasar"
    settings.PAYMENT_METHODS = ["creditcard", "stcpay"]

    body = api_client.get("/api/payments/config/").json()

    assert (body["provider"], body["fake"], body["publishable_key"]) == ("moyasar", False, "pk_test_salon")
    assert body["methods"] == ["creditcard", "stcpay"]


# --- Create -------------------------------------------------------------------------------------


def test_customer_pays_with_the_fake_provider_and_gets_the_payer_page(customer_client, booking):
    response = pay(customer_client, booking.pk)

    assert response.status_code == 201
    payment = Payment.objects.get()
    assert response.json() == {
        "id": str(payment.id),
        "booking": booking.pk,
        "status": "initiated",
        "amount": PRICE,
        "currency": "SAR",
        "vat_amount": 1500,
        "refunded_amount": 0,
        "method": "creditcard",
        "card_brand": "mada",
        "card_last4": "1010",
        "transaction_url": f"{settings.FRONTEND_URL}/api/payments/fake/{payment.id}/",
        "failure_message": "",
        "created_at": payment.created_at.astimezone(timezone.get_default_timezone()).isoformat(),
    }
    assert payment.customer_id == booking.customer_id


def test_moyasar_gets_the_bookings_amount_given_id_callback_and_metadata_never_the_clients(
    moyasar, customer_client, booking
):
    _answer_create(moyasar)

    response = customer_client.post(
        "/api/payments/",
        {"booking": booking.pk, "amount": 1, "currency": "USD", "source": {"type": "token", "token": "token_9H4pQ"}},
        format="json",
        headers={"Idempotency-Key": "k-1"},
    )

    assert response.status_code == 201
    payment = Payment.objects.get()
    sent = moyasar.calls[0].request
    assert sent.url == f"{MOYASAR}/payments"
    assert matchers.json_params_matcher(
        {
            "given_id": str(payment.id),
            "amount": PRICE,
            "currency": "SAR",
            "description": f"Booking {booking.reference}",
            "callback_url": f"{settings.FRONTEND_URL}/payments/return",
            "source": {"type": "token", "token": "token_9H4pQ"},
            "metadata": {"booking_id": str(booking.pk), "booking_reference": booking.reference},
        }
    )(sent)[0]
    assert response.json()["transaction_url"].startswith(f"{MOYASAR}/transaction_auths/")


def test_stc_pay_mobile_is_sent_in_local_format(moyasar, customer_client, booking):
    _answer_create(moyasar, source_type="stcpay")

    response = pay(customer_client, booking.pk, source={"type": "stcpay", "mobile": "+966 50 123 4567"})

    assert response.status_code == 201
    assert response.json()["method"] == "stcpay"
    assert matchers.json_params_matcher({"source": {"type": "stcpay", "mobile": "0501234567"}}, strict_match=False)(
        moyasar.calls[0].request
    )[0]


def test_apple_pay_paid_at_once_confirms_the_booking(customer_client, booking):
    response = pay(customer_client, booking.pk, source={"type": "applepay", "token": '{"paymentData": {}}'})

    assert response.status_code == 201
    assert (response.json()["status"], response.json()["transaction_url"]) == ("paid", None)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_a_decline_is_a_201_with_the_reason_for_the_customer_and_the_gateways_text_kept(
    moyasar, customer_client, booking
):
    _answer_create(moyasar, status="failed", message="INSUFFICIENT FUNDS")

    response = customer_client.post(
        "/api/payments/",
        {"booking": booking.pk, "source": {"type": "token", "token": "token_fake"}},
        format="json",
        headers={"Idempotency-Key": "k-declined", "Accept-Language": "en"},
    )

    assert response.status_code == 201
    assert (response.json()["status"], response.json()["failure_message"]) == (
        "failed",
        "There are not enough funds for this payment. Use another card or payment method.",
    )
    assert Payment.objects.get().failure_message == "INSUFFICIENT FUNDS"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_idempotency_key_is_required(customer_client, booking):
    response = customer_client.post(
        "/api/payments/", {"booking": booking.pk, "source": {"type": "token", "token": "t"}}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "idempotency_key_required"
    assert Payment.objects.count() == 0


def test_idempotency_key_must_be_short_visible_ascii(customer_client, booking):
    response = pay(customer_client, booking.pk, key="k" * 256)

    assert response.status_code == 400
    assert response.json()["code"] == "idempotency_key_invalid"
    assert IdempotencyKey.objects.count() == 0


def test_replay_returns_the_same_status_and_bytes_without_calling_moyasar_again(moyasar, customer_client, booking):
    _answer_create(moyasar)
    first = pay(customer_client, booking.pk, key="same-key")

    again = pay(customer_client, booking.pk, key="same-key")

    assert (again.status_code, again.content) == (first.status_code, first.content)
    assert len(moyasar.calls) == 1
    assert Payment.objects.count() == 1


def test_same_key_with_a_different_body_is_422_and_writes_nothing(customer_client, booking, book):
    pay(customer_client, booking.pk, key="same-key")
    other = book("14:00")

    response = pay(customer_client, other.pk, key="same-key")

    assert response.status_code == 422
    assert response.json()["code"] == "idempotency_key_reused"
    assert list(Payment.objects.values_list("booking_id", flat=True)) == [booking.pk]


def test_a_request_while_the_first_is_running_is_409(customer, customer_client, booking):
    body = {"booking": booking.pk, "source": {"type": "token", "token": "token_fake"}}
    IdempotencyKey.objects.create(
        user=customer,
        key="busy",
        fingerprint=request_fingerprint(scope="payment_create", data=body),
        status=IdempotencyStatus.IN_PROGRESS,
        locked_at=timezone.now(),
    )

    response = pay(customer_client, booking.pk, key="busy")

    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_in_progress"
    assert Payment.objects.count() == 0


def test_a_key_abandoned_by_a_crashed_request_is_taken_over(customer, customer_client, booking):
    body = {"booking": booking.pk, "source": {"type": "token", "token": "token_fake"}}
    IdempotencyKey.objects.create(
        user=customer,
        key="crashed",
        fingerprint=request_fingerprint(scope="payment_create", data=body),
        status=IdempotencyStatus.IN_PROGRESS,
        locked_at=timezone.now() - timedelta(minutes=6),
    )

    response = pay(customer_client, booking.pk, key="crashed")

    assert response.status_code == 201
    assert IdempotencyKey.objects.get(key="crashed").status == IdempotencyStatus.COMPLETED


def test_keys_are_per_user(customer_client, booking, other_customer, book):
    other_booking = book("14:00", actor=other_customer)
    pay(customer_client, booking.pk, key="shared")

    response = pay(client_for(other_customer), other_booking.pk, key="shared")

    assert response.status_code == 201
    assert Payment.objects.count() == 2


def test_someone_elses_booking_is_not_found(booking, other_customer):
    response = pay(client_for(other_customer), booking.pk)

    assert response.status_code == 404
    assert response.json()["code"] == "booking_not_found"
    assert Payment.objects.count() == 0


def test_a_confirmed_booking_cannot_be_paid(customer_client, booking):
    booking_services.booking_confirm_paid(booking_id=booking.pk)

    response = pay(customer_client, booking.pk)

    assert response.status_code == 409
    assert response.json()["code"] == "booking_not_payable"
    assert Payment.objects.count() == 0


def test_a_booking_whose_hold_ran_out_cannot_be_paid(customer_client, booking):
    booking.hold_expires_at = timezone.now() - timedelta(seconds=1)
    booking.save(update_fields=["hold_expires_at"])

    response = pay(customer_client, booking.pk)

    assert response.status_code == 409
    assert response.json()["code"] == "booking_hold_expired"


def test_a_disabled_method_is_refused(customer_client, booking, settings):
    settings.PAYMENT_METHODS = ["creditcard"]

    response = pay(customer_client, booking.pk, source={"type": "stcpay", "mobile": "0501234567"})

    assert response.status_code == 400
    assert response.json()["code"] == "payment_method_unavailable"
    assert Payment.objects.count() == 0


@pytest.mark.parametrize(
    ("source", "field"),
    [
        ({"type": "stcpay", "mobile": "0521234567"}, "source.mobile"),
        ({"type": "stcpay"}, "source.mobile"),
        ({"type": "token"}, "source.token"),
        ({"type": "token", "token": "t" * 201}, "source.token"),
        ({"type": "cash"}, "source.type"),
    ],
)
def test_bad_sources_are_field_errors(customer_client, booking, source, field):
    response = pay(customer_client, booking.pk, source=source)

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert Payment.objects.count() == 0


@pytest.mark.parametrize("booking_id", [0, -1, 2**63, "x"])
def test_bad_booking_ids_are_field_errors(customer_client, booking_id):
    response = customer_client.post(
        "/api/payments/",
        {"booking": booking_id, "source": {"type": "token", "token": "t"}},
        format="json",
        headers={"Idempotency-Key": "k"},
    )

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["booking"]


def test_moyasar_refusing_the_source_is_a_400_with_its_field_errors(moyasar, customer_client, booking):
    moyasar.post(
        f"{MOYASAR}/payments",
        status=400,
        json={"type": "invalid_request_error", "message": "Validation Failed", "errors": {"source.token": ["is used"]}},
    )

    response = pay(customer_client, booking.pk)

    assert response.status_code == 400
    assert response.json()["code"] == "payment_rejected"
    assert response.json()["errors"] == {"source.token": ["is used"]}
    assert Payment.objects.get().status == PaymentStatus.FAILED


def test_moyasar_down_is_a_502_the_payment_waits_and_the_key_stays_bound_to_it(moyasar, customer_client, booking):
    moyasar.post(f"{MOYASAR}/payments", body=requests.ConnectionError("down"))

    response = pay(customer_client, booking.pk, key="retry-me")

    assert response.status_code == 502
    assert response.json()["code"] == "payment_gateway_unavailable"
    payment = Payment.objects.get()
    assert payment.status == PaymentStatus.INITIATED
    assert PaymentEvent.objects.filter(payment=payment, kind="gateway_unavailable").count() == 1
    key = IdempotencyKey.objects.get()
    assert (key.key, key.status, key.resource_id) == ("retry-me", IdempotencyStatus.INTERRUPTED, str(payment.id))


def test_moyasar_refusing_our_keys_is_a_502(moyasar, customer_client, booking):
    moyasar.post(
        f"{MOYASAR}/payments",
        status=401,
        json={"type": "authentication_error", "message": "Invalid authorization credentials", "errors": None},
    )

    response = pay(customer_client, booking.pk)

    assert response.status_code == 502
    assert response.json()["code"] == "payment_gateway_error"
    assert Payment.objects.get().status == PaymentStatus.FAILED


def test_anonymous_cannot_pay(api_client, booking):
    response = pay(api_client, booking.pk)

    assert response.status_code == 401
    assert Payment.objects.count() == 0


# --- Read and refresh ------------------------------------------------------------------------------


def test_owner_reads_the_payment_and_others_get_404(customer_client, booking, other_customer):
    payment = make_payment(booking)

    mine = customer_client.get(f"/api/payments/{payment.id}/")
    theirs = client_for(other_customer).get(f"/api/payments/{payment.id}/")

    assert (mine.status_code, mine.json()["id"]) == (200, str(payment.id))
    assert (theirs.status_code, theirs.json()["code"]) == (404, "payment_not_found")


@pytest.mark.parametrize("path", ["/api/payments/not-a-uuid/", f"/api/payments/{uuid.uuid4()}/"])
def test_malformed_or_unknown_ids_are_404(customer_client, path):
    assert customer_client.get(path).status_code == 404


def test_refresh_fetches_from_moyasar_and_confirms_the_paid_booking(moyasar, customer_client, booking):
    payment = make_payment(booking)
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    response = customer_client.post(f"/api/payments/{payment.id}/refresh/")

    assert response.status_code == 200
    assert response.json()["status"] == "paid"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert customer_client.get(f"/api/bookings/{booking.pk}/").json()["payment"] == {
        "id": str(payment.id),
        "status": "paid",
        "amount": PRICE,
        "currency": "SAR",
        "vat_amount": 1500,
        "refunded_amount": 0,
        "method": "creditcard",
        "card_brand": "mada",
        "card_last4": "1010",
    }


@pytest.mark.parametrize("status", [PaymentStatus.REFUNDED, PaymentStatus.VOIDED])
def test_refresh_of_a_final_payment_does_not_call_the_gateway(moyasar, customer_client, booking, status):
    payment = make_payment(booking, status=status)

    response = customer_client.post(f"/api/payments/{payment.id}/refresh/")

    assert (response.status_code, response.json()["status"]) == (200, status)
    assert len(moyasar.calls) == 0


def test_refresh_of_a_payment_we_failed_that_moyasar_reports_paid_confirms_the_booking(
    moyasar, customer_client, booking
):
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway.")
    moyasar.get(
        f"{MOYASAR}/payments/{payment.id}",
        json=moyasar_payment(payment.id, status="paid", metadata={"booking_id": str(booking.pk)}),
    )

    response = customer_client.post(f"/api/payments/{payment.id}/refresh/")

    assert (response.status_code, response.json()["status"], response.json()["failure_message"]) == (200, "paid", "")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_refresh_when_moyasar_is_down_is_a_502_and_changes_nothing(moyasar, customer_client, booking):
    payment = make_payment(booking)
    moyasar.get(f"{MOYASAR}/payments/{payment.id}", status=503, json={"type": "api_error", "message": "x"})

    response = customer_client.post(f"/api/payments/{payment.id}/refresh/")

    assert (response.status_code, response.json()["code"]) == (502, "payment_gateway_unavailable")
    payment.refresh_from_db()
    assert payment.status == PaymentStatus.INITIATED


def test_someone_else_cannot_refresh(booking, other_customer, moyasar):
    payment = make_payment(booking)

    response = client_for(other_customer).post(f"/api/payments/{payment.id}/refresh/")

    assert response.status_code == 404
    assert len(moyasar.calls) == 0


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


# --- What the customer is told -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "language", "shown"),
    [
        (
            "INSUFFICIENT FUNDS",
            "en",
            "There are not enough funds for this payment. Use another card or payment method.",
        ),
        ("INSUFFICIENT FUNDS", "ar", "لا يوجد رصيد كافٍ لهذا الدفع. استخدم بطاقة أو وسيلة دفع أخرى."),
        ("EXPIRED CARD", "en", "The card has expired. Use another card."),
        ("Daily limit exceeded", "en", "The payment is over your spending limit. Use another card or payment method."),
        (
            "3-D Secure transaction attempt failed (Authentication Failed)",
            "en",
            "The verification step was not completed. Try again, or use another card or payment method.",
        ),
        (
            "Not found at the gateway.",
            "en",
            "The payment was declined or could not be completed. Try again or use another card.",
        ),
        ("", "en", "The payment was declined or could not be completed. Try again or use another card."),
        (
            "Not found at the gateway.",
            "ar",
            "رُفض الدفع أو تعذّر إتمامه. حاول مرة أخرى أو استخدم بطاقة أخرى.",
        ),
    ],
)
def test_a_failed_payment_tells_the_customer_why_in_their_language(customer_client, booking, raw, language, shown):
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message=raw)

    response = customer_client.get(f"/api/payments/{payment.id}/", headers={"Accept-Language": language})

    assert response.json()["failure_message"] == shown


def test_a_payment_that_is_not_failed_has_no_failure_message(customer_client, booking):
    payment = make_payment(booking, status=PaymentStatus.PAID, failure_message="Not found at the gateway.")

    assert customer_client.get(f"/api/payments/{payment.id}/").json()["failure_message"] == ""
