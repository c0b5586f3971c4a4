"""Moyasar's webhooks, at the edge: the envelope is checked (secret token, event id and type), each
event is processed once, and the payment is fetched from Moyasar before anything changes: the
body itself is never trusted."""

import hmac
import logging
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from .errors import WebhookInvalid, WebhookUnauthorized
from .models import EventSource, Payment, PaymentEvent
from .providers import without_nul
from .sync import payment_sync, remote_payment_fetch

logger = logging.getLogger(__name__)

# A webhook event seen again within this time while its first delivery is still being processed
# is answered as a duplicate; later, it is processed again (the first attempt must have died).
WEBHOOK_CLAIM_TIMEOUT = timedelta(minutes=2)
PAYMENT_WEBHOOK_TYPES = frozenset(
    {
        "payment_paid",
        "payment_failed",
        "payment_faild",  # the spelling in Moyasar's events table
        "payment_refunded",
        "payment_voided",
        "payment_authorized",
        "payment_captured",
        "payment_verified",
        "payment_abandoned",
        "payment_canceled",
        "payment_expired",
    }
)


def _check_webhook_token(token: object) -> None:
    expected = settings.MOYASAR_WEBHOOK_SECRET
    if not expected or not isinstance(token, str) or not hmac.compare_digest(token.encode(), expected.encode()):
        raise WebhookUnauthorized()


def _claim_webhook_event(
    *, event_id: str, kind: str, payment: Payment | None, data: dict, now: datetime
) -> PaymentEvent | None:
    """Record the delivery; None when this event was processed already or is being processed now."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                return PaymentEvent.objects.create(
                    payment=payment,
                    source=EventSource.WEBHOOK,
                    kind=kind,
                    provider_event_id=event_id,
                    data=data,
                    claimed_at=now,
                )
        except IntegrityError:
            event = PaymentEvent.objects.select_for_update().get(provider_event_id=event_id)
        if event.processed_at is not None or (event.claimed_at and event.claimed_at > now - WEBHOOK_CLAIM_TIMEOUT):
            return None
        event.claimed_at = now
        event.save(update_fields=["claimed_at"])
        return event


def _is_event_text(value: object) -> bool:
    """A webhook event's `id` or `type`: a short string without NUL (which PostgreSQL cannot store)."""
    return isinstance(value, str) and 0 < len(value) <= 100 and "\x00" not in value


def _parse_uuid(value: object) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def webhook_receive(*, payload: dict, now: datetime | None = None) -> str:
    """Handle one Moyasar webhook delivery; returns what was done: `processed`, `duplicate`,
    `ignored` or `verification`. The payment is fetched from Moyasar before anything changes."""
    now = now or timezone.now()
    _check_webhook_token(payload.get("secret_token"))
    event_id, kind, data = payload.get("id"), payload.get("type"), payload.get("data")
    if not (_is_event_text(event_id) and _is_event_text(kind)):
        raise WebhookInvalid()
    if not isinstance(data, dict):
        raise WebhookInvalid()
    logged = without_nul({key: value for key, value in payload.items() if key != "secret_token"})

    if kind == "webhook_verification":
        # Sent once, never retried: the operator confirms the code in Moyasar (see the runbook).
        logger.warning(
            "Moyasar webhook %s verification code: %s", data.get("webhook_id"), data.get("verification_code")
        )
        event = _claim_webhook_event(event_id=event_id, kind=kind, payment=None, data=logged, now=now)
        if event is not None:
            PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
        return "verification"

    payment_id = _parse_uuid(data.get("id")) if kind in PAYMENT_WEBHOOK_TYPES else None
    payment = Payment.objects.filter(pk=payment_id).first() if payment_id else None
    event = _claim_webhook_event(event_id=event_id, kind=kind, payment=payment, data=logged, now=now)
    if event is None:
        return "duplicate"
    if payment is None:
        PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
        return "ignored"
    try:
        # One quick attempt: Moyasar expects a fast answer, and a failure makes it deliver again.
        remote = remote_payment_fetch(payment.id, quick=True)
        if remote is not None:
            payment_sync(payment_id=payment.id, remote=remote, source=EventSource.WEBHOOK, now=now)
    except BaseException:
        # The error answer (a 502 when Moyasar cannot be asked) makes Moyasar deliver the event
        # again; releasing the claim lets that delivery process it.
        PaymentEvent.objects.filter(pk=event.pk).update(claimed_at=None)
        raise
    PaymentEvent.objects.filter(pk=event.pk).update(processed_at=now)
    return "processed"
