"""Authentica custom SMS (`POST /api/v2/send-sms`) from the registered sender name.

Authentica's custom messages are SMS only, so a WhatsApp request is sent as SMS and reported so.
Success is the body's `success` flag, not the status code alone; any 3xx (Authentica's answer to
bad input) is a failure. The HTTP call itself, and keeping the key out of logs, is
`apps.core.authentica`'s.
"""

from django.conf import settings

from apps.core.authentica import AuthenticaUnreachable, authentica_post

from .base import E164, MessageProvider, MessageProviderError, SendResult

SEND_SMS_PATH = "/api/v2/send-sms"


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
            raise MessageProviderError(f"Authentica {SEND_SMS_PATH}: the phone number is not in E.164 form")
        payload = {"phone": phone, "message": body, "sender_name": settings.AUTHENTICA_SENDER_NAME}
        try:
            answer = authentica_post(SEND_SMS_PATH, payload)
        except AuthenticaUnreachable as exc:
            raise MessageProviderError(str(exc)) from None
        if answer.status_code != 200 or answer.body.get("success") is not True:
            raise MessageProviderError(answer.failure(SEND_SMS_PATH))
        return SendResult(provider_message_id=_message_id(answer.body), channel_used="sms")
