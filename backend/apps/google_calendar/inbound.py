"""In: busy time from the stylist's calendar becomes `TimeOff` (source google), so the availability
engine and its summary block it with no knowledge of Google.

`calendar_sync` reads the calendar incrementally (`syncToken`; a 410 starts a full sync that also
removes what is no longer there). An event blocks when it is not cancelled, not `transparent` (shown
as free) and not ours (our events carry `extendedProperties.private.salonBooking`). A busy event that
overlaps a pending or confirmed booking is recorded as a `BusyConflict` and the salon's managers are
told in their inbox: the booking stays. One server syncs a connection at a time (a lease on its row);
push notifications (`events.watch`) trigger a sync, `sync_calendars` is the periodic safety net and
renews the channels before they expire.
"""

import secrets
import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language

from apps.bookings.models import BLOCKING_STATUSES, Booking
from apps.notifications.messages import format_when
from apps.notifications.services import notification_inbox_alert
from apps.salons.models import StaffMember, TimeOff, TimeOffSource
from apps.salons.services import time_off_sync_external

from .models import BusyConflict, ConnectionStatus, GoogleConnection
from .providers import GoogleError, InvalidGrant, SyncTokenExpired, Unauthorized, get_calendar_provider
from .tokens import access_token

SYNC_LEASE = timedelta(minutes=2)
FULL_SYNC_FROM = timedelta(days=1)  # a full sync reads events from a day ago on
CHANNEL_TTL = timedelta(days=7)
RENEW_CHANNEL_BEFORE = timedelta(days=1)
MAX_PAGES = 50


def _take_lease(connection_id: int) -> bool:
    now = timezone.now()
    return bool(
        GoogleConnection.objects.filter(pk=connection_id, status=ConnectionStatus.CONNECTED)
        .exclude(calendar_id="")
        .filter(Q(sync_lease_until__isnull=True) | Q(sync_lease_until__lt=now))
        .update(sync_lease_until=now + SYNC_LEASE)
    )


def calendar_sync(*, connection_id: int) -> str:
    """Read the connection's calendar changes into time off. Returns `synced`, `busy` (another server
    holds the lease), `skipped` (not connected), `lost` (invalid_grant) or `error`."""
    if not _take_lease(connection_id):
        exists = GoogleConnection.objects.filter(pk=connection_id, status=ConnectionStatus.CONNECTED).exists()
        return "busy" if exists else "skipped"
    connection = GoogleConnection.objects.select_related("staff__salon").get(pk=connection_id)
    try:
        try:
            items, next_token, full = _read(connection, access_token(connection))
        except Unauthorized:
            items, next_token, full = _read(connection, access_token(connection, force_refresh=True))
    except InvalidGrant:
        return "lost"
    except GoogleError as error:
        GoogleConnection.objects.filter(pk=connection_id).update(
            last_error=str(error)[:500], last_error_at=timezone.now(), sync_lease_until=None
        )
        return "error"
    _apply(connection, items, next_token, full=full)
    return "synced"


def _read(connection: GoogleConnection, token: str) -> tuple[list[dict], str, bool]:
    provider = get_calendar_provider()
    sync_token, full = connection.sync_token, not connection.sync_token
    time_min = (timezone.now() - FULL_SYNC_FROM).astimezone(UTC).isoformat().replace("+00:00", "Z")
    while True:
        items: list[dict] = []
        page_token = ""
        try:
            for _page in range(MAX_PAGES):
                page = provider.list_events(
                    access_token=token,
                    calendar_id=connection.calendar_id,
                    sync_token=sync_token,
                    page_token=page_token,
                    time_min="" if sync_token else time_min,
                )
                items += page.items
                page_token = page.next_page_token
                if not page_token:
                    return items, page.next_sync_token, full
            raise GoogleError("too many pages", transient=True)
        except SyncTokenExpired:
            if full:
                raise
            sync_token, full = "", True  # 410 Gone: start again with a full sync


def busy_range(item: dict, tz: ZoneInfo) -> tuple[datetime, datetime] | None:
    """The time an event blocks, or None when it does not (cancelled, free, ours, malformed)."""
    if item.get("status") == "cancelled" or item.get("transparency") == "transparent":
        return None
    if (item.get("extendedProperties") or {}).get("private", {}).get("salonBooking"):
        return None
    start, end = item.get("start") or {}, item.get("end") or {}
    try:
        if start.get("dateTime") and end.get("dateTime"):
            begin, finish = datetime.fromisoformat(start["dateTime"]), datetime.fromisoformat(end["dateTime"])
        elif start.get("date") and end.get("date"):  # all day: the end date is exclusive
            begin = datetime.combine(datetime.fromisoformat(start["date"]).date(), time(), tzinfo=tz)
            finish = datetime.combine(datetime.fromisoformat(end["date"]).date(), time(), tzinfo=tz)
        else:
            return None
    except ValueError:
        return None
    if begin.tzinfo is None or finish <= begin:
        return None
    return begin, finish


