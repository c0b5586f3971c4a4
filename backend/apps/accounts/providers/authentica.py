"""Authentica (authentica.sa): the provider generates, sends and checks the code.

Pitfalls handled here: bad input answers a 302 to the home page (so redirects are
never followed and any 3xx is a failure); send reports `success`, verify reports
`status`; the API key is never logged or put in an error message.
"""

import logging
import uuid

import requests
from django.conf import settings

from .base import OTPProvider, OTPProviderError

logger = logging.getLogger(__name__)

SEND_PATH = "/api/v2/send-otp"
VERIFY_PATH = "/api/v2/verify-otp"
# Answers to a verify call that mean "we could not ask", not "the code is wrong".
_VERIFY_PROVIDER_FAILURES = {401, 403, 429}


def _post(path: str, payload: dict) -> requests.Response:
    try:
        return requests.post(
            f"{settings.AUTHENTICA_BASE_URL}{path}",
            json=payload,
            headers={
                "X-Authorization": settings.AUTHENTICA_API_KEY,
                "Accept": "application/json",
                "Content-Type": "application/json",
            },
            timeout=settings.AUTHENTICA_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as exc:
        logger.warning("Authentica %s failed: %s", path, type(exc).__name__)
        raise OTPProviderError(f"Authentica {path}: {type(exc).__name__}") from None


def _json(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _provider_message(body: dict) -> str:
    """The provider's own explanation, for our logs (it never echoes the key)."""
    message = body.get("message")
    if not message and isinstance(body.get("errors"), list) and body["errors"]:
        first = body["errors"][0]
        message = first.get("message") if isinstance(first, dict) else first
    return str(message or "")[:200]


def _fail(path: str, response: requests.Response, body: dict) -> OTPProviderError:
    message = _provider_message(body)
    logger.warning("Authentica %s answered HTTP %s: %s", path, response.status_code, message or "(no message)")
    return OTPProviderError(f"Authentica {path}: HTTP {response.status_code} {message}".strip())


class AuthenticaProvider(OTPProvider):
    name = "authentica"
    manages_codes = True

    def send(self, *, phone_number: str, channel: str, code: str | None, request_id: uuid.UUID) -> None:
        response = _post(SEND_PATH, {"method": channel, "phone": phone_number})
        body = _json(response)
        if response.status_code != 200 or body.get("success") is not True:
            raise _fail(SEND_PATH, response, body)

    def verify(self, *, phone_number: str, code: str) -> bool:
        response = _post(VERIFY_PATH, {"phone": phone_number, "otp": code})
        body = _json(response)
        if response.status_code == 200 and body:
            return body.get("status") is True
        if 400 <= response.status_code < 500 and response.status_code not in _VERIFY_PROVIDER_FAILURES:
            return False  # a wrong or expired code (Authentica answers 422)
        raise _fail(VERIFY_PATH, response, body)
