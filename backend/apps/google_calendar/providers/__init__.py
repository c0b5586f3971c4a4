"""Calendar providers, chosen by `settings.GOOGLE_CALENDAR_PROVIDER` (`google`, or `fake` in development)."""

from django.conf import settings

from .base import (
    SCOPES,
    CalendarInfo,
    CalendarProvider,
    Channel,
    EventExists,
    EventGone,
    EventPage,
    GoogleError,
    InvalidGrant,
    SyncTokenExpired,
    TokenSet,
    Unauthorized,
)
from .fake import FakeProvider
from .google import GoogleProvider

__all__ = [
    "SCOPES",
    "CalendarInfo",
    "CalendarProvider",
    "Channel",
    "EventExists",
    "EventGone",
    "EventPage",
    "GoogleError",
    "InvalidGrant",
    "SyncTokenExpired",
    "TokenSet",
    "Unauthorized",
    "get_calendar_provider",
]


def get_calendar_provider() -> CalendarProvider:
    if settings.GOOGLE_CALENDAR_PROVIDER == "google":
        return GoogleProvider()
    return FakeProvider()