def _apply(connection: GoogleConnection, items: list[dict], next_token: str, *, full: bool) -> None:
    staff = connection.staff
    tz = ZoneInfo(staff.salon.timezone)
    upserts: dict[str, tuple[str, datetime, datetime, str]] = {}
    deletes: set[str] = set()
    for item in items:
        if not item.get("id"):
            continue
        busy = busy_range(item, tz)
        if busy is None:
            deletes.add(item["id"])
            upserts.pop(item["id"], None)
        else:
            upserts[item["id"]] = (item["id"], busy[0], busy[1], "Google Calendar")
            deletes.discard(item["id"])
    with transaction.atomic():
        locked = GoogleConnection.objects.select_for_update().filter(pk=connection.pk).first()
        if (
            locked is None
            or locked.status != ConnectionStatus.CONNECTED
            or locked.calendar_id != connection.calendar_id
        ):
            return  # disconnected or another calendar chosen meanwhile
        if full:
            known = TimeOff.objects.filter(staff=staff, source=TimeOffSource.GOOGLE).values_list(
                "external_id", flat=True
            )
            deletes |= set(known) - set(upserts)
        written, _removed = time_off_sync_external(
            staff=staff, source=TimeOffSource.GOOGLE, upserts=list(upserts.values()), deletes=sorted(deletes)
        )
        _flag_conflicts(staff, written)
        GoogleConnection.objects.filter(pk=connection.pk).update(
            sync_token=next_token,
            last_synced_at=timezone.now(),
            last_error="",
            last_error_at=None,
            sync_lease_until=None,
        )


def _flag_conflicts(staff: StaffMember, written: list[TimeOff]) -> None:
    """Record each pending or confirmed booking a new or moved busy event overlaps, and tell the
    salon's managers (once per event and booking)."""
    for time_off in written:
        bookings = Booking.objects.filter(
            staff=staff, status__in=BLOCKING_STATUSES, start__lt=time_off.end, end__gt=time_off.start
        ).select_related("salon")
        for booking in bookings:
            _conflict, created = BusyConflict.objects.get_or_create(time_off=time_off, booking=booking)
            if not created:
                continue
            for manager_id in booking.salon.managers.values_list("pk", flat=True):
                notification_inbox_alert(
                    recipient_id=manager_id,
                    event="calendar_conflict",
                    occurrence=f"google:{time_off.pk}:{booking.pk}:{int(time_off.start.timestamp())}",
                    template="calendar_conflict",
                    values=_conflict_values(staff, booking),
                )


def _conflict_values(staff: StaffMember, booking: Booking):
    def values() -> dict[str, str]:
        return {
            "stylist": staff.name,
            "when": format_when(booking.start, ZoneInfo(booking.salon.timezone), (get_language() or "ar")[:2]),
            "ref": booking.reference,
            "salon": booking.salon.name,
        }

    return values


def channel_renew(*, connection: GoogleConnection, force: bool = False) -> bool:
    """Open a push channel for the connection's calendar when it has none or it expires within a day
    (and stop the old one). Nothing without `GOOGLE_WEBHOOK_URL`. Returns whether a channel was opened."""
    if not settings.GOOGLE_WEBHOOK_URL or not connection.is_active:
        return False
    now = timezone.now()
    if (
        not force
        and connection.channel_id
        and connection.channel_expires_at
        and (connection.channel_expires_at > now + RENEW_CHANNEL_BEFORE)
    ):
        return False
    provider = get_calendar_provider()
    token = access_token(connection)
    old_id, old_resource = connection.channel_id, connection.channel_resource_id
    channel_token = secrets.token_urlsafe(32)
    channel = provider.watch(
        access_token=token,
        calendar_id=connection.calendar_id,
        channel_id=str(uuid.uuid4()),
        token=channel_token,
        address=settings.GOOGLE_WEBHOOK_URL,
        ttl_seconds=int(CHANNEL_TTL.total_seconds()),
    )
    GoogleConnection.objects.filter(pk=connection.pk).update(
        channel_id=channel.id,
        channel_resource_id=channel.resource_id,
        channel_token=channel_token,
        channel_expires_at=channel.expiration or now + CHANNEL_TTL,
    )
    if old_id:
        try:
            provider.stop_channel(access_token=token, channel_id=old_id, resource_id=old_resource)
        except GoogleError:
            pass  # it expires by itself; its notifications no longer match a connection
    return True


def calendar_sync_and_watch(*, connection_id: int) -> str:
    """A sync, then a push channel when there is none (after a calendar is chosen)."""
    outcome = calendar_sync(connection_id=connection_id)
    connection = GoogleConnection.objects.filter(pk=connection_id).first()
    if outcome == "synced" and connection is not None:
        try:
            channel_renew(connection=connection)
        except GoogleError:
            pass  # sync_calendars tries again; until then the periodic sync covers it
    return outcome


def push_received(*, channel_id: str, channel_token: str, resource_state: str) -> int | None:
    """A push notification: the connection whose channel it is, when the token matches (else None).
    `sync` (the channel's first message) needs nothing; any other state calls for a sync."""
    if not channel_id or not channel_token:
        return None
    connection = GoogleConnection.objects.filter(channel_id=channel_id, status=ConnectionStatus.CONNECTED).first()
    if connection is None or not secrets.compare_digest(connection.channel_token, channel_token):
        return None
    return connection.pk
