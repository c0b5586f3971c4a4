"""The fake provider (development, tests, benchmarks): consent is a local page that approves at once,
and calendars are rows of `FakeCalendarEvent`, so the web process and the commands share them. It
checks the PKCE verifier like Google does and answers with the same errors (409 on a repeated insert,
410 on a deleted event and on an unknown sync token). `GOOGLE_FAKE_LATENCY_SECONDS` delays every call."""

import base64
import hashlib
import secrets
import time
from datetime import datetime, timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..models import FakeCalendarEvent
from .base import (
    CalendarInfo,
    CalendarProvider,
    Channel,
    EventExists,
    EventGone,
    EventPage,
    InvalidGrant,
    SyncTokenExpired,
    TokenSet,
)

REVOKED_REFRESH = "fake-refresh-revoked"  # a refresh token the fake refuses with invalid_grant (tests)


def _account(token: str) -> str:
    """Each consent makes a new fake Google account; its tokens carry its name
    (`fake-access-<account>.<random>`, `fake-refresh-<account>`), so stylists never share calendars."""
    return token.removeprefix("fake-access-").removeprefix("fake-refresh-").split(".")[0]


def fake_calendars(account: str) -> list[CalendarInfo]:
    return [
        CalendarInfo(id=f"{account}@fake.calendar", summary="My calendar", primary=True),
        CalendarInfo(id=f"work.{account}@fake.calendar", summary="Work"),
    ]


def pkce_challenge(verifier: str) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


def _pause() -> None:
    if settings.GOOGLE_FAKE_LATENCY_SECONDS:
        time.sleep(settings.GOOGLE_FAKE_LATENCY_SECONDS)


def _next_revision() -> int:
    return (FakeCalendarEvent.objects.aggregate(top=Max("revision"))["top"] or 0) + 1


def fake_event_put(*, calendar_id: str, event_id: str, body: dict) -> FakeCalendarEvent:
    """Create or replace an event in a fake calendar as its owner would in Google (development, tests)."""
    with transaction.atomic():
        row, _created = FakeCalendarEvent.objects.update_or_create(
            calendar_id=calendar_id,
            event_id=event_id,
            defaults={"body": {"status": "confirmed", **body, "id": event_id}, "revision": _next_revision()},
        )
    return row


def _dt(value: dict) -> datetime | None:
    return datetime.fromisoformat(value["dateTime"]) if value and value.get("dateTime") else None


class FakeProvider(CalendarProvider):
    name = "fake"

    def auth_url(self, *, state: str, code_challenge: str, redirect_uri: str) -> str:
        base = redirect_uri.rsplit("/callback/", 1)[0]
        query = urlencode({"state": state, "code_challenge": code_challenge, "redirect_uri": redirect_uri})
        return f"{base}/fake-consent/?{query}"

    def exchange_code(self, *, code: str, code_verifier: str, redirect_uri: str) -> TokenSet:
        _pause()
        if not code.startswith("fake:") or code.removeprefix("fake:") != pkce_challenge(code_verifier):
            raise InvalidGrant("invalid_grant: code or code_verifier does not match")
        account = secrets.token_hex(4)
        return TokenSet(
            access_token=f"fake-access-{account}.{secrets.token_hex(8)}",
            expires_in=3600,
            refresh_token=f"fake-refresh-{account}",
            scope="https://www.googleapis.com/auth/calendar.events",
        )

    def refresh(self, *, refresh_token: str) -> TokenSet:
        _pause()
        if refresh_token == REVOKED_REFRESH:
            raise InvalidGrant("invalid_grant: Token has been expired or revoked.")
        return TokenSet(access_token=f"fake-access-{_account(refresh_token)}.{secrets.token_hex(8)}", expires_in=3600)

    def revoke(self, *, token: str) -> None:
        _pause()

    def list_calendars(self, *, access_token: str) -> list[CalendarInfo]:
        _pause()
        return fake_calendars(_account(access_token))

    def insert_event(self, *, access_token: str, calendar_id: str, body: dict) -> dict:
        _pause()
        with transaction.atomic():
            if FakeCalendarEvent.objects.filter(calendar_id=calendar_id, event_id=body["id"]).exists():
                raise EventExists("HTTP 409 duplicate")
            row = FakeCalendarEvent.objects.create(
                calendar_id=calendar_id,
                event_id=body["id"],
                body={"status": "confirmed", **body},
                revision=_next_revision(),
            )
        return row.body

    def patch_event(self, *, access_token: str, calendar_id: str, event_id: str, body: dict) -> dict:
        _pause()
        with transaction.atomic():
            row = (
                FakeCalendarEvent.objects.select_for_update().filter(calendar_id=calendar_id, event_id=event_id).first()
            )
            if row is None:
                raise EventGone("HTTP 404 notFound")
            row.body = {**row.body, **body}
            row.revision = _next_revision()
            row.save(update_fields=["body", "revision"])
        return row.body

    def delete_event(self, *, access_token: str, calendar_id: str, event_id: str) -> None:
        _pause()
        with transaction.atomic():
            row = (
                FakeCalendarEvent.objects.select_for_update().filter(calendar_id=calendar_id, event_id=event_id).first()
            )
            if row is None:
                raise EventGone("HTTP 404 notFound")
            if row.body.get("status") == "cancelled":
                raise EventGone("HTTP 410 deleted", status=410)
            row.body = {**row.body, "status": "cancelled"}
            row.revision = _next_revision()
            row.save(update_fields=["body", "revision"])

    def list_events(
        self, *, access_token: str, calendar_id: str, sync_token: str = "", page_token: str = "", time_min: str = ""
    ) -> EventPage:
        _pause()
        rows = FakeCalendarEvent.objects.filter(calendar_id=calendar_id).order_by("revision")
        top = FakeCalendarEvent.objects.aggregate(top=Max("revision"))["top"] or 0
        if sync_token:
            if not sync_token.isdigit() or int(sync_token) > top:
                raise SyncTokenExpired("HTTP 410 fullSyncRequired")
            rows = rows.filter(revision__gt=int(sync_token))
            items = [row.body for row in rows]
        else:
            items = [row.body for row in rows if row.body.get("status") != "cancelled"]
        return EventPage(items=items, next_sync_token=str(top))

    def watch(
        self, *, access_token: str, calendar_id: str, channel_id: str, token: str, address: str, ttl_seconds: int
    ) -> Channel:
        _pause()
        return Channel(
            id=channel_id,
            resource_id=f"fake-resource-{calendar_id}",
            expiration=timezone.now() + timedelta(seconds=ttl_seconds),
        )

    def stop_channel(self, *, access_token: str, channel_id: str, resource_id: str) -> None:
        _pause()

    def freebusy(
        self, *, access_token: str, calendar_id: str, time_min: datetime, time_max: datetime
    ) -> list[tuple[datetime, datetime]]:
        _pause()
        busy = []
        for row in FakeCalendarEvent.objects.filter(calendar_id=calendar_id):
            body = row.body
            start, end = _dt(body.get("start", {})), _dt(body.get("end", {}))
            if body.get("status") == "cancelled" or body.get("transparency") == "transparent" or not start or not end:
                continue
            if start < time_max and end > time_min:
                busy.append((start, end))
        return sorted(busy)
