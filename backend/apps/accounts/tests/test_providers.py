import logging
import uuid

import pytest
import requests
import responses
from responses import matchers

from apps.accounts.providers import OTPProviderError, get_otp_provider
from apps.accounts.providers.authentica import AuthenticaProvider
from apps.accounts.providers.console import ConsoleProvider

PHONE = "+966501234567"
REQUEST_ID = uuid.UUID("1f2e3d4c-5b6a-4789-8abc-def012345678")
API_KEY = "$2y$10$TopSecretAuthenticaKeyForTests"
SEND_URL = "https://api.authentica.sa/api/v2/send-otp"
VERIFY_URL = "https://api.authentica.sa/api/v2/verify-otp"
SENT = {"success": True, "data": None, "message": "OTP send successfully"}


def test_the_provider_follows_the_setting(settings):
    settings.OTP_PROVIDER = "authentica"

    assert isinstance(get_otp_provider(), AuthenticaProvider)
    assert isinstance(get_otp_provider("console"), ConsoleProvider)


def test_the_console_provider_logs_one_line_with_the_number_and_the_code(app_logs):
    ConsoleProvider().send(phone_number=PHONE, channel="sms", code="123456", request_id=REQUEST_ID)

    records = [record for record in app_logs.records if record.name == "apps.accounts.otp"]
    assert [(record.levelno, record.getMessage()) for record in records] == [
        (logging.INFO, f"OTP for +966501234567 via sms: 123456 (request {REQUEST_ID})")
    ]


def test_the_console_line_reaches_the_server_console_whatever_debug_is(settings):
    """The `apps` logger writes to the console at INFO (settings.LOGGING)."""
    settings.DEBUG = False
    logger = logging.getLogger("apps.accounts.otp")

    assert logger.isEnabledFor(logging.INFO)
    assert any(isinstance(handler, logging.StreamHandler) for handler in logging.getLogger("apps").handlers)


def test_the_console_provider_generates_codes_locally():
    assert ConsoleProvider.manages_codes is False
    assert AuthenticaProvider.manages_codes is True


@pytest.fixture
def authentica(settings):
    settings.AUTHENTICA_API_KEY = API_KEY
    settings.AUTHENTICA_BASE_URL = "https://api.authentica.sa"
    settings.AUTHENTICA_TIMEOUT_SECONDS = 7.5
    with responses.RequestsMock() as http:
        yield http


HEADERS = matchers.header_matcher(
    {"X-Authorization": API_KEY, "Accept": "application/json", "Content-Type": "application/json"}
)


def send():
    AuthenticaProvider().send(phone_number=PHONE, channel="whatsapp", code=None, request_id=REQUEST_ID)


def verify(code="4821"):
    return AuthenticaProvider().verify(phone_number=PHONE, code=code)


def test_authentica_send_success(authentica):
    authentica.post(
        SEND_URL,
        json=SENT,
        match=[HEADERS, matchers.json_params_matcher({"method": "whatsapp", "phone": PHONE})],
    )

    send()

    assert len(authentica.calls) == 1
    assert authentica.calls[0].request.req_kwargs["timeout"] == 7.5


@pytest.mark.parametrize(
    ("response", "reason"),
    [
        ({"json": {"success": False, "message": "Insufficient balance"}}, "HTTP 200 Insufficient balance"),
        ({"status": 401, "json": {"errors": [{"message": "Unauthorized"}]}}, "HTTP 401 Unauthorized"),
        # Authentica redirects bad input to its home page; following it would hide the failure.
        ({"status": 302, "headers": {"Location": "https://api.authentica.sa"}}, "HTTP 302"),
        ({"status": 500, "body": "<html>Server Error</html>"}, "HTTP 500"),
        ({"status": 200, "body": "OK"}, "HTTP 200"),
    ],
)
def test_authentica_send_failures_raise_a_safe_provider_error(authentica, app_logs, response, reason):
    authentica.post(SEND_URL, **response)

    with pytest.raises(OTPProviderError) as error:
        send()

    assert str(error.value) == f"Authentica /api/v2/send-otp: {reason}"
    assert len(authentica.calls) == 1  # a redirect is never followed
    assert API_KEY not in app_logs.text
    assert "Authentica /api/v2/send-otp answered HTTP" in app_logs.text


@pytest.mark.parametrize("failure", [requests.exceptions.ConnectTimeout(), requests.exceptions.ConnectionError()])
def test_authentica_send_timeouts_and_network_errors_raise_a_provider_error(authentica, app_logs, failure):
    authentica.post(SEND_URL, body=failure)

    with pytest.raises(OTPProviderError) as error:
        send()

    assert str(error.value) == f"Authentica /api/v2/send-otp: {type(failure).__name__}"
    assert API_KEY not in app_logs.text


def test_authentica_verify_success(authentica):
    authentica.post(
        VERIFY_URL,
        json={"status": True, "message": "OTP verified successfully"},
        match=[HEADERS, matchers.json_params_matcher({"phone": PHONE, "otp": "4821"})],
    )

    assert verify() is True


@pytest.mark.parametrize(
    "response",
    [
        {"status": 422, "json": {"status": False, "message": "Invalid OTP"}},
        {"status": 400, "json": {"message": "Bad request"}},
        {"status": 200, "json": {"status": False, "message": "Invalid OTP"}},
        {"status": 200, "json": {"success": True}},  # the send flag does not count for verify
    ],
)
def test_authentica_verify_wrong_code(authentica, response):
    authentica.post(VERIFY_URL, **response)

    assert verify() is False


@pytest.mark.parametrize(
    "response",
    [
        {"status": 401, "json": {"errors": [{"message": "Unauthorized"}]}},
        {"status": 302, "headers": {"Location": "https://api.authentica.sa"}},
        {"status": 500, "json": {"message": "Server Error"}},
        {"status": 200, "body": "not json"},
        {"body": requests.exceptions.ReadTimeout()},
    ],
)
def test_authentica_verify_cannot_answer(authentica, app_logs, response):
    authentica.post(VERIFY_URL, **response)

    with pytest.raises(OTPProviderError):
        verify()

    assert API_KEY not in app_logs.text


@pytest.mark.django_db
def test_the_api_key_never_reaches_logs_or_answers(api_client, authentica, app_logs, settings):
    settings.OTP_PROVIDER = "authentica"
    authentica.post(SEND_URL, status=401, json={"errors": [{"message": "Unauthorized"}]})

    response = api_client.post("/api/auth/phone/request/", {"phone_number": "0501234567"}, format="json")

    assert response.status_code == 503
    assert response.json()["code"] == "otp_provider_unavailable"
    assert API_KEY not in response.content.decode()
    assert API_KEY not in app_logs.text
    assert "HTTP 401" in app_logs.text
