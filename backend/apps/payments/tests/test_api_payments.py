"""The payments API: config, and paying a booking with an Idempotency-Key."""

import json
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

from .conftest import MOYASAR, PRICE, client_for, moyasar_payment, pay

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
