"""Out: the stylist's bookings as events in their chosen calendar.

Each booking change publishes `BookingChanged` in its transaction; `calendar_booking_changed` adds one
`CalendarChange` row per connected calendar concerned (the booking's stylist's, and a previous
stylist's that shows it), keyed by the change's `BookingEvent` id: it commits or rolls back with the
change. After commit, and from `send_calendar_changes`, the sender claims rows (`select_for_update
(skip_locked=True)`, never two rows of one booking and calendar at once) and writes the booking's
state at that moment: idempotent whatever the order or the number of attempts. Inserts use a
deterministic event id, so a retried insert answers 409 and is turned into a patch; later changes
patch the stored id; a cancelled or expired booking, or one moved to another stylist, is deleted.
"""

from collections import Counter
from collections.abc import Collection
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Subquery
from django.utils import timezone

from apps.bookings.events import BookingChanged
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.core.after_commit import on_commit_safely
from apps.core.locks import lock_name

from .models import CalendarChange, ChangeStatus, ConnectionStatus, EventLink, GoogleConnection
from .providers import (
    CalendarProvider,
    EventExists,
    EventGone,
    GoogleError,
    InvalidGrant,
    Unauthorized,
    get_calendar_provider,
)
from .tokens import access_token

STALE_CLAIM_AFTER = timedelta(minutes=5)
REMOVED_STATUSES = (BookingStatus.CANCELLED, BookingStatus.EXPIRED)
MAX_RETRY_DELAY = timedelta(hours=1)


def calendar_booking_changed(change: BookingChanged) -> None:
    """The reaction to `BookingChanged` (registered in `GoogleCalendarConfig.ready`): queue the change
    for each connected calendar concerned. One query when the stylist has no calendar connected."""
    staff_of_booking = Booking.objects.filter(pk=change.booking_id).values("staff_id")[:1]
    connection_ids = list(
        GoogleConnection.objects.filter(status=ConnectionStatus.CONNECTED)
        .exclude(calendar_id="")
        .filter(
            Q(staff_id=Subquery(staff_of_booking))
            | Q(pk__in=EventLink.objects.filter(booking_id=change.booking_id).values("connection_id"))
        )
        .values_list("pk", flat=True)
    )
    if not connection_ids:
        return
    event_id = BookingEvent.objects.filter(booking_id=change.booking_id).order_by("-pk").values_list("pk", flat=True)[0]
    keys = [f"event:{event_id}:{connection_id}" for connection_id in connection_ids]
    now = timezone.now()
    CalendarChange.objects.bulk_create(
        [
            CalendarChange(key=key, connection_id=connection_id, booking_id=change.booking_id, next_attempt_at=now)
            for key, connection_id in zip(keys, connection_ids, strict=True)
        ],
        ignore_conflicts=True,
    )
    if settings.GOOGLE_SEND_IMMEDIATELY:
        on_commit_safely(lambda: changes_send_due(keys=keys), name="google_calendar.send", after_response=True)


def event_id_for(connection: GoogleConnection, booking_id: int) -> str:
    """Our event's id: Google accepts 5-1024 characters of base32hex (a-v, 0-9)."""
    return f"salonb{booking_id}g{connection.generation}c{connection.pk}"


def event_body(booking: Booking) -> dict:
    """The event showing `booking`: the service and the customer's first name (never the phone), the
    reference, a link to the booking in the back office, and our mark in `extendedProperties.private`
    (the in-sync skips events that carry it)."""
    tz = booking.salon.timezone
    zone = ZoneInfo(tz)
    first_name = (booking.customer.first_name or "").strip()
    summary = booking.service.name + (f" – {first_name}" if first_name else "")
    return {
        "summary": summary[:250],
        "description": f"{booking.reference}\n{settings.FRONTEND_URL}/manage/bookings/{booking.pk}",
        "start": {"dateTime": booking.start.astimezone(zone).isoformat(), "timeZone": tz},
        "end": {"dateTime": booking.end.astimezone(zone).isoformat(), "timeZone": tz},
        "status": "tentative" if booking.status == BookingStatus.PENDING else "confirmed",
        "transparency": "opaque",
        "extendedProperties": {"private": {"salonBooking": str(booking.pk), "salonReference": booking.reference}},
    }


def retry_delay(attempts: int) -> timedelta:
    return min(timedelta(seconds=settings.GOOGLE_SYNC_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)), MAX_RETRY_DELAY)


def changes_send_due(
    *, keys: Collection[str] | None = None, connection_id: int | None = None, limit: int | None = None
) -> Counter[str]:
    """Write every due change (or the due ones among `keys`, or of one connection) to Google. Returns
    how many were `done`, `retrying`, `failed` or `skipped`. Safe in several processes at once."""
    only = Q()
    if keys is not None:
        only &= Q(key__in=list(keys))
    if connection_id is not None:
        only &= Q(connection_id=connection_id)
    outcomes: Counter[str] = Counter()
    busy: set[tuple[int, int]] = set()
    provider = get_calendar_provider()
    while (limit is None or sum(outcomes.values()) < limit) and (change := _claim_next(only, busy)) is not None:
        outcome = _deliver(change, provider)
        outcomes[outcome] += 1
    return outcomes


