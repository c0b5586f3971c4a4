"""Retention: what is kept only for a while, and `purge_expired_data`, which removes it when its time is up.

Each kind has a period (a setting, in days, counted back from now) and a rule:

- one-time codes (`accounts.OTPRequest`): the row is deleted `RETENTION_OTP_DAYS` (30) after it was created;
- notification texts (`notifications.Notification`): once the message is no longer to be sent (sent, failed or
  skipped), its text is blanked `RETENTION_NOTIFICATION_TEXT_DAYS` (180) after it was created; the row (who, when,
  channel, status) stays, as the record that a message went out;
- idempotency keys (`payments.IdempotencyKey`): deleted `RETENTION_IDEMPOTENCY_DAYS` (1, the window in which a
  client may repeat a request) after they were claimed;
- audit entries (`audit.AuditEntry`): deleted `RETENTION_AUDIT_DAYS` (3650, ten years like the tax records they may
  support) after they were written; this purge is the only thing that ever removes them;
- abandoned holds (`bookings.Booking`): a booking whose unpaid hold ran out (expired, or still pending with a hold
  long gone) `RETENTION_ABANDONED_HOLD_DAYS` (90) ago is deleted with its events and messages, unless anything
  protects it (a payment attempt, an invoice, a ledger entry: every `PROTECT` reference to a booking): money
  attached is never deleted here. Deleting rather than anonymising: such a booking never became a service, nothing
  obliges us to keep it, and an anonymised row would still tie a salon, a stylist and a moment to nobody useful.

Safe on several servers at once: each batch is picked and locked in its own short transaction with `SKIP LOCKED`
(PostgreSQL), so two runs take disjoint batches and the counts they print add up to what was removed; on SQLite
(one writer at a time) the batches are serialised by the database. Idempotent: the rules select only what is still
to do (a blanked text is not blanked again), so a second run removes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from apps.accounts.models import OTPRequest
from apps.audit.models import AuditEntry
from apps.bookings.models import Booking, BookingStatus
from apps.notifications.models import Notification, NotificationStatus
from apps.payments.models import IdempotencyKey

BATCH_SIZE = 500


@dataclass(frozen=True)
class RetentionRule:
    kind: str
    setting: str
    # The rows past their retention at `cutoff`, still to be purged.
    due: Callable[[datetime], QuerySet]
    # Purges a batch (a queryset of locked rows); returns how many rows it removed or anonymised.
    purge: Callable[[QuerySet], int]


def _delete(rows: QuerySet) -> int:
    return (
        rows.model.objects.filter(pk__in=list(rows.values_list("pk", flat=True)))
        .delete()[1]
        .get(rows.model._meta.label, 0)
    )


def _blank_text(rows: QuerySet) -> int:
    return Notification.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).update(body="")


def _unprotected_bookings() -> Q:
    """No row that `PROTECT`s (or `RESTRICT`s) a booking points at it: nothing with money attached."""
    condition = Q()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey)
                and field.remote_field.model is Booking
                and field.remote_field.on_delete in (models.PROTECT, models.RESTRICT)
            ):
                condition &= ~Q(Exists(model._base_manager.filter(**{field.name: OuterRef("pk")})))
    return condition


def _abandoned_holds(cutoff: datetime) -> QuerySet:
    abandoned = Q(status=BookingStatus.EXPIRED) | Q(status=BookingStatus.PENDING)
    return Booking.objects.filter(abandoned, hold_expires_at__lt=cutoff).filter(_unprotected_bookings())


RULES: tuple[RetentionRule, ...] = (
    RetentionRule(
        "otp_requests", "RETENTION_OTP_DAYS", lambda cutoff: OTPRequest.objects.filter(created_at__lt=cutoff), _delete
    ),
    RetentionRule(
        "notification_texts",
        "RETENTION_NOTIFICATION_TEXT_DAYS",
        lambda cutoff: Notification.objects.filter(
            created_at__lt=cutoff,
            status__in=[NotificationStatus.SENT, NotificationStatus.FAILED, NotificationStatus.SKIPPED],
        ).exclude(body=""),
        _blank_text,
    ),
    RetentionRule(
        "idempotency_keys",
        "RETENTION_IDEMPOTENCY_DAYS",
        lambda cutoff: IdempotencyKey.objects.filter(created_at__lt=cutoff),
        _delete,
    ),
    RetentionRule(
        "audit_entries",
        "RETENTION_AUDIT_DAYS",
        lambda cutoff: AuditEntry.objects.filter(created_at__lt=cutoff),
        _delete,
    ),
    RetentionRule("abandoned_holds", "RETENTION_ABANDONED_HOLD_DAYS", _abandoned_holds, _delete),
)


def retention_cutoff(*, rule: RetentionRule, now: datetime) -> datetime:
    return now - timedelta(days=getattr(settings, rule.setting))


def _purge_batch(rule: RetentionRule, cutoff: datetime, batch_size: int) -> int | None:
    """Lock one batch of due rows (skipping rows another run holds) and purge it; None when none was free."""
    with transaction.atomic():
        locked = rule.due(cutoff).order_by("pk").select_for_update(skip_locked=True, of=("self",))
        ids = list(locked.values_list("pk", flat=True)[:batch_size])
        if not ids:
            return None
        return rule.purge(rule.due(cutoff).filter(pk__in=ids))


def data_purge_expired(
    *, now: datetime | None = None, dry_run: bool = False, batch_size: int = BATCH_SIZE
) -> dict[str, int]:
    """Purge every kind past its retention; `{kind: rows removed or anonymised}` (with `dry_run`: what would be)."""
    now = now or timezone.now()
    counts = {}
    for rule in RULES:
        cutoff = retention_cutoff(rule=rule, now=now)
        if dry_run:
            counts[rule.kind] = rule.due(cutoff).count()
            continue
        total = 0
        while (purged := _purge_batch(rule, cutoff, batch_size)) is not None:
            total += purged
        counts[rule.kind] = total
    return counts
