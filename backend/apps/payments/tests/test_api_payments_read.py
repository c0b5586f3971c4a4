"""The payments API: reading and refreshing a payment, and what the customer is told about a failed one."""

import uuid

import pytest

from apps.bookings.models import BookingStatus
from apps.payments.models import PaymentStatus

from .conftest import MOYASAR, PRICE, client_for, make_payment, moyasar_payment

pytestmark = pytest.mark.django_db


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
