"""The Moyasar client against Moyasar's real shapes: every call goes through `responses`."""

import base64
import uuid
from datetime import UTC, datetime

import pytest
import requests
import responses
from responses import matchers

from apps.payments.providers import (
    GatewayAuthError,
    GatewayNotFound,
    GatewayRejected,
    GatewayUnavailable,
    MoyasarGateway,
)

from .conftest import MOYASAR, moyasar_payment

PAYMENT_ID = uuid.UUID("2b4a4c3e-6d0f-4a55-9c65-3c1d7a0e9f11")
BASIC_AUTH = "Basic " + base64.b64encode(b"sk_test_salon:").decode()
CREATE_ARGS = {
    "payment_id": PAYMENT_ID,
    "amount": 11500,
    "currency": "SAR",
    "description": "Booking SLN-TEST1",
    "callback_url": "http://127.0.0.1:8000/payments/return",
    "source": {"type": "token", "token": "token_9H4pQ"},
    "metadata": {"booking_id": "7", "booking_reference": "SLN-TEST1"},
}


@pytest.fixture
def mock():
    with responses.RequestsMock() as rsps:
        yield rsps


@pytest.fixture
def gateway():
    return MoyasarGateway(retry_backoff_seconds=0)


def test_create_sends_given_id_amount_and_source_with_basic_auth_and_returns_initiated(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments",
        status=201,
        json=moyasar_payment(PAYMENT_ID),
        match=[
            matchers.header_matcher({"Authorization": BASIC_AUTH, "Content-Type": "application/json"}),
            matchers.json_params_matcher(
                {
                    "given_id": str(PAYMENT_ID),
                    "amount": 11500,
                    "currency": "SAR",
                    "description": "Booking SLN-TEST1",
                    "callback_url": "http://127.0.0.1:8000/payments/return",
                    "source": {"type": "token", "token": "token_9H4pQ"},
                    "metadata": {"booking_id": "7", "booking_reference": "SLN-TEST1"},
                }
            ),
        ],
    )

    remote = gateway.create_payment(**CREATE_ARGS)

    assert (remote.id, remote.status, remote.amount, remote.currency) == (str(PAYMENT_ID), "initiated", 11500, "SAR")
    assert remote.transaction_url.startswith(f"{MOYASAR}/transaction_auths/")
    assert (remote.method, remote.card_brand, remote.card_last4) == ("creditcard", "mada", "1010")


def test_create_answered_paid_at_once_is_paid(mock, gateway):
    mock.post(f"{MOYASAR}/payments", status=201, json=moyasar_payment(PAYMENT_ID, status="paid"))

    remote = gateway.create_payment(**CREATE_ARGS)

    assert (remote.status, remote.message) == ("paid", "APPROVED")


def test_a_decline_is_a_201_with_status_failed_not_an_error(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments",
        status=201,
        json=moyasar_payment(PAYMENT_ID, status="failed", message="INSUFFICIENT FUNDS"),
    )

    remote = gateway.create_payment(**CREATE_ARGS)

    assert (remote.status, remote.message) == ("failed", "INSUFFICIENT FUNDS")


def test_validation_error_is_rejected_with_moyasars_field_errors(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments",
        status=400,
        json={
            "type": "invalid_request_error",
            "message": "Validation Failed",
            "errors": {"source.token": ["is invalid"]},
        },
    )

    with pytest.raises(GatewayRejected) as raised:
        gateway.create_payment(**CREATE_ARGS)

    assert raised.value.message == "Validation Failed"
    assert raised.value.type == "invalid_request_error"
    assert raised.value.errors == {"source.token": ["is invalid"]}
    assert len(mock.calls) == 1  # a refusal is never retried


