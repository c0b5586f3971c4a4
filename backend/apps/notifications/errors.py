"""The notifications app's errors. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import NotFound


class ErrorCode(StrEnum):
    NOTIFICATION_NOT_FOUND = "notification_not_found"


class NotificationNotFound(NotFound):
    code = ErrorCode.NOTIFICATION_NOT_FOUND
    message = _("Notification not found.")
