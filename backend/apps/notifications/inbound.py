"""Replies forwarded by the SMS provider (an inbound webhook): a stop keyword (STOP, إيقاف)
withdraws the sender's reminders and marketing on SMS, and on WhatsApp when the reply came by
WhatsApp (`apps.accounts.consents.consent_reply_keyword`).

Authentica's public material documents no inbound forwarding (see /work/shared/providers.md), so
the shape is ours: a JSON body `{"from": "+9665…", "text": "STOP", "channel": "sms"|"whatsapp"}`
(`channel` optional, `sms` by default), authenticated with the shared secret INBOUND_SMS_SECRET,
either as an HMAC-SHA256 of the raw body (hex) in `X-Inbound-Signature`, or, for a forwarder that
can only set a fixed header, the secret itself in `X-Inbound-Secret`. Without a configured secret
every request is refused. Unknown numbers and other texts are accepted and change nothing (the
provider must not retry them)."""

import hashlib
import hmac
import logging

from django.conf import settings

from apps.accounts.consents import consent_reply_keyword

from .errors import InboundSignatureInvalid

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Inbound-Signature"
SECRET_HEADER = "X-Inbound-Secret"  # noqa: S105 (a header name)


def inbound_check_signature(*, body: bytes, signature: str | None, secret: str | None) -> None:
    """Raise InboundSignatureInvalid unless the body is signed with, or the request carries, our secret."""
    expected = settings.INBOUND_SMS_SECRET
    if not expected:
        raise InboundSignatureInvalid()
    if signature:
        digest = hmac.new(expected.encode(), body, hashlib.sha256).hexdigest()
        if hmac.compare_digest(signature.strip().lower().removeprefix("sha256=").encode(), digest.encode()):
            return
    if secret and hmac.compare_digest(secret.encode(), expected.encode()):
        return
    raise InboundSignatureInvalid()


def inbound_message_receive(*, sender: str, text: str, channel: str) -> bool:
    """Act on one authenticated inbound reply; returns whether a consent changed."""
    changed = consent_reply_keyword(phone_number=sender, text=text, channel=channel)
    if changed:
        logger.info("An inbound %s reply withdrew consents", channel)
    return changed
