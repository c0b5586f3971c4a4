"""The notifications app's errors. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, NotFound


class ErrorCode(StrEnum):
    NOTIFICATION_NOT_FOUND = "notification_not_found"
    INBOUND_SIGNATURE_INVALID = "inbound_signature_invalid"


class NotificationNotFound(NotFound):
    code = ErrorCode.NOTIFICATION_NOT_FOUND
    message = _("Notification not found.")


class InboundSignatureInvalid(AppError):
    code = ErrorCode.INBOUND_SIGNATURE_INVALID
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("The inbound message's signature is missing or wrong.")