def test_wrong_key_is_an_auth_error_that_does_not_leak_the_key(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments",
        status=401,
        json={"type": "authentication_error", "message": "Invalid authorization credentials", "errors": None},
    )

    with pytest.raises(GatewayAuthError) as raised:
        gateway.create_payment(**CREATE_ARGS)

    assert raised.value.http_status == 401
    assert "sk_test_salon" not in str(raised.value)
    assert len(mock.calls) == 1


def test_fetch_unknown_payment_is_not_found(mock, gateway):
    mock.get(
        f"{MOYASAR}/payments/{PAYMENT_ID}",
        status=404,
        json={"type": "api_error", "message": "Object not found", "errors": None},
    )

    with pytest.raises(GatewayNotFound) as raised:
        gateway.fetch_payment(PAYMENT_ID)

    assert raised.value.message == "Object not found"


def test_fetch_returns_the_payment_with_basic_auth(mock, gateway):
    mock.get(
        f"{MOYASAR}/payments/{PAYMENT_ID}",
        json=moyasar_payment(PAYMENT_ID, status="paid"),
        match=[matchers.header_matcher({"Authorization": BASIC_AUTH})],
    )

    assert gateway.fetch_payment(PAYMENT_ID).status == "paid"


def test_timeout_then_already_created_is_resolved_by_fetching_with_the_same_given_id(mock, gateway):
    same_given_id = matchers.json_params_matcher({"given_id": str(PAYMENT_ID)}, strict_match=False)
    mock.post(f"{MOYASAR}/payments", body=requests.Timeout("read timed out"), match=[same_given_id])
    mock.post(
        f"{MOYASAR}/payments",
        status=400,
        json={"type": "invalid_request_error", "message": "Payment is already created", "errors": None},
        match=[same_given_id],
    )
    mock.get(f"{MOYASAR}/payments/{PAYMENT_ID}", json=moyasar_payment(PAYMENT_ID, status="paid"))

    remote = gateway.create_payment(**CREATE_ARGS)

    assert remote.status == "paid"
    assert [call.request.method for call in mock.calls] == ["POST", "POST", "GET"]


def test_connection_errors_and_server_errors_are_retried_a_bounded_number_of_times(mock, gateway):
    mock.post(f"{MOYASAR}/payments", body=requests.ConnectionError("reset"))
    mock.post(f"{MOYASAR}/payments", status=503, json={"type": "api_error", "message": "Maintenance", "errors": None})
    mock.post(f"{MOYASAR}/payments", status=500, json={"type": "api_error", "message": "Oops", "errors": None})

    with pytest.raises(GatewayUnavailable):
        gateway.create_payment(**CREATE_ARGS)

    assert len(mock.calls) == 3


def test_a_retry_that_succeeds_returns_the_payment(mock, gateway):
    mock.post(f"{MOYASAR}/payments", body=requests.ConnectionError("reset"))
    mock.post(f"{MOYASAR}/payments", status=201, json=moyasar_payment(PAYMENT_ID))

    assert gateway.create_payment(**CREATE_ARGS).status == "initiated"
    assert len(mock.calls) == 2


def test_full_refund_sends_no_amount_and_reads_refunded(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments/{PAYMENT_ID}/refund",
        json=moyasar_payment(PAYMENT_ID, status="refunded", refunded=11500),
        match=[matchers.json_params_matcher({}), matchers.header_matcher({"Authorization": BASIC_AUTH})],
    )

    remote = gateway.refund(PAYMENT_ID)

    assert (remote.status, remote.refunded, remote.amount) == ("refunded", 11500, 11500)


def test_partial_refund_is_status_refunded_with_refunded_below_amount(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments/{PAYMENT_ID}/refund",
        json=moyasar_payment(PAYMENT_ID, status="refunded", refunded=5000),
        match=[matchers.json_params_matcher({"amount": 5000})],
    )

    remote = gateway.refund(PAYMENT_ID, amount=5000)

    assert (remote.status, remote.refunded) == ("refunded", 5000)


