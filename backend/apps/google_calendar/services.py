"""A stylist's connection: OAuth with PKCE, choosing the calendar, tokens (refreshed when expired,
revoked on disconnect), and losing it (`invalid_grant`: disconnected and the stylist told).

Google is called outside transactions (each call is bounded by its timeout); each write here is its
own short transaction."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.utils import timezone

from apps.bookings.models import BLOCKING_STATUSES, Booking
from apps.core.after_commit import on_commit_safely
from apps.salons.models import StaffMember

from .crypto import token_decrypt, token_encrypt
from .errors import GoogleUnavailable, NotConnected, UnknownCalendar
from .inbound import calendar_sync_and_watch
from .models import CalendarChange, ConnectionStatus, GoogleConnection, OAuthAttempt
from .outbound import changes_send_due
from .providers import CalendarInfo, GoogleError, TokenSet, get_calendar_provider
from .providers.fake import pkce_challenge
from .tokens import access_token, forget_calendar, mark_disconnected

STATE_SALT = "google-calendar-oauth-state"
STATE_MAX_AGE = timedelta(minutes=10)


class StateInvalid(Exception):
    """The callback's state is forged, expired, used already, or for someone else."""


@dataclass(frozen=True)
class ConnectResult:
    staff: StaffMember
    return_path: str


def connect_start(*, user, staff: StaffMember, redirect_uri: str, return_path: str = "/") -> str:
    """Start connecting `staff`'s Google account: the URL of Google's consent page. The state sent is
    signed and names a server-side attempt (single use, bound to `user`) that keeps the PKCE verifier."""
    if not return_path.startswith("/") or return_path.startswith("//"):
        return_path = "/"
    state = secrets.token_urlsafe(32)
    verifier = secrets.token_urlsafe(64)
    OAuthAttempt.objects.create(
        state=state,
        user=user,
        staff=staff,
        code_verifier=verifier,
        return_path=return_path[:200],
        expires_at=timezone.now() + STATE_MAX_AGE,
    )
    signed = signing.dumps({"s": state, "u": user.pk}, salt=STATE_SALT, compress=True)
    return get_calendar_provider().auth_url(
        state=signed, code_challenge=pkce_challenge(verifier), redirect_uri=redirect_uri
    )


def connect_finish(*, signed_state: str, code: str, redirect_uri: str) -> ConnectResult:
    """Google sent the user back with `code`: use the attempt once, exchange the code (with the PKCE
    verifier) and store the tokens encrypted. The calendar is chosen next (`calendar_choose`)."""
    try:
        payload = signing.loads(signed_state, salt=STATE_SALT, max_age=STATE_MAX_AGE.total_seconds())
    except signing.BadSignature as exc:
        raise StateInvalid("bad or expired state") from exc
    with transaction.atomic():
        attempt = (
            OAuthAttempt.objects.select_for_update()
            .select_related("staff")
            .filter(state=payload.get("s"), user_id=payload.get("u"), used_at__isnull=True)
            .first()
        )
        if attempt is None or attempt.expires_at < timezone.now():
            raise StateInvalid("unknown, used or expired attempt")
        attempt.used_at = timezone.now()
        attempt.save(update_fields=["used_at"])
    tokens = get_calendar_provider().exchange_code(
        code=code, code_verifier=attempt.code_verifier, redirect_uri=redirect_uri
    )
    _store_connection(staff=attempt.staff, user_id=attempt.user_id, tokens=tokens)
    return ConnectResult(staff=attempt.staff, return_path=attempt.return_path)


def _store_connection(*, staff: StaffMember, user_id: int, tokens: TokenSet) -> GoogleConnection:
    now = timezone.now()
    with transaction.atomic():
        connection, created = GoogleConnection.objects.select_for_update().get_or_create(
            staff=staff, defaults={"status": ConnectionStatus.CONNECTED}
        )
        if not created:
            connection.generation += 1
        connection.status = ConnectionStatus.CONNECTED
        connection.connected_by_id = user_id
        connection.access_token = token_encrypt(tokens.access_token)
        connection.refresh_token = token_encrypt(tokens.refresh_token)
        connection.token_expires_at = now + timedelta(seconds=tokens.expires_in)
        connection.scopes = tokens.scope[:500]
        connection.calendar_id = connection.calendar_name = connection.sync_token = ""
        connection.last_error, connection.last_error_at = "", None
        connection.connected_at, connection.disconnected_at = now, None
        connection.save()
        return connection


def connection_get(*, staff: StaffMember) -> GoogleConnection:
    connection = GoogleConnection.objects.filter(staff=staff, status=ConnectionStatus.CONNECTED).first()
    if connection is None:
        raise NotConnected()
    return connection


def calendars_list(*, connection: GoogleConnection) -> list[CalendarInfo]:
    try:
        return get_calendar_provider().list_calendars(access_token=access_token(connection))
    except GoogleError as error:
        raise GoogleUnavailable() from error


def calendar_choose(*, connection: GoogleConnection, calendar_id: str) -> GoogleConnection:
    """Write the stylist's bookings to `calendar_id` and read its busy time from now on: the upcoming
    bookings are queued (once per connection), then synced and watched after commit."""
    chosen = next((item for item in calendars_list(connection=connection) if item.id == calendar_id), None)
    if chosen is None:
        raise UnknownCalendar(errors={"calendar_id": [str(UnknownCalendar.message)]})
    with transaction.atomic():
        connection = GoogleConnection.objects.select_for_update().get(pk=connection.pk)
        if connection.calendar_id and connection.calendar_id != calendar_id:
            # A different calendar: what came from the old one no longer applies.
            forget_calendar(connection)
        connection.calendar_id, connection.calendar_name = chosen.id, chosen.summary[:255]
        connection.sync_token = ""
        connection.save(update_fields=["calendar_id", "calendar_name", "sync_token", "updated_at"])
        upcoming = Booking.objects.filter(
            staff_id=connection.staff_id, status__in=BLOCKING_STATUSES, end__gt=timezone.now()
        ).values_list("pk", flat=True)
        CalendarChange.objects.bulk_create(
            [
                CalendarChange(
                    key=f"backfill:{connection.generation}:{connection.calendar_id[:20]}:{booking_id}"[:80],
                    connection=connection,
                    booking_id=booking_id,
                    next_attempt_at=timezone.now(),
                )
                for booking_id in upcoming
            ],
            ignore_conflicts=True,
        )
        on_commit_safely(lambda: changes_send_due(connection_id=connection.pk), name="google_calendar.send")
        on_commit_safely(lambda: calendar_sync_and_watch(connection_id=connection.pk), name="google_calendar.sync")
    return connection


def connection_disconnect(*, connection: GoogleConnection) -> None:
    """Stop the push channel, revoke the grant at Google (best effort: a failure there is recorded and
    the tokens are dropped anyway), and forget the calendar's busy time and our events' ids."""
    provider = get_calendar_provider()
    error = ""
    try:
        token = token_decrypt(connection.refresh_token) or token_decrypt(connection.access_token)
        if connection.channel_id:
            provider.stop_channel(
                access_token=token_decrypt(connection.access_token),
                channel_id=connection.channel_id,
                resource_id=connection.channel_resource_id,
            )
        if token:
            provider.revoke(token=token)
    except GoogleError as exc:
        error = str(exc)[:500]
    mark_disconnected(connection, reason=error)
