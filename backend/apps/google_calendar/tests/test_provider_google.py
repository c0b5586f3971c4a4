"""The requests client against the documented shapes of Google's OAuth 2.0 and Calendar API v3."""

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlparse

import pytest
import requests
import responses
from responses import matchers

from apps.google_calendar.providers import (
    EventExists,
    EventGone,
    GoogleError,
    InvalidGrant,
    SyncTokenExpired,
    Unauthorized,
)
from apps.google_calendar.providers.google import API, REVOKE_URL, TOKEN_URL, GoogleProvider

EVENTS = f"{API}/calendars/primary/events"
BEARER = matchers.header_matcher({"Authorization": "Bearer at-1"})


@pytest.fixture
def google(settings):
    settings.GOOGLE_CLIENT_ID = "client-1.apps.googleusercontent.com"
    settings.GOOGLE_CLIENT_SECRET = "secret-1"  # noqa: S105
    settings.GOOGLE_TIMEOUT_SECONDS = 7.0
    return GoogleProvider()


def _api_error(code: int, reason: str, message: str = "") -> dict:
    return {"error": {"code": code, "message": message or reason, "errors": [{"domain": "global", "reason": reason}]}}


def test_the_auth_url_asks_for_offline_access_with_pkce(google):
    url = google.auth_url(
        state="st", code_challenge="ch", redirect_uri="https://salon.example.sa/api/calendar/google/callback/"
    )

    parsed = urlparse(url)
    query = parse_qs(parsed.query)
    assert f"{parsed.scheme}://{parsed.netloc}{parsed.path}" == "https://accounts.google.com/o/oauth2/v2/auth"
    assert query["response_type"] == ["code"]
    assert query["access_type"] == ["offline"]
    assert query["prompt"] == ["consent"]
    assert query["code_challenge_method"] == ["S256"]
    assert (query["code_challenge"], query["state"]) == (["ch"], ["st"])
    assert query["scope"] == [
        "https://www.googleapis.com/auth/calendar.events https://www.googleapis.com/auth/calendar.freebusy "
        "https://www.googleapis.com/auth/calendar.calendarlist.readonly"
    ]


@responses.activate
def test_the_code_is_exchanged_with_the_verifier(google):
    responses.post(
        TOKEN_URL,
        match=[
            matchers.urlencoded_params_matcher(
                {
                    "grant_type": "authorization_code",
                    "code": "4/abc",
                    "code_verifier": "v" * 43,
                    "redirect_uri": "https://x/cb/",
                    "client_id": "client-1.apps.googleusercontent.com",
                    "client_secret": "secret-1",
                }
            )
        ],
        json={
            "access_token": "at-1",
            "expires_in": 3599,
            "refresh_token": "rt-1",
            "scope": "s",
            "token_type": "Bearer",
        },
    )

    tokens = google.exchange_code(code="4/abc", code_verifier="v" * 43, redirect_uri="https://x/cb/")

    assert (tokens.access_token, tokens.refresh_token, tokens.expires_in) == ("at-1", "rt-1", 3599)
    assert responses.calls[0].request.req_kwargs["timeout"] == 7.0


@responses.activate
def test_a_refresh_keeps_the_refresh_token_and_invalid_grant_is_told_apart(google):
    responses.post(
        TOKEN_URL,
        match=[
            matchers.urlencoded_params_matcher(
                {
                    "grant_type": "refresh_token",
                    "refresh_token": "rt-1",
                    "client_id": "client-1.apps.googleusercontent.com",
                    "client_secret": "secret-1",
                }
            )
        ],
        json={"access_token": "at-2", "expires_in": 3599, "scope": "s", "token_type": "Bearer"},
    )
    responses.post(
        TOKEN_URL,
        status=400,
        json={"error": "invalid_grant", "error_description": "Token has been expired or revoked."},
    )

    refreshed = google.refresh(refresh_token="rt-1")
    assert (refreshed.access_token, refreshed.refresh_token) == ("at-2", "")
    with pytest.raises(InvalidGrant):
        google.refresh(refresh_token="rt-1")


@responses.activate
def test_revoke_posts_the_token_and_accepts_an_already_revoked_one(google):
    responses.post(REVOKE_URL, match=[matchers.urlencoded_params_matcher({"token": "rt-1"})], status=200)
    responses.post(
        REVOKE_URL, status=400, json={"error": "invalid_token", "error_description": "Token expired or revoked"}
    )

    google.revoke(token="rt-1")
    google.revoke(token="rt-1")

    assert len(responses.calls) == 2


