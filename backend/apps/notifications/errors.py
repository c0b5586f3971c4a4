"""The notifications app's errors. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, NotFound


class ErrorCode(StrEnum):
    NOTIFICATION_NOT_FOUND = "notification_not_found"
    INBOUND_SIGNATURE_INVALID = "inbound_signature_invalid"
    UNSUBSCRIBE_LINK_INVALID = "unsubscribe_link_invalid"
    EMAIL_WEBHOOK_FORBIDDEN = "email_webhook_forbidden"


class NotificationNotFound(NotFound):
    code = ErrorCode.NOTIFICATION_NOT_FOUND
    message = _("Notification not found.")


class InboundSignatureInvalid(AppError):
    code = ErrorCode.INBOUND_SIGNATURE_INVALID
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("The inbound message's signature is missing or wrong.")


class UnsubscribeLinkInvalid(AppError):
    code = ErrorCode.UNSUBSCRIBE_LINK_INVALID
    message = _("This unsubscribe link is not valid.")


class EmailWebhookForbidden(AppError):
    code = ErrorCode.EMAIL_WEBHOOK_FORBIDDEN
    status_code = status.HTTP_403_FORBIDDEN
    message = _("The webhook's secret is missing or wrong.")
