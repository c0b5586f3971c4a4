"""The Google Calendar app's errors. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class ErrorCode(StrEnum):
    STYLISTS_ONLY = "calendar_stylists_only"
    STAFF_NOT_FOUND = "calendar_staff_not_found"
    NOT_CONNECTED = "calendar_not_connected"
    UNKNOWN_CALENDAR = "calendar_unknown"
    GOOGLE_UNAVAILABLE = "calendar_google_unavailable"
    CHANNEL_TOKEN_INVALID = "calendar_channel_token_invalid"  # noqa: S105 (an error code)


class StylistsOnly(AppError):
    code = ErrorCode.STYLISTS_ONLY
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only a salon's stylists and managers can connect a calendar.")


class CalendarStaffNotFound(NotFound):
    code = ErrorCode.STAFF_NOT_FOUND
    message = _("Staff member not found.")


class NotConnected(Conflict):
    code = ErrorCode.NOT_CONNECTED
    message = _("This stylist has no Google Calendar connected.")


class UnknownCalendar(AppError):
    code = ErrorCode.UNKNOWN_CALENDAR
    message = _("That calendar is not one of this Google account's calendars.")


class GoogleUnavailable(AppError):
    code = ErrorCode.GOOGLE_UNAVAILABLE
    status_code = status.HTTP_502_BAD_GATEWAY
    message = _("Google Calendar did not answer. Please try again shortly.")


class ChannelTokenInvalid(AppError):
    code = ErrorCode.CHANNEL_TOKEN_INVALID
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Unknown push channel or wrong channel token.")
