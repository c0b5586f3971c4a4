"""The interface to Google's OAuth 2.0 and Calendar API v3 (the facts relied on are in
docs/integrations/google-calendar.md). Both implementations raise only the errors below."""

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime

SCOPES = (
    "https://www.googleapis.com/auth/calendar.events",
    "https://www.googleapis.com/auth/calendar.freebusy",
    "https://www.googleapis.com/auth/calendar.calendarlist.readonly",
)


class GoogleError(Exception):
    """A call failed. `transient`: worth retrying later (timeouts, 5xx, rate limits). The text never
    holds a token."""

    def __init__(self, message: str, *, transient: bool = True, status: int | None = None):
        super().__init__(message)
        self.transient = transient
        self.status = status


class InvalidGrant(GoogleError):
    """The refresh token (or code) is no longer valid: revoked, expired, or the password changed."""

    def __init__(self, message: str = "invalid_grant"):
        super().__init__(message, transient=False, status=400)


class Unauthorized(GoogleError):
    """401: the access token is no longer accepted (refresh it and try once more)."""

    def __init__(self, message: str = "unauthorized"):
        super().__init__(message, transient=True, status=401)


class EventExists(GoogleError):
    """409 on insert: an event with that id exists (a retried insert)."""

    def __init__(self, message: str = "duplicate"):
        super().__init__(message, transient=False, status=409)


class EventGone(GoogleError):
    """404 or 410 on an event: it was deleted."""

    def __init__(self, message: str = "not found", status: int = 404):
        super().__init__(message, transient=False, status=status)


class SyncTokenExpired(GoogleError):
    """410 Gone on a list with a sync token: start again with a full sync."""

    def __init__(self, message: str = "fullSyncRequired"):
        super().__init__(message, transient=False, status=410)


@dataclass(frozen=True)
class TokenSet:
    access_token: str
    expires_in: int
    refresh_token: str = ""  # Google sends it on the first exchange (offline access), not on refresh
    scope: str = ""


@dataclass(frozen=True)
class CalendarInfo:
    id: str
    summary: str
    primary: bool = False


@dataclass(frozen=True)
class EventPage:
    items: list[dict]
    next_page_token: str = ""
    next_sync_token: str = ""


@dataclass(frozen=True)
class Channel:
    id: str
    resource_id: str
    expiration: datetime | None = None
    extra: dict = field(default_factory=dict)


class CalendarProvider(ABC):
    name: str

    @abstractmethod
    def auth_url(self, *, state: str, code_challenge: str, redirect_uri: str) -> str: ...

    @abstractmethod
    def exchange_code(self, *, code: str, code_verifier: str, redirect_uri: str) -> TokenSet: ...

    @abstractmethod
    def refresh(self, *, refresh_token: str) -> TokenSet: ...

    @abstractmethod
    def revoke(self, *, token: str) -> None: ...

    @abstractmethod
    def list_calendars(self, *, access_token: str) -> list[CalendarInfo]: ...

    @abstractmethod
    def insert_event(self, *, access_token: str, calendar_id: str, body: dict) -> dict: ...

    @abstractmethod
    def patch_event(self, *, access_token: str, calendar_id: str, event_id: str, body: dict) -> dict: ...

    @abstractmethod
    def delete_event(self, *, access_token: str, calendar_id: str, event_id: str) -> None: ...

    @abstractmethod
    def list_events(
        self, *, access_token: str, calendar_id: str, sync_token: str = "", page_token: str = "", time_min: str = ""
    ) -> EventPage: ...

    @abstractmethod
    def watch(
        self, *, access_token: str, calendar_id: str, channel_id: str, token: str, address: str, ttl_seconds: int
    ) -> Channel: ...

    @abstractmethod
    def stop_channel(self, *, access_token: str, channel_id: str, resource_id: str) -> None: ...

    @abstractmethod
    def freebusy(
        self, *, access_token: str, calendar_id: str, time_min: datetime, time_max: datetime
    ) -> list[tuple[datetime, datetime]]: ...
