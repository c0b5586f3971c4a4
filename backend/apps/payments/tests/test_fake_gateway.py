"""The fake gateway answers like Moyasar, and its payer page pays, declines or asks for an STC Pay code."""

import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from apps.payments.models import FakeGatewayPayment
from apps.payments.providers import GatewayNotFound, GatewayRejected
from apps.payments.providers.fake import FakeGateway

pytestmark = pytest.mark.django_db

CALLBACK = "http://127.0.0.1:8000/payments/return?from=app"


def _create(gateway: FakeGateway, source: dict | None = None, amount: int = 11500, **kwargs):
    return gateway.create_payment(
        payment_id=kwargs.pop("payment_id", uuid.uuid4()),
        amount=amount,
        currency="SAR",
        description="Booking SLN-TEST1",
        callback_url=CALLBACK,
        source=source or {"type": "token", "token": "fake"},
        metadata={"booking_id": "1"},
    )


def _page(payment_id) -> str:
    return f"/api/payments/fake/{payment_id}/"


def test_a_card_payment_starts_initiated_with_our_payer_page(settings):
    created = _create(FakeGateway())

    assert (created.status, created.method, created.card_brand, created.card_last4) == (
        "initiated",
        "creditcard",
        "mada",
        "1010",
    )
    assert created.transaction_url == f"{settings.FRONTEND_URL}/api/payments/fake/{created.id}/"
    assert FakeGateway().fetch_payment(created.id) == created


def test_apple_pay_is_paid_at_once():
    assert _create(FakeGateway(), {"type": "applepay", "token": "{}"}).status == "paid"


def test_creating_again_with_the_same_id_returns_the_same_payment():
    payment_id = uuid.uuid4()
    first = _create(FakeGateway(), payment_id=payment_id)

    again = _create(FakeGateway(), payment_id=payment_id)

    assert again.id == first.id
    assert FakeGatewayPayment.objects.count() == 1


def test_less_than_one_riyal_is_a_validation_error():
    with pytest.raises(GatewayRejected) as raised:
        _create(FakeGateway(), amount=99)

    assert raised.value.errors == {"amount": ["must be greater than or equal to 100"]}


def test_fetching_an_unknown_payment_is_not_found():
    with pytest.raises(GatewayNotFound):
        FakeGateway().fetch_payment(uuid.uuid4())


def test_refunds_partial_then_full_and_never_more_than_paid():
    gateway = FakeGateway()
    paid = _create(gateway, {"type": "applepay", "token": "{}"})

    partial = gateway.refund(paid.id, amount=5000)
    full = gateway.refund(paid.id)

    assert (partial.status, partial.refunded) == ("refunded", 5000)
    assert (full.status, full.refunded) == ("refunded", 11500)
    with pytest.raises(GatewayRejected):
        gateway.refund(paid.id, amount=1)


def test_an_initiated_payment_cannot_be_refunded_captured_or_voided():
    gateway = FakeGateway()
    initiated = _create(gateway)

    for action in (gateway.refund, gateway.capture, gateway.void):
        with pytest.raises(GatewayRejected):
            action(initiated.id)


def test_authorize_only_payments_are_captured_or_voided():
    gateway = FakeGateway()
    authorized = _create(gateway, {"type": "token", "token": "fake", "manual": True})
    Client().post(_page(authorized.id), {"action": "pay"})
    other = _create(gateway, {"type": "token", "token": "fake", "manual": True})
    Client().post(_page(other.id), {"action": "pay"})

    captured = gateway.capture(authorized.id)
    voided = gateway.void(other.id)

    assert (captured.status, captured.captured) == ("captured", 11500)
    assert voided.status == "voided"


def test_the_page_is_arabic_and_right_to_left_by_default():
    payment = _create(FakeGateway())

    response = Client().get(_page(payment.id))

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "ادفع" in html and "ارفض" in html
    assert "115.00" in html


def test_the_page_speaks_english_when_asked():
    payment = _create(FakeGateway())

    html = Client().get(_page(payment.id) + "?lang=en").content.decode()

    assert '<html lang="en" dir="ltr">' in html
    assert ">Pay</button>" in html and ">Decline</button>" in html


def test_pay_sends_the_browser_to_the_callback_with_id_status_and_message():
    payment = _create(FakeGateway())

    response = Client().post(_page(payment.id), {"action": "pay"})

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "http://127.0.0.1:8000/payments/return"
    assert parse_qs(location.query) == {
        "from": ["app"],
        "id": [payment.id],
        "status": ["paid"],
        "message": ["APPROVED"],
    }


def test_decline_fails_the_payment():
    payment = _create(FakeGateway())

    response = Client().post(_page(payment.id), {"action": "decline"})

    assert parse_qs(urlsplit(response["Location"]).query)["status"] == ["failed"]
    assert FakeGateway().fetch_payment(payment.id).message == "DECLINED"


def test_stc_pay_asks_for_a_six_digit_code():
    payment = _create(FakeGateway(), {"type": "stcpay", "mobile": "0501234567"})

    response = Client().post(_page(payment.id), {"action": "pay", "otp": "12"})

    assert response.status_code == 400
    assert "أدخل الرمز المكوّن من 6 أرقام." in response.content.decode()
    assert FakeGateway().fetch_payment(payment.id).status == "initiated"


@pytest.mark.parametrize(("otp", "status"), [("123456", "paid"), ("١٢٣٤٥٦", "paid"), ("111111", "failed")])
def test_stc_pay_code_111111_is_declined_and_any_other_six_digits_pay(otp, status):
    payment = _create(FakeGateway(), {"type": "stcpay", "mobile": "0501234567"})

    response = Client().post(_page(payment.id), {"action": "pay", "otp": otp})

    assert parse_qs(urlsplit(response["Location"]).query)["status"] == [status]


def test_the_page_needs_the_csrf_token():
    payment = _create(FakeGateway())
    client = Client(enforce_csrf_checks=True)

    refused = client.post(_page(payment.id), {"action": "pay"})
    client.get(_page(payment.id))
    accepted = client.post(
        _page(payment.id), {"action": "pay", "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    )

    assert (refused.status_code, accepted.status_code) == (403, 302)


def test_a_finished_payment_is_not_changed_again():
    payment = _create(FakeGateway())
    Client().post(_page(payment.id), {"action": "decline"})

    Client().post(_page(payment.id), {"action": "pay"})

    assert FakeGateway().fetch_payment(payment.id).status == "failed"


def test_the_page_does_not_exist_with_moyasar(settings):
    payment = _create(FakeGateway())
    settings.PAYMENT_PROVIDER = "moyasar"

    assert Client().get(_page(payment.id)).status_code == 404


def test_an_unknown_payment_has_no_page():
    assert Client().get(_page(uuid.uuid4())).status_code == 404