def _claim_next(only: Q, busy: set[tuple[int, int]]) -> CalendarChange | None:
    """Take the next due row whose booking and calendar no other sender is writing (status `sending`,
    one more attempt). The name lock makes the check and the claim one step across senders."""
    now = timezone.now()
    due = Q(status=ChangeStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=ChangeStatus.SENDING, claimed_at__lte=now - STALE_CLAIM_AFTER
    )
    with transaction.atomic():
        candidates = CalendarChange.objects.select_for_update(skip_locked=True).filter(due, only)
        for change in candidates.order_by("next_attempt_at", "pk")[:20]:
            pair = (change.booking_id, change.connection_id)
            if pair in busy:
                continue
            lock_name(f"google-calendar-booking:{change.booking_id}:{change.connection_id}")
            in_flight = (
                CalendarChange.objects.filter(
                    booking_id=change.booking_id,
                    connection_id=change.connection_id,
                    status=ChangeStatus.SENDING,
                    claimed_at__gt=now - STALE_CLAIM_AFTER,
                )
                .exclude(pk=change.pk)
                .exists()
            )
            if in_flight:
                busy.add(pair)
                continue
            change.status = ChangeStatus.SENDING
            change.claimed_at = now
            change.attempts += 1
            change.save(update_fields=["status", "claimed_at", "attempts"])
            return change
    return None


def _deliver(change: CalendarChange, provider: CalendarProvider) -> str:
    connection = GoogleConnection.objects.get(pk=change.connection_id)
    if not connection.is_active:
        return _settle(change, ChangeStatus.SKIPPED, "not connected")
    booking = Booking.objects.select_related("salon", "service", "customer").get(pk=change.booking_id)
    try:
        try:
            _write(provider, access_token(connection), connection, booking)
        except Unauthorized:
            _write(provider, access_token(connection, force_refresh=True), connection, booking)
    except InvalidGrant:
        return _settle(change, ChangeStatus.SKIPPED, "invalid_grant")
    except GoogleError as error:
        GoogleConnection.objects.filter(pk=connection.pk).update(
            last_error=str(error)[:500], last_error_at=timezone.now()
        )
        if error.transient and change.attempts < settings.GOOGLE_SYNC_MAX_ATTEMPTS:
            return _settle(
                change, ChangeStatus.PENDING, str(error), next_attempt_at=timezone.now() + retry_delay(change.attempts)
            )
        return _settle(change, ChangeStatus.FAILED, str(error))
    return _settle(change, ChangeStatus.DONE, "")


def _settle(change: CalendarChange, status: str, error: str, *, next_attempt_at=None) -> str:
    done = status in (ChangeStatus.DONE, ChangeStatus.SKIPPED)
    CalendarChange.objects.filter(pk=change.pk, status=ChangeStatus.SENDING).update(
        status=status,
        last_error=error[:500],
        next_attempt_at=next_attempt_at,
        done_at=timezone.now() if done else None,
    )
    change.status = status
    return "retrying" if status == ChangeStatus.PENDING else status


def _write(provider: CalendarProvider, token: str, connection: GoogleConnection, booking: Booking) -> None:
    """Make the calendar show `booking` as it is now (or not at all)."""
    calendar = connection.calendar_id
    link = EventLink.objects.filter(connection=connection, booking=booking).first()
    event_id = link.google_event_id if link else event_id_for(connection, booking.pk)
    if booking.staff_id != connection.staff_id or booking.status in REMOVED_STATUSES:
        try:
            provider.delete_event(access_token=token, calendar_id=calendar, event_id=event_id)
        except EventGone:
            pass  # deleted already (by us on an earlier attempt, or by the stylist)
        EventLink.objects.filter(connection=connection, booking=booking).delete()
        return
    body = event_body(booking)
    if link is None:
        try:
            provider.insert_event(access_token=token, calendar_id=calendar, body={**body, "id": event_id})
        except EventExists:  # a retried insert: it is there, bring it up to date
            provider.patch_event(access_token=token, calendar_id=calendar, event_id=event_id, body=body)
    else:
        try:
            provider.patch_event(access_token=token, calendar_id=calendar, event_id=event_id, body=body)
        except EventGone:  # removed in Google meanwhile: put it back
            provider.insert_event(access_token=token, calendar_id=calendar, body={**body, "id": event_id})
    EventLink.objects.update_or_create(connection=connection, booking=booking, defaults={"google_event_id": event_id})