@responses.activate
def test_calendars_are_listed_writable_only_across_pages(google):
    url = f"{API}/users/me/calendarList"
    responses.get(
        url,
        match=[BEARER, matchers.query_param_matcher({"minAccessRole": "writer"})],
        json={
            "kind": "calendar#calendarList",
            "items": [{"id": "me@example.com", "summary": "Me", "primary": True}],
            "nextPageToken": "p2",
        },
    )
    responses.get(
        url,
        match=[matchers.query_param_matcher({"minAccessRole": "writer", "pageToken": "p2"})],
        json={"items": [{"id": "work@group.calendar.google.com", "summary": "Work", "summaryOverride": "Salon"}]},
    )

    calendars = google.list_calendars(access_token="at-1")

    assert [(c.id, c.summary, c.primary) for c in calendars] == [
        ("me@example.com", "Me", True),
        ("work@group.calendar.google.com", "Salon", False),
    ]


@responses.activate
def test_insert_sends_our_id_and_a_repeated_insert_is_409(google):
    body = {"id": "salonb1g1c1", "summary": "Cut", "start": {"dateTime": "2026-03-05T16:30:00+03:00"}}
    responses.post(EVENTS, match=[BEARER, matchers.json_params_matcher(body)], json={**body, "status": "confirmed"})
    responses.post(EVENTS, status=409, json=_api_error(409, "duplicate", "The requested identifier already exists."))

    assert google.insert_event(access_token="at-1", calendar_id="primary", body=body)["id"] == "salonb1g1c1"
    with pytest.raises(EventExists):
        google.insert_event(access_token="at-1", calendar_id="primary", body=body)


@responses.activate
def test_patch_and_delete_address_the_event_and_tell_a_deleted_one(google):
    responses.patch(
        f"{EVENTS}/salonb1g1c1",
        match=[BEARER, matchers.json_params_matcher({"summary": "New"})],
        json={"id": "salonb1g1c1", "summary": "New"},
    )
    responses.patch(f"{EVENTS}/missing1", status=404, json=_api_error(404, "notFound"))
    responses.delete(f"{EVENTS}/salonb1g1c1", status=204)
    responses.delete(f"{EVENTS}/salonb1g1c1", status=410, json=_api_error(410, "deleted", "Resource has been deleted"))

    assert (
        google.patch_event(access_token="at-1", calendar_id="primary", event_id="salonb1g1c1", body={"summary": "New"})[
            "summary"
        ]
        == "New"
    )
    with pytest.raises(EventGone):
        google.patch_event(access_token="at-1", calendar_id="primary", event_id="missing1", body={})
    google.delete_event(access_token="at-1", calendar_id="primary", event_id="salonb1g1c1")
    with pytest.raises(EventGone) as gone:
        google.delete_event(access_token="at-1", calendar_id="primary", event_id="salonb1g1c1")
    assert gone.value.status == 410


@responses.activate
def test_a_calendar_id_is_escaped_in_the_path(google):
    responses.get(f"{API}/calendars/work%40group.calendar.google.com/events", json={"items": [], "nextSyncToken": "s1"})

    page = google.list_events(
        access_token="at-1", calendar_id="work@group.calendar.google.com", time_min="2026-03-01T00:00:00Z"
    )

    assert page.next_sync_token == "s1"


@responses.activate
def test_list_full_then_incremental_and_410_means_full_sync(google):
    full = {"singleEvents": "true", "showDeleted": "true", "maxResults": "250", "timeMin": "2026-03-01T00:00:00Z"}
    responses.get(
        EVENTS,
        match=[BEARER, matchers.query_param_matcher(full)],
        json={"kind": "calendar#events", "items": [{"id": "e1", "status": "confirmed"}], "nextPageToken": "p2"},
    )
    responses.get(
        EVENTS,
        match=[matchers.query_param_matcher({**full, "pageToken": "p2"})],
        json={"items": [{"id": "e2"}], "nextSyncToken": "sync-1"},
    )
    incremental = {"singleEvents": "true", "showDeleted": "true", "maxResults": "250", "syncToken": "sync-1"}
    responses.get(
        EVENTS,
        match=[matchers.query_param_matcher(incremental)],
        status=410,
        json=_api_error(410, "fullSyncRequired", "Sync token is no longer valid, a full sync is required."),
    )

    first = google.list_events(access_token="at-1", calendar_id="primary", time_min="2026-03-01T00:00:00Z")
    second = google.list_events(
        access_token="at-1", calendar_id="primary", page_token="p2", time_min="2026-03-01T00:00:00Z"
    )
    assert (first.next_page_token, [item["id"] for item in first.items]) == ("p2", ["e1"])
    assert second.next_sync_token == "sync-1"
    with pytest.raises(SyncTokenExpired):
        google.list_events(access_token="at-1", calendar_id="primary", sync_token="sync-1")


