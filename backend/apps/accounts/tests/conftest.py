import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from apps.accounts.models import User

OTP_LOG_LINE = re.compile(
    r"^OTP for (?P<phone>\+\d+) via (?P<channel>\w+): (?P<code>\d{6}) \(request (?P<request_id>[0-9a-f-]{36})\)$"
)


class OTPOutbox(logging.Handler):
    """Collects the console provider's log lines: the codes a user would have received."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def code_for(self, request_id) -> str:
        for line in self.lines:
            match = OTP_LOG_LINE.match(line)
            if match and match["request_id"] == str(request_id):
                return match["code"]
        raise AssertionError(f"no code was logged for request {request_id}")


@pytest.fixture
def otp_outbox():
    logger = logging.getLogger("apps.accounts.otp")
    outbox = OTPOutbox()
    logger.addHandler(outbox)
    yield outbox
    logger.removeHandler(outbox)


@pytest.fixture
def app_logs(caplog):
    """Everything our loggers write, down to DEBUG."""
    caplog.set_level(logging.DEBUG)
    return caplog


class Clock:
    """`django.utils.timezone.now`, frozen until moved on."""

    def __init__(self):
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


@pytest.fixture
def make_user(db):
    def make(phone_number: str = "+966501234567", **fields) -> User:
        return User.objects.create_user(phone_number=phone_number, **fields)

    return make


@pytest.fixture
def request_code(api_client, otp_outbox):
    """Ask the API for a code; returns (request_id, code)."""

    def request(phone_number: str = "0501234567", channel: str = "sms", **extra) -> tuple[str, str]:
        response = api_client.post(
            "/api/auth/phone/request/", {"phone_number": phone_number, "channel": channel}, format="json", **extra
        )
        assert response.status_code == 201, response.content
        request_id = response.json()["request_id"]
        return request_id, otp_outbox.code_for(request_id)

    return request


@pytest.fixture
def signed_in(api_client, request_code):
    """Sign a number in through the API; returns the verify response body."""

    def sign_in(phone_number: str = "0501234567", **names) -> dict:
        request_id, code = request_code(phone_number)
        response = api_client.post(
            "/api/auth/phone/verify/", {"request_id": request_id, "code": code, **names}, format="json"
        )
        assert response.status_code == 200, response.content
        return response.json()

    return sign_in
