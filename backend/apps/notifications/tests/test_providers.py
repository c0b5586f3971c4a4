import logging

import pytest
import requests
import responses
from responses import matchers

from apps.notifications.providers import MessageProviderError, SendResult, get_message_provider
from apps.notifications.providers.authentica import AuthenticaProvider
from apps.notifications.providers.console import ConsoleProvider

PHONE = "+966501234567"
BODY = "تم تأكيد حجزك SLN-7KQ2M في صالون لمسات الجمال: قص وتصفيف الشعر، الخميس 5 مارس 4:30 م."
API_KEY = "$2y$10$TopSecretAuthenticaKeyForMessages"
SEND_SMS_URL = "https://api.authentica.sa/api/v2/send-sms"


def test_the_provider_follows_its_own_setting_not_the_sign_in_codes_one(settings):
    settings.OTP_PROVIDER = "console"
    settings.NOTIFICATION_PROVIDER = "authentica"

    assert isinstance(get_message_provider(), AuthenticaProvider)

    settings.OTP_PROVIDER = "authentica"
    settings.NOTIFICATION_PROVIDER = "console"

    assert isinstance(get_message_provider(), ConsoleProvider)


def test_the_console_provider_logs_the_phone_channel_and_body(caplog):
    caplog.set_level(logging.INFO, logger="apps.notifications")

    result = ConsoleProvider().send(phone=PHONE, body=BODY, channel="whatsapp")

    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("apps.notifications", logging.INFO, f"Message to {PHONE} via whatsapp: {BODY}")
    ]
    assert result.channel_used == "whatsapp"
    assert result.provider_message_id.startswith("console-")


@pytest.fixture
def authentica(settings):
    settings.AUTHENTICA_API_KEY = API_KEY
    settings.AUTHENTICA_BASE_URL = "https://api.authentica.sa"
    settings.AUTHENTICA_SENDER_NAME = "LAMASAT"
    settings.AUTHENTICA_TIMEOUT_SECONDS = 7.5
    with responses.RequestsMock() as http:
        yield http


HEADERS = matchers.header_matcher(
    {"X-Authorization": API_KEY, "Accept": "application/json", "Content-Type": "application/json"}
)


def send(channel: str = "sms") -> SendResult:
    return AuthenticaProvider().send(phone=PHONE, body=BODY, channel=channel)


def test_authentica_send_sms_success(authentica):
    authentica.post(
        SEND_SMS_URL,
        json={"success": True, "data": {"message_id": "msg-81723"}, "message": "SMS sent successfully"},
        match=[HEADERS, matchers.json_params_matcher({"phone": PHONE, "message": BODY, "sender_name": "LAMASAT"})],
    )

    result = send()

    assert result == SendResult(provider_message_id="msg-81723", channel_used="sms")
    assert authentica.calls[0].request.req_kwargs["timeout"] == 7.5


def test_authentica_success_without_a_message_id(authentica):
    authentica.post(SEND_SMS_URL, json={"success": True, "message": "SMS sent successfully"})

    assert send() == SendResult(provider_message_id="", channel_used="sms")


def test_authentica_sends_whatsapp_requests_as_sms(authentica):
    authentica.post(SEND_SMS_URL, json={"success": True})

    result = send(channel="whatsapp")

    assert result.channel_used == "sms"
    assert len(authentica.calls) == 1


@pytest.mark.parametrize(
    ("response", "error"),
    [
        ({"status": 401, "json": {"errors": [{"message": "Unauthorized"}]}}, "HTTP 401 Unauthorized"),
        # Authentica redirects bad input to its home page; following it would look like success.
        ({"status": 302, "headers": {"Location": "https://api.authentica.sa"}}, "HTTP 302"),
        ({"json": {"success": False, "message": "Insufficient balance"}}, "HTTP 200 Insufficient balance"),
        ({"status": 200, "body": "OK"}, "HTTP 200"),
        ({"status": 500, "body": "<html>Server Error</html>"}, "HTTP 500"),
    ],
)
def test_authentica_failures_raise_a_safe_provider_error(authentica, caplog, response, error):
    caplog.set_level(logging.DEBUG)
    authentica.post(SEND_SMS_URL, **response)

    with pytest.raises(MessageProviderError) as raised:
        send()

    assert str(raised.value) == f"Authentica /api/v2/send-sms: {error}"
    assert len(authentica.calls) == 1  # a redirect is never followed
    assert API_KEY not in caplog.text
    assert "Authentica /api/v2/send-sms answered HTTP" in caplog.text


@pytest.mark.parametrize(
    "failure", [requests.exceptions.ReadTimeout(), requests.exceptions.ConnectTimeout(), requests.ConnectionError()]
)
def test_authentica_timeouts_and_network_errors_raise_a_provider_error(authentica, caplog, failure):
    authentica.post(SEND_SMS_URL, body=failure)

    with pytest.raises(MessageProviderError) as raised:
        send()

    assert str(raised.value) == f"Authentica /api/v2/send-sms: {type(failure).__name__}"
    assert API_KEY not in caplog.text


def test_authentica_is_not_called_with_a_number_that_is_not_e164(authentica):
    with pytest.raises(MessageProviderError) as raised:
        AuthenticaProvider().send(phone="0501234567", body=BODY, channel="sms")

    assert str(raised.value) == "Authentica /api/v2/send-sms: the phone number is not in E.164 form"
    assert len(authentica.calls) == 0