@responses.activate
def test_watch_and_stop_a_channel(google):
    responses.post(
        f"{EVENTS}/watch",
        match=[
            BEARER,
            matchers.json_params_matcher(
                {
                    "id": "ch-1",
                    "type": "web_hook",
                    "address": "https://x/n/",
                    "token": "tok",
                    "params": {"ttl": "604800"},
                }
            ),
        ],
        json={
            "kind": "api#channel",
            "id": "ch-1",
            "resourceId": "res-1",
            "resourceUri": f"{EVENTS}?alt=json",
            "token": "tok",
            "expiration": "1773100800000",
        },
    )
    responses.post(
        f"{API}/channels/stop", match=[matchers.json_params_matcher({"id": "ch-1", "resourceId": "res-1"})], status=204
    )
    responses.post(f"{API}/channels/stop", status=404, json=_api_error(404, "notFound"))

    channel = google.watch(
        access_token="at-1",
        calendar_id="primary",
        channel_id="ch-1",
        token="tok",
        address="https://x/n/",
        ttl_seconds=604800,
    )
    google.stop_channel(access_token="at-1", channel_id="ch-1", resource_id="res-1")
    google.stop_channel(access_token="at-1", channel_id="ch-1", resource_id="res-1")  # already gone: fine

    assert (channel.resource_id, channel.expiration) == ("res-1", datetime(2026, 3, 10, tzinfo=UTC))


@responses.activate
def test_freebusy_returns_the_busy_ranges(google):
    responses.post(
        f"{API}/freeBusy",
        match=[
            matchers.json_params_matcher(
                {
                    "timeMin": "2026-03-05T00:00:00+00:00",
                    "timeMax": "2026-03-06T00:00:00+00:00",
                    "items": [{"id": "primary"}],
                }
            )
        ],
        json={
            "kind": "calendar#freeBusy",
            "calendars": {"primary": {"busy": [{"start": "2026-03-05T07:00:00Z", "end": "2026-03-05T08:00:00Z"}]}},
        },
    )

    busy = google.freebusy(
        access_token="at-1",
        calendar_id="primary",
        time_min=datetime(2026, 3, 5, tzinfo=UTC),
        time_max=datetime(2026, 3, 6, tzinfo=UTC),
    )

    assert busy == [(datetime(2026, 3, 5, 7, tzinfo=UTC), datetime(2026, 3, 5, 8, tzinfo=UTC))]


@responses.activate
@pytest.mark.parametrize(
    ("status", "body", "error", "transient"),
    [
        (401, _api_error(401, "authError", "Invalid Credentials"), Unauthorized, True),
        (403, _api_error(403, "rateLimitExceeded"), GoogleError, True),
        (403, _api_error(403, "forbidden"), GoogleError, False),
        (429, _api_error(429, "rateLimitExceeded"), GoogleError, True),
        (500, _api_error(500, "backendError"), GoogleError, True),
        (400, _api_error(400, "invalid", "Invalid start time."), GoogleError, False),
    ],
)
def test_api_errors_are_mapped(google, status, body, error, transient):
    responses.post(EVENTS, status=status, json=body)

    with pytest.raises(error) as raised:
        google.insert_event(access_token="at-1", calendar_id="primary", body={"id": "abcde"})

    assert raised.value.transient is transient
    assert "at-1" not in str(raised.value)


@responses.activate
def test_a_timeout_is_a_transient_error(google):
    responses.post(EVENTS, body=requests.Timeout("read timed out"))

    with pytest.raises(GoogleError) as raised:
        google.insert_event(access_token="at-1", calendar_id="primary", body={"id": "abcde"})

    assert raised.value.transient is True
    assert str(raised.value) == f"POST {EVENTS}: Timeout"
