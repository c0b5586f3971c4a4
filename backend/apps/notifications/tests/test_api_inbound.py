"""The SMS provider's inbound webhook: reply keywords withdraw consents; only with our secret."""

import hashlib
import hmac
import json

import pytest

from apps.accounts.consents import consent_state
from apps.accounts.models import ConsentChoice, User

URL = "/api/notifications/inbound-sms/"
SECRET = "inbound-test-secret"
pytestmark = pytest.mark.django_db


@pytest.fixture
def person():
    return User.objects.create_user(phone_number="+966501112233")


def post(api_client, payload, *, signature=None, secret=None, body=None):
    raw = body if body is not None else json.dumps(payload).encode()
    headers = {}
    if signature is not None:
        headers["HTTP_X_INBOUND_SIGNATURE"] = signature
    if secret is not None:
        headers["HTTP_X_INBOUND_SECRET"] = secret
    return api_client.generic("POST", URL, raw, content_type="application/json", **headers)


def signed(payload) -> tuple[dict, str]:
    raw = json.dumps(payload).encode()
    return payload, hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()


@pytest.mark.parametrize("text", ["STOP", "stop", " Stop ", "إيقاف", "ايقاف"])
def test_a_signed_stop_withdraws_reminders_and_marketing_by_sms(api_client, person, text):
    payload, signature = signed({"from": "+966501112233", "text": text})

    response = post(api_client, payload, signature=signature)

    assert response.status_code == 200
    assert response.json() == {"received": True}
    state = consent_state(user=person)
    assert state["reminders"] == {"sms": False, "whatsapp": True, "email": False}
    assert state["marketing"]["sms"] is False
    assert set(ConsentChoice.objects.filter(user=person).values_list("source", flat=True)) == {"sms_keyword"}


def test_a_stop_by_whatsapp_with_the_shared_secret_header_withdraws_whatsapp_too(api_client, person):
    response = post(api_client, {"from": "0501112233", "text": "إيقاف", "channel": "whatsapp"}, secret=SECRET)

    assert response.status_code == 200
    assert consent_state(user=person)["reminders"] == {"sms": False, "whatsapp": False, "email": False}


@pytest.mark.parametrize(
    "payload",
    [
        {"from": "+966509999999", "text": "STOP"},  # nobody has this number
        {"from": "+966501112233", "text": "Thanks, see you"},
        {"from": "+966501112233", "text": ""},
        {"from": "garbage", "text": "STOP"},
    ],
)
def test_unknown_numbers_and_other_texts_are_accepted_and_change_nothing(api_client, person, payload):
    payload, signature = signed(payload)

    response = post(api_client, payload, signature=signature)

    assert response.status_code == 200
    assert not ConsentChoice.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"signature": "0" * 64},
        {"secret": "wrong"},
        {"signature": "sha256=nothex", "secret": ""},
    ],
)
def test_a_missing_or_wrong_signature_is_refused_and_changes_nothing(api_client, person, headers):
    response = post(api_client, {"from": "+966501112233", "text": "STOP"}, **headers)

    assert response.status_code == 401
    assert response.json()["code"] == "inbound_signature_invalid"
    assert not ConsentChoice.objects.exists()


def test_a_signature_of_another_body_is_refused(api_client, person):
    _, signature = signed({"from": "+966501112233", "text": "hello"})

    response = post(api_client, {"from": "+966501112233", "text": "STOP"}, signature=signature)

    assert response.status_code == 401


def test_without_a_configured_secret_everything_is_refused(api_client, person, settings):
    settings.INBOUND_SMS_SECRET = ""

    response = post(api_client, {"from": "+966501112233", "text": "STOP"}, secret="")

    assert response.status_code == 401
    assert not ConsentChoice.objects.exists()


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"text": "STOP"}'])
def test_malformed_bodies_are_400_not_500(api_client, person, body):
    signature = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()

    response = post(api_client, None, signature=signature, body=body)

    assert response.status_code == 400
    assert not ConsentChoice.objects.exists()
