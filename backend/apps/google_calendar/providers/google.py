"""Google's OAuth 2.0 endpoints and Calendar API v3 over `requests`, synchronous with a timeout
(`settings.GOOGLE_TIMEOUT_SECONDS`). Shapes: docs/integrations/google-calendar.md."""

from datetime import UTC, datetime
from urllib.parse import quote, urlencode

import requests
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

AUTH_URL = "https://accounts.google.com/o/oauth2/v2/auth"
TOKEN_URL = "https://oauth2.googleapis.com/token"  # noqa: S105 (an address, not a secret)
REVOKE_URL = "https://oauth2.googleapis.com/revoke"
API = "https://www.googleapis.com/calendar/v3"
TRANSIENT_REASONS = {"rateLimitExceeded", "userRateLimitExceeded", "backendError", "quotaExceeded"}


def _cal(calendar_id: str) -> str:
    return f"{API}/calendars/{quote(calendar_id, safe='')}"


def _reason(response: requests.Response) -> str:
    try:
        error = response.json().get("error")
    except ValueError:
        return ""
    if isinstance(error, str):  # OAuth endpoints: {"error": "invalid_grant", "error_description": ...}
        return error
    if isinstance(error, dict):  # the API: {"error": {"code", "message", "errors": [{"reason", ...}]}}
        errors = error.get("errors") or [{}]
        return str(errors[0].get("reason") or error.get("status") or "")
    return ""


