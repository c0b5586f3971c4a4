"""Every write of the notifications app: the outbox, sending with retries, reminders, a stylist's
welcome to a salon's team, read marks.

Outbox: `notification_booking_event` runs inside the transaction that changed a booking or a
payment and only inserts rows, so they commit or roll back with the change; they are sent right
after commit (in a request, right after its response is sent: `on_commit_safely(after_response=True)`).
Sending claims one due row at a time in a short transaction (PostgreSQL:
`SELECT … FOR UPDATE SKIP LOCKED`; SQLite: every write transaction is IMMEDIATE, which serialises
the claims), calls the provider outside any transaction and records the outcome only if the claim
is still its own. A failed attempt is retried with exponential backoff until
NOTIFICATION_MAX_ATTEMPTS, then the row is `failed` for an operator. A row left `sending` by a
sender that died becomes due again after STALE_CLAIM_AFTER.

An email copy of a message (`Channel.EMAIL`, `email_planning.py`) is inserted beside it under the same
key and goes through the same claims and retries; the sender hands it to Django's email framework
(`email_sending.py`) instead of the message provider.
"""

import logging
from collections import Counter
from collections.abc import Callable, Collection
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from apps.accounts.consents import consent_allows
from apps.accounts.models import ConsentPurpose, User
from apps.bookings.models import Booking, BookingStatus
from apps.core.after_commit import on_commit_safely
from apps.core.observability.metrics import NOTIFICATION_SENDS
from apps.salons.models import StaffMember

from .email_planning import booking_email_copies
from .email_sending import EMAIL_PROVIDER_NAME, email_reason_not_to_send, email_send
from .messages import render
from .models import IN_INBOX, Channel, Notification, NotificationEvent, NotificationStatus
from .planning import PlannedMessage, instant_key, language_of, occurrence_for, plan_booking_event
from .providers import MessageProvider, MessageProviderError, SendResult, get_message_provider
from .selectors import notification_get

logger = logging.getLogger(__name__)

