"""The privacy app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError


class ErrorCode(StrEnum):
    STAFF_ACCOUNT = "staff_account"


class StaffAccount(AppError):
    code = ErrorCode.STAFF_ACCOUNT
    status_code = status.HTTP_403_FORBIDDEN
    message = _(
        "A salon manager's or stylist's account cannot be deleted here: ask the salon to remove you from its "
        "team first, or contact support."
    )
