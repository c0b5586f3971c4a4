"""Sending an outbox row by email, through Django's email framework (`EMAIL_BACKEND`: the console in
development, SMTP or a provider's backend by settings), synchronously with `EMAIL_TIMEOUT`.

The address is read when the email is sent: a row whose recipient has since lost their verified,
deliverable address, or unsubscribed, is skipped instead of sent. Any error of the backend is a
`MessageProviderError`, so the row is retried with the outbox's backoff like an SMS.
"""

import logging

from django.core.mail import get_connection

from apps.accounts.email_delivery import email_deliverable

from .email_message import message_id, notification_email
from .email_planning import agenda_email_allowed, booking_email_allowed
from .models import Notification, NotificationEvent
from .providers import MessageProviderError, SendResult

logger = logging.getLogger(__name__)

EMAIL_PROVIDER_NAME = "django-email"
NO_ADDRESS = "Not sent: the recipient has no verified, deliverable email address."
UNSUBSCRIBED = "Not sent: the recipient unsubscribed from these emails."


def email_reason_not_to_send(notification: Notification) -> str | None:
    """Why an email row must not be sent now (stored as the skipped row's `last_error`), or None."""
    recipient = notification.recipient
    if not email_deliverable(recipient):
        return NO_ADDRESS
    if notification.event == NotificationEvent.DAILY_AGENDA:
        return None if agenda_email_allowed(recipient) else UNSUBSCRIBED
    return None if booking_email_allowed(recipient, notification.event) else UNSUBSCRIBED


def email_send(notification: Notification) -> SendResult:
    """Send the row's email to the recipient's verified address; raises MessageProviderError."""
    email = notification_email(notification, to=notification.recipient.email)
    try:
        with get_connection(fail_silently=False) as connection:
            sent = connection.send_messages([email])
    except Exception as exc:  # SMTP, socket or an API backend's own errors
        raise MessageProviderError(f"Email backend: {type(exc).__name__}: {exc}"[:500]) from None
    if not sent:
        raise MessageProviderError("Email backend: the message was not accepted")
    return SendResult(provider_message_id=message_id(notification), channel_used="email")