def test_refund_timeout_is_not_retried_because_moyasar_refunds_are_not_idempotent(mock, gateway):
    mock.post(f"{MOYASAR}/payments/{PAYMENT_ID}/refund", body=requests.Timeout("read timed out"))

    with pytest.raises(GatewayUnavailable):
        gateway.refund(PAYMENT_ID)

    assert len(mock.calls) == 1


def test_refunding_a_failed_payment_is_rejected(mock, gateway):
    mock.post(
        f"{MOYASAR}/payments/{PAYMENT_ID}/refund",
        status=400,
        json={"type": "invalid_request_error", "message": "Payment can't be refunded", "errors": None},
    )

    with pytest.raises(GatewayRejected) as raised:
        gateway.refund(PAYMENT_ID)

    assert raised.value.message == "Payment can't be refunded"


def test_capture_of_an_authorized_payment(mock, gateway):
    captured = moyasar_payment(PAYMENT_ID, status="captured")
    mock.post(
        f"{MOYASAR}/payments/{PAYMENT_ID}/capture",
        json=captured,
        match=[matchers.json_params_matcher({"amount": 11500})],
    )

    remote = gateway.capture(PAYMENT_ID, amount=11500)

    assert (remote.status, remote.captured) == ("captured", 11500)


def test_void_sends_no_body_and_returns_voided(mock, gateway):
    mock.post(f"{MOYASAR}/payments/{PAYMENT_ID}/void", json=moyasar_payment(PAYMENT_ID, status="voided"))

    remote = gateway.void(PAYMENT_ID)

    assert remote.status == "voided"
    assert remote.raw["voided_at"] == "2026-11-20T10:15:00.000Z"
    assert mock.calls[0].request.body is None


def test_an_unreadable_answer_counts_as_no_answer(mock, gateway):
    mock.get(f"{MOYASAR}/payments/{PAYMENT_ID}", body="<html>gateway</html>", status=200)

    with pytest.raises(GatewayUnavailable):
        gateway.fetch_payment(PAYMENT_ID)

    assert len(mock.calls) == 3


def test_listing_follows_the_pages_within_the_creation_range(mock, gateway):
    start, end = datetime(2026, 11, 19, 21, 0, tzinfo=UTC), datetime(2026, 11, 20, 21, 0, tzinfo=UTC)
    inside = {**moyasar_payment(PAYMENT_ID, status="paid"), "created_at": "2026-11-20T10:00:00.000Z"}
    before = {**moyasar_payment(uuid.uuid4(), status="paid"), "created_at": "2026-11-19T20:59:59.500Z"}
    later = {**moyasar_payment(uuid.uuid4(), status="failed"), "created_at": "2026-11-20T20:59:59.000Z"}
    query = {"created[gt]": "2026-11-19T20:59:59Z", "created[lt]": "2026-11-20T21:00:01Z"}
    mock.get(
        f"{MOYASAR}/payments",
        match=[
            matchers.query_param_matcher({**query, "page": "1"}),
            matchers.header_matcher({"Authorization": BASIC_AUTH}),
        ],
        json={"payments": [before, inside], "meta": {"current_page": 1, "next_page": 2, "total_pages": 2}},
    )
    mock.get(
        f"{MOYASAR}/payments",
        match=[matchers.query_param_matcher({**query, "page": "2"})],
        json={"payments": [later], "meta": {"current_page": 2, "next_page": None, "total_pages": 2}},
    )

    found = gateway.list_payments(created_from=start, created_to=end)

    assert [(payment.id, payment.status) for payment in found] == [(str(PAYMENT_ID), "paid"), (later["id"], "failed")]


def test_listing_when_moyasar_is_down_is_unavailable(mock, gateway):
    mock.get(f"{MOYASAR}/payments", status=503, json={"type": "api_error", "message": "down"})

    with pytest.raises(GatewayUnavailable):
        gateway.list_payments(
            created_from=datetime(2026, 11, 20, tzinfo=UTC), created_to=datetime(2026, 11, 21, tzinfo=UTC)
        )
