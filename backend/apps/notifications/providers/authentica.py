"""Authentica custom SMS (`POST /api/v2/send-sms`) from the registered sender name.

Authentica's custom messages are SMS only, so a WhatsApp request is sent as SMS and reported so.
Pitfalls handled here: bad input answers a 302 to the home page (redirects are never followed and
any 3xx is a failure); success is the body's `success` flag, not the status code alone; the API key
is never logged or put in an error message.
"""

import logging

import requests
from django.conf import settings

from .base import E164, MessageProvider, MessageProviderError, SendResult

logger = logging.getLogger(__name__)

SEND_SMS_PATH = "/api/v2/send-sms"


def _json(response: requests.Response) -> dict:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _provider_message(body: dict) -> str:
    """The provider's own explanation (it never echoes the key)."""
    message = body.get("message")
    if not message and isinstance(body.get("errors"), list) and body["errors"]:
        first = body["errors"][0]
        message = first.get("message") if isinstance(first, dict) else first
    return str(message or "")[:200]


def _message_id(body: dict) -> str:
    """The id Authentica gives the message, when its answer carries one (the shape is unconfirmed)."""
    data = body.get("data")
    if isinstance(data, dict):
        return str(data.get("message_id") or data.get("id") or "")[:128]
    return ""


class AuthenticaProvider(MessageProvider):
    name = "authentica"

    def send(self, *, phone: str, body: str, channel: str) -> SendResult:
        if not E164.match(phone):
            raise MessageProviderError("Authentica send-sms: the phone number is not in E.164 form")
        try:
            response = requests.post(
                f"{settings.AUTHENTICA_BASE_URL}{SEND_SMS_PATH}",
                json={"phone": phone, "message": body, "sender_name": settings.AUTHENTICA_SENDER_NAME},
                headers={
                    "X-Authorization": settings.AUTHENTICA_API_KEY,
                    "Accept": "application/json",
                    "Content-Type": "application/json",
                },
                timeout=settings.AUTHENTICA_TIMEOUT_SECONDS,
                allow_redirects=False,
            )
        except requests.RequestException as exc:
            logger.warning("Authentica send-sms failed: %s", type(exc).__name__)
            raise MessageProviderError(f"Authentica send-sms: {type(exc).__name__}") from None
        answer = _json(response)
        if response.status_code != 200 or answer.get("success") is not True:
            message = _provider_message(answer)
            logger.warning("Authentica send-sms answered HTTP %s: %s", response.status_code, message or "(no message)")
            raise MessageProviderError(f"Authentica send-sms: HTTP {response.status_code} {message}".strip())
        return SendResult(provider_message_id=_message_id(answer), channel_used="sms")