STALE_CLAIM_AFTER = timedelta(minutes=10)
MAX_RETRY_DELAY = timedelta(hours=1)
INTERRUPTED = "Sending was interrupted and no attempts are left."
OUTDATED_REMINDER = "Not sent: the booking was cancelled, moved or has started."
OUTDATED_AGENDA = "Not sent: too late for tomorrow's bookings."
IN_APP_ONLY = "Not sent by SMS: the recipient reads the salon's alerts in the app only."
NO_CONSENT = "Not sent: the recipient withdrew consent for reminders on this channel."
AGENDA_STALE_AFTER = timedelta(hours=12)
_BOOKING_RELATIONS = ("salon", "service", "staff__user", "customer")


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failed attempt: base × 2^(attempts − 1), at most an hour."""
    exponent = min(max(attempts - 1, 0), 20)
    return min(timedelta(seconds=settings.NOTIFICATION_RETRY_BASE_SECONDS * 2**exponent), MAX_RETRY_DELAY)


# --- Outbox -------------------------------------------------------------------------------------


def notification_booking_event(
    *, booking_id: int, event: str, actor_id: int | None, data: dict | None = None, booking: Booking | None = None
) -> None:
    """Record the messages a booking or payment event calls for, in the caller's transaction, and send
    them once it commits. A replay of the same event inserts nothing. Never raises: a message must
    not undo the booking or payment that caused it. `booking`: the instance the caller just wrote,
    used as it is when its relations are loaded (else the booking is read)."""
    data = data or {}
    try:
        with transaction.atomic():
            if booking is None or not _relations_loaded(booking):
                booking = Booking.objects.select_related(*_BOOKING_RELATIONS).filter(pk=booking_id).first()
            if booking is None:
                return
            planned = plan_booking_event(booking, event, actor_id=actor_id, data=data)
            # Planned as due (a replay's rows are not inserted again: the sender then claims nothing).
            inserted = _insert(booking, event, occurrence_for(booking, event, data), planned, count=False)
    except Exception:  # a bug here must not fail the booking; the log shows it
        logger.exception("Could not record the messages for booking %s (%s)", booking_id, event)
        return
    if inserted and settings.NOTIFICATION_SEND_IMMEDIATELY:
        # All of the booking's due messages, oldest first: when a later transaction's callback runs
        # first (a refund made right after a cancellation), the messages still arrive in order.
        # Without immediate sending, `send_pending_notifications` (cron) sends them within a minute.
        # In a request they are sent once its response is: the client does not wait for the provider.
        on_commit_safely(
            lambda: notification_send_due(booking_id=booking_id), name="notifications.send_due", after_response=True
        )


def notification_schedule_reminders() -> int:
    """Insert the reminder of every confirmed booking that starts within REMINDER_HOURS_BEFORE and was
    booked before that mark, once per start time; returns how many were inserted."""
    now = timezone.now()
    lead = timedelta(hours=settings.REMINDER_HOURS_BEFORE)
    bookings = list(
        Booking.objects.filter(
            status=BookingStatus.CONFIRMED, start__gt=now, start__lte=now + lead, created_at__lt=F("start") - lead
        ).select_related(*_BOOKING_RELATIONS)
    )
    reminded = set(
        Notification.objects.filter(booking__in=bookings, event=NotificationEvent.REMINDER).values_list(
            "booking_id", "occurrence"
        )
    )
    inserted = 0
    with transaction.atomic():
        for booking in bookings:
            occurrence = instant_key(booking.start)
            if (booking.pk, occurrence) in reminded:
                continue
            planned = plan_booking_event(booking, NotificationEvent.REMINDER, actor_id=None, data={})
            inserted += _insert(booking, NotificationEvent.REMINDER, occurrence, planned)
    return inserted


def delivery_fields(*, by_sms: bool, now: datetime, reason: str = IN_APP_ONLY) -> dict:
    """How a new row goes out: due now by the configured channel, or kept in the inbox only (the
    sender skips it) for a salon member who turned SMS alerts off or a customer who withdrew consent."""
    if by_sms:
        return {"channel": settings.NOTIFICATION_DEFAULT_CHANNEL, "next_attempt_at": now}
    return {"channel": Channel.INBOX, "status": NotificationStatus.SKIPPED, "last_error": reason}


def _relations_loaded(booking: Booking) -> bool:
    """Whether `booking` holds every relation the messages read (`_BOOKING_RELATIONS`)."""
    return all(
        Booking._meta.get_field(name).is_cached(booking) for name in ("salon", "service", "staff", "customer")
    ) and (booking.staff.user_id is None or StaffMember.user.is_cached(booking.staff))


def _insert(booking: Booking, event: str, occurrence: str, planned: list[PlannedMessage], *, count: bool = True) -> int:
    """Insert the planned rows (and their email copies), skipping any that exist (the unique key); how
    many are pending (with `count`), else how many were planned as due, without the query."""
    if not planned:
        return 0
    now = timezone.now()
    rows = [
        Notification(
            recipient_id=message.recipient_id,
            booking=booking,
            event=event,
            occurrence=occurrence,
            template=message.template,
            language=message.language,
            body=message.render(booking),
            **delivery_fields(
                by_sms=message.by_sms, now=now, reason=NO_CONSENT if message.withheld_by_consent else IN_APP_ONLY
            ),
        )
        for message in planned
    ]
    rows += booking_email_copies(booking, rows)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    if not count:  # the rows planned as due, without reading back (a replay inserted none of them)
        return sum(row.status == NotificationStatus.PENDING for row in rows)
    return Notification.objects.filter(
        booking=booking,
        event=event,
        occurrence=occurrence,
        recipient_id__in=[message.recipient_id for message in planned],
        status=NotificationStatus.PENDING,
    ).count()


def notification_staff_added(*, staff_id: int) -> None:
    """Tell a stylist by SMS that a salon added them to its team, once per stylist profile; call it in
    the transaction that added them (the message commits with it and is sent after commit)."""
    staff = StaffMember.objects.select_related("salon", "user").filter(pk=staff_id).first()
    if staff is None or staff.user is None:
        return
    user = staff.user
    occurrence = f"staff:{staff.pk}"
    if Notification.objects.filter(recipient=user, event=NotificationEvent.STAFF_ADDED, occurrence=occurrence).exists():
        return
    language = language_of(user)
    with translation.override(language):
        values = {"salon": staff.salon.name}
    notification = Notification.objects.create(
        recipient=user,
        booking=None,
        event=NotificationEvent.STAFF_ADDED,
        occurrence=occurrence,
        template="staff_added",
        language=language,
        body=render("staff_added", language=language, values=values),
        channel=settings.NOTIFICATION_DEFAULT_CHANNEL,
        next_attempt_at=timezone.now(),
    )
    if settings.NOTIFICATION_SEND_IMMEDIATELY:
        on_commit_safely(lambda: notification_send_due(ids=[notification.pk]), name="notifications.send_due")


def notification_inbox_alert(
    *, recipient_id: int, event: str, occurrence: str, template: str, values: Callable[[], dict[str, str]]
) -> bool:
    """An alert about no booking that stays in the recipient's inbox (not sent by SMS), once per
    (recipient, event, occurrence); call it in the transaction that found the reason. `values()` is
    called in the recipient's language. Returns whether it was added."""
    user = User.objects.filter(pk=recipient_id).first()
    if user is None:
        return False
    language = language_of(user)
    with translation.override(language):
        values = values()
    _row, created = Notification.objects.get_or_create(
        recipient=user,
        booking=None,
        event=event,
        occurrence=occurrence,
        defaults={
            "template": template,
            "language": language,
            "body": render(template, language=language, values=values),
            **delivery_fields(by_sms=False, now=timezone.now()),
        },
    )
    return created


