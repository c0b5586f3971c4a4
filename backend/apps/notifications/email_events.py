"""Bounces and complaints reported by the mail provider (a webhook of our own generic shape, so any
provider's events can be forwarded to it by a small adapter or its own webhook settings).

`POST /api/notifications/email-events/` with the header `X-Email-Webhook-Secret: <EMAIL_WEBHOOK_SECRET>`
and the body `{"events": [{"type": "bounce" | "complaint" | "delivery", "email": "…", "permanent": true}]}`
(at most 100 events). A permanent bounce or a complaint marks every account whose verified address it
is undeliverable (`apps.accounts.email_delivery.email_mark_undeliverable`): no more email goes there
until its owner verifies it again. Temporary bounces and deliveries change nothing (the outbox
retries). Without a configured secret every call is refused (403).
"""

import hmac
import logging

from django.conf import settings

from apps.accounts.email_delivery import email_mark_undeliverable

from .errors import EmailWebhookForbidden

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Email-Webhook-Secret"  # noqa: S105 (a header name)
BOUNCE, COMPLAINT, DELIVERY = "bounce", "complaint", "delivery"
EVENT_TYPES = (BOUNCE, COMPLAINT, DELIVERY)


def email_webhook_check_secret(*, secret: str | None) -> None:
    """Raise EmailWebhookForbidden unless the request carries our configured secret."""
    expected = settings.EMAIL_WEBHOOK_SECRET
    if not expected or not secret or not hmac.compare_digest(secret.encode(), expected.encode()):
        raise EmailWebhookForbidden()


def notification_email_events(*, events: list[dict]) -> int:
    """Act on validated events; returns how many accounts were newly marked undeliverable."""
    marked = 0
    for event in events:
        if event["type"] == COMPLAINT or (event["type"] == BOUNCE and event.get("permanent", True)):
            marked += email_mark_undeliverable(email=event["email"])
    if marked:
        logger.info("Email events marked %s account(s) undeliverable", marked)
    return marked