class GoogleProvider(CalendarProvider):
    name = "google"

    def __init__(self, session: requests.Session | None = None):
        self.session = session or requests.Session()
        self.timeout = settings.GOOGLE_TIMEOUT_SECONDS

    # --- OAuth --------------------------------------------------------------------------------

    def auth_url(self, *, state: str, code_challenge: str, redirect_uri: str) -> str:
        query = {
            "client_id": settings.GOOGLE_CLIENT_ID,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "scope": " ".join(SCOPES),
            "access_type": "offline",
            "prompt": "consent",
            "include_granted_scopes": "true",
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
        return f"{AUTH_URL}?{urlencode(query)}"

    def _token(self, data: dict) -> TokenSet:
        data = {**data, "client_id": settings.GOOGLE_CLIENT_ID, "client_secret": settings.GOOGLE_CLIENT_SECRET}
        response = self._send("POST", TOKEN_URL, data=data)
        body = response.json()
        return TokenSet(
            access_token=body["access_token"],
            expires_in=int(body.get("expires_in", 3600)),
            refresh_token=body.get("refresh_token", ""),
            scope=body.get("scope", ""),
        )

    def exchange_code(self, *, code: str, code_verifier: str, redirect_uri: str) -> TokenSet:
        return self._token(
            {
                "grant_type": "authorization_code",
                "code": code,
                "code_verifier": code_verifier,
                "redirect_uri": redirect_uri,
            }
        )

    def refresh(self, *, refresh_token: str) -> TokenSet:
        return self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def revoke(self, *, token: str) -> None:
        try:
            self._send("POST", REVOKE_URL, data={"token": token})
        except GoogleError as error:
            if error.status != 400:  # 400 invalid_token: already revoked or expired
                raise

    # --- Calendars and events ------------------------------------------------------------------

    def list_calendars(self, *, access_token: str) -> list[CalendarInfo]:
        calendars: list[CalendarInfo] = []
        page_token = ""
        while True:
            params = {"minAccessRole": "writer", **({"pageToken": page_token} if page_token else {})}
            body = self._send("GET", f"{API}/users/me/calendarList", token=access_token, params=params).json()
            calendars += [
                CalendarInfo(
                    id=item["id"],
                    summary=item.get("summaryOverride") or item.get("summary", ""),
                    primary=bool(item.get("primary")),
                )
                for item in body.get("items", [])
            ]
            page_token = body.get("nextPageToken", "")
            if not page_token:
                return calendars

    def insert_event(self, *, access_token: str, calendar_id: str, body: dict) -> dict:
        return self._send(
            "POST", f"{_cal(calendar_id)}/events", token=access_token, json=body, on_409=EventExists
        ).json()

    def patch_event(self, *, access_token: str, calendar_id: str, event_id: str, body: dict) -> dict:
        url = f"{_cal(calendar_id)}/events/{quote(event_id, safe='')}"
        return self._send("PATCH", url, token=access_token, json=body, gone=True).json()

    def delete_event(self, *, access_token: str, calendar_id: str, event_id: str) -> None:
        url = f"{_cal(calendar_id)}/events/{quote(event_id, safe='')}"
        self._send("DELETE", url, token=access_token, gone=True)

    def list_events(
        self, *, access_token: str, calendar_id: str, sync_token: str = "", page_token: str = "", time_min: str = ""
    ) -> EventPage:
        params: dict[str, str] = {"singleEvents": "true", "showDeleted": "true", "maxResults": "250"}
        if sync_token:
            params["syncToken"] = sync_token
        elif time_min:
            params["timeMin"] = time_min
        if page_token:
            params["pageToken"] = page_token
        response = self._send(
            "GET", f"{_cal(calendar_id)}/events", token=access_token, params=params, on_410=SyncTokenExpired
        )
        body = response.json()
        return EventPage(
            items=body.get("items", []),
            next_page_token=body.get("nextPageToken", ""),
            next_sync_token=body.get("nextSyncToken", ""),
        )

    def watch(
        self, *, access_token: str, calendar_id: str, channel_id: str, token: str, address: str, ttl_seconds: int
    ) -> Channel:
        body = {
            "id": channel_id,
            "type": "web_hook",
            "address": address,
            "token": token,
            "params": {"ttl": str(ttl_seconds)},
        }
        answer = self._send("POST", f"{_cal(calendar_id)}/events/watch", token=access_token, json=body).json()
        expiration = answer.get("expiration")
        return Channel(
            id=answer["id"],
            resource_id=answer["resourceId"],
            expiration=datetime.fromtimestamp(int(expiration) / 1000, tz=UTC) if expiration else None,
        )

    def stop_channel(self, *, access_token: str, channel_id: str, resource_id: str) -> None:
        try:
            self._send(
                "POST", f"{API}/channels/stop", token=access_token, json={"id": channel_id, "resourceId": resource_id}
            )
        except GoogleError as error:
            if error.status != 404:  # already expired or stopped
                raise

    def freebusy(
        self, *, access_token: str, calendar_id: str, time_min: datetime, time_max: datetime
    ) -> list[tuple[datetime, datetime]]:
        body = {"timeMin": time_min.isoformat(), "timeMax": time_max.isoformat(), "items": [{"id": calendar_id}]}
        answer = self._send("POST", f"{API}/freeBusy", token=access_token, json=body).json()
        calendar = answer.get("calendars", {}).get(calendar_id, {})
        if calendar.get("errors"):
            raise GoogleError(f"freebusy: {calendar['errors'][0].get('reason', 'error')}", transient=False)
        return [
            (datetime.fromisoformat(busy["start"]), datetime.fromisoformat(busy["end"]))
            for busy in calendar.get("busy", [])
        ]

    # --- One request ----------------------------------------------------------------------------

    def _send(self, method: str, url: str, *, token: str = "", gone: bool = False, on_409=None, on_410=None, **kwargs):
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        try:
            response = self.session.request(method, url, headers=headers, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise GoogleError(f"{method} {url.split('?')[0]}: {type(exc).__name__}") from exc
        if response.status_code < 400:
            return response
        status, reason = response.status_code, _reason(response)
        what = f"{method} {url.split('?')[0]}: HTTP {status} {reason}".strip()
        if reason == "invalid_grant":
            raise InvalidGrant(what)
        if status == 401 and token:
            raise Unauthorized(what)
        if status == 409 and on_409 is not None:
            raise on_409(what)
        if status == 410 and on_410 is not None:
            raise on_410(what)
        if gone and status in (404, 410):
            raise EventGone(what, status=status)
        transient = status >= 500 or status == 429 or (status == 403 and reason in TRANSIENT_REASONS)
        raise GoogleError(what, transient=transient, status=status)