# --- Sending ------------------------------------------------------------------------------------


def notification_send_due(*, ids: Collection[int] | None = None, booking_id: int | None = None) -> Counter[str]:
    """Send every due message, oldest first, or only the due ones among `ids` or of one booking.
    Returns how many were `sent`, will be retried (`retrying`), `failed` for good or were
    `skipped`. Safe to run in several processes at once: each message is claimed by one sender."""
    provider = get_message_provider()
    only = Q()
    if ids is not None:
        only &= Q(pk__in=ids)
    if booking_id is not None:
        only &= Q(booking_id=booking_id)
    outcomes: Counter[str] = Counter()
    while (notification := _claim_next(only=only, provider_name=provider.name)) is not None:
        if notification.status == NotificationStatus.SENDING:
            _deliver(notification, provider)
        outcomes["retrying" if notification.status == NotificationStatus.PENDING else notification.status] += 1
    for outcome, count in outcomes.items():
        NOTIFICATION_SENDS.labels(outcome).inc(count)
    return outcomes


def notification_retry(*, notification_ids: Collection[int]) -> int:
    """Make pending or failed messages due now and send them after commit (the admin's "retry now").
    A failed one gets one more attempt; returns how many were queued."""
    now = timezone.now()
    with transaction.atomic():
        retried = list(
            Notification.objects.select_for_update()
            .filter(pk__in=notification_ids, status__in=[NotificationStatus.PENDING, NotificationStatus.FAILED])
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=retried).update(
            status=NotificationStatus.PENDING, next_attempt_at=now, updated_at=now
        )
        if retried:
            on_commit_safely(lambda: notification_send_due(ids=retried), name="notifications.send_due")
    return len(retried)


def _claim_next(*, only: Q, provider_name: str) -> Notification | None:
    """Take the next due row for this sender (status `sending`, one more attempt), or settle one that
    must not be sent (an outdated reminder, an interrupted last attempt). None when nothing is due."""
    now = timezone.now()
    due = Q(status=NotificationStatus.PENDING, next_attempt_at__lte=now) | Q(
        status=NotificationStatus.SENDING, claimed_at__lte=now - STALE_CLAIM_AFTER
    )
    with transaction.atomic():
        candidates = Notification.objects.select_for_update(skip_locked=True).filter(due, only)
        notification = candidates.order_by("next_attempt_at", "pk").first()
        if notification is None:
            return None
        settled = _reason_not_to_send(notification, now)
        if settled is not None:
            notification.status, notification.last_error = settled
            notification.next_attempt_at = None
            notification.save(update_fields=["status", "last_error", "next_attempt_at", "updated_at"])
            return notification
        notification.status = NotificationStatus.SENDING
        notification.claimed_at = now
        notification.attempts += 1
        notification.provider = EMAIL_PROVIDER_NAME if notification.channel == Channel.EMAIL else provider_name
        notification.save(update_fields=["status", "claimed_at", "attempts", "provider", "updated_at"])
    return notification


def _reason_not_to_send(notification: Notification, now: datetime) -> tuple[str, str] | None:
    if (
        notification.status == NotificationStatus.SENDING
        and notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS
    ):
        return NotificationStatus.FAILED, INTERRUPTED
    if notification.event == NotificationEvent.REMINDER:
        booking = Booking.objects.filter(pk=notification.booking_id).values("status", "start").first()
        if (
            booking is None
            or booking["status"] != BookingStatus.CONFIRMED
            or booking["start"] <= now
            or instant_key(booking["start"]) != notification.occurrence
        ):
            return NotificationStatus.SKIPPED, OUTDATED_REMINDER
        if not consent_allows(notification.recipient_id, ConsentPurpose.REMINDERS, notification.channel):
            return NotificationStatus.SKIPPED, NO_CONSENT  # withdrawn after the reminder was planned
    if notification.event == NotificationEvent.DAILY_AGENDA and notification.created_at <= now - AGENDA_STALE_AFTER:
        return NotificationStatus.SKIPPED, OUTDATED_AGENDA
    if notification.channel == Channel.EMAIL and (reason := email_reason_not_to_send(notification)) is not None:
        return NotificationStatus.SKIPPED, reason
    return None


def _deliver(notification: Notification, provider: MessageProvider) -> None:
    try:
        if notification.channel == Channel.EMAIL:
            result = email_send(notification)
        else:
            result = provider.send(
                phone=notification.recipient.phone_number, body=notification.body, channel=notification.channel
            )
    except MessageProviderError as exc:
        _record_failure(notification, str(exc))
    except Exception as exc:  # whatever the provider raises, the message is kept for a retry
        logger.exception("Provider %s raised on notification %s", provider.name, notification.pk)
        _record_failure(notification, f"{type(exc).__name__}: {exc}")
    else:
        _record_success(notification, result)


def _record_success(notification: Notification, result: SendResult) -> None:
    now = timezone.now()
    notification.status = NotificationStatus.SENT
    _save_outcome(
        notification,
        status=NotificationStatus.SENT,
        sent_at=now,
        channel_used=result.channel_used,
        provider_message_id=result.provider_message_id[:128],
        next_attempt_at=None,
        updated_at=now,
    )


def _record_failure(notification: Notification, error: str) -> None:
    now = timezone.now()
    if notification.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
        notification.status, next_attempt_at = NotificationStatus.FAILED, None
    else:
        notification.status, next_attempt_at = NotificationStatus.PENDING, now + retry_delay(notification.attempts)
    logger.warning(
        "Notification %s: attempt %s failed (%s); %s",
        notification.pk,
        notification.attempts,
        error,
        f"next attempt at {next_attempt_at.isoformat()}" if next_attempt_at else "no attempts left",
    )
    _save_outcome(
        notification,
        status=notification.status,
        last_error=error[:500],
        next_attempt_at=next_attempt_at,
        updated_at=now,
    )


def _save_outcome(notification: Notification, **fields) -> None:
    """Write the outcome only while the claim is still ours (a sender that was thought dead and came
    back must not overwrite the result of the one that took over)."""
    updated = Notification.objects.filter(
        pk=notification.pk, status=NotificationStatus.SENDING, claimed_at=notification.claimed_at
    ).update(**fields)
    if not updated:
        logger.warning("Notification %s: the outcome came after another sender took the message over", notification.pk)


# --- Inbox --------------------------------------------------------------------------------------


def notification_mark_read(*, user, notification_id: int) -> Notification:
    """Mark one of the user's notifications read (the first read time is kept)."""
    with transaction.atomic():
        notification = notification_get(user=user, notification_id=notification_id)
        if notification.read_at is None:
            Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=timezone.now())
            notification.refresh_from_db(fields=["read_at"])
    return notification


def notification_mark_all_read(*, user) -> int:
    """Mark every unread notification of the user read; returns how many."""
    with transaction.atomic():
        return Notification.objects.filter(IN_INBOX, recipient=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
