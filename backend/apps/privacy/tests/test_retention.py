"""`purge_expired_data`: each kind just past its period goes, just inside stays; money is never touched; a second run
removes nothing."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.accounts.models import OTPRequest
from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import make_booking, make_payment
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.bookings.tests.conftest import make_user
from apps.notifications.models import Notification, NotificationStatus
from apps.payments.models import IdempotencyKey, IdempotencyStatus
from apps.privacy.retention import data_purge_expired
from apps.salons.tests.factories import make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

NOW = timezone.now()
JUST = timedelta(minutes=1)


def _age(model, row, days: int, *, inside: bool, field: str = "created_at"):
    """Date the row just inside (kept) or just outside (purged) a period of `days`."""
    moment = NOW - timedelta(days=days) + (JUST if inside else -JUST)
    model.objects.filter(pk=row.pk).update(**{field: moment})
    return row


def _otp(phone="+966550000001"):
    return OTPRequest.objects.create(
        phone_number=phone, channel="sms", provider="console", ip_address="127.0.0.1", expires_at=NOW
    )


def _notification(user, status=NotificationStatus.SENT, occurrence="1"):
    return Notification.objects.create(
        recipient=user,
        event="reminder",
        occurrence=occurrence,
        template="t",
        language="ar",
        body="Noura, your visit at 10:00",
        channel="sms",
        status=status,
    )


def _key(user, key):
    return IdempotencyKey.objects.create(
        user=user, key=key, fingerprint="f", status=IdempotencyStatus.COMPLETED, locked_at=NOW
    )


def _audit(object_id):
    return AuditEntry.objects.create(
        salon_id=None, object_type="user", object_id=object_id, object_repr="x", action="updated"
    )


@pytest.fixture
def visit():
    salon = make_salon()
    service = make_service(salon)
    staff = make_staff(salon, [service])
    customer = make_user()

    def _make(status=BookingStatus.EXPIRED, days_ago=0, hhmm_offset=0):
        start = NOW - timedelta(days=days_ago, hours=hhmm_offset)
        return make_booking(staff, service, customer, start, status=status, hold_expires_at=start)

    return _make


def test_one_time_codes_go_after_thirty_days():
    kept = _age(OTPRequest, _otp("+966550000001"), 30, inside=True)
    _age(OTPRequest, _otp("+966550000002"), 30, inside=False)

    assert data_purge_expired(now=NOW)["otp_requests"] == 1
    assert list(OTPRequest.objects.values_list("pk", flat=True)) == [kept.pk]


def test_notification_texts_are_blanked_after_180_days_and_the_rows_stay():
    user = make_user()
    kept = _age(Notification, _notification(user, occurrence="1"), 180, inside=True)
    old = _age(Notification, _notification(user, occurrence="2"), 180, inside=False)
    pending = _age(Notification, _notification(user, NotificationStatus.PENDING, occurrence="3"), 180, inside=False)

    assert data_purge_expired(now=NOW)["notification_texts"] == 1
    old.refresh_from_db()
    assert (old.body, old.status, old.recipient_id, old.channel) == ("", NotificationStatus.SENT, user.pk, "sms")
    assert Notification.objects.get(pk=kept.pk).body
    assert Notification.objects.get(pk=pending.pk).body  # still to be sent


def test_idempotency_keys_go_after_their_window(settings):
    user = make_user()
    kept = _age(IdempotencyKey, _key(user, "a"), settings.RETENTION_IDEMPOTENCY_DAYS, inside=True)
    _age(IdempotencyKey, _key(user, "b"), settings.RETENTION_IDEMPOTENCY_DAYS, inside=False)

    assert data_purge_expired(now=NOW)["idempotency_keys"] == 1
    assert list(IdempotencyKey.objects.values_list("pk", flat=True)) == [kept.pk]


def test_audit_entries_go_after_the_legal_period(settings):
    settings.RETENTION_AUDIT_DAYS = 365
    kept = _age(AuditEntry, _audit("1"), 365, inside=True)
    _age(AuditEntry, _audit("2"), 365, inside=False)

    assert data_purge_expired(now=NOW)["audit_entries"] == 1
    assert list(AuditEntry.objects.values_list("pk", flat=True)) == [kept.pk]


def test_abandoned_unpaid_holds_go_after_ninety_days_with_their_events_and_messages(visit):
    old = visit(days_ago=90, hhmm_offset=0)
    Booking.objects.filter(pk=old.pk).update(hold_expires_at=NOW - timedelta(days=90) - JUST)
    BookingEvent.objects.create(booking=old, to_status=BookingStatus.EXPIRED)
    Notification.objects.create(
        recipient=old.customer, booking=old, event="created", template="t", language="ar", body="x", channel="sms"
    )
    kept = visit(days_ago=89)
    stale_pending = visit(status=BookingStatus.PENDING, days_ago=91)

    assert data_purge_expired(now=NOW)["abandoned_holds"] == 2
    assert list(Booking.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Booking.objects.filter(pk__in=[old.pk, stale_pending.pk]).exists()
    assert not BookingEvent.objects.exists()
    assert not Notification.objects.exists()


def test_a_booking_with_money_attached_or_a_real_visit_is_never_deleted(visit):
    with_payment = visit(days_ago=200)
    make_payment(with_payment, status="failed")
    completed = visit(status=BookingStatus.COMPLETED, days_ago=200, hhmm_offset=3)
    cancelled = visit(status=BookingStatus.CANCELLED, days_ago=200, hhmm_offset=6)

    assert data_purge_expired(now=NOW)["abandoned_holds"] == 0
    assert set(Booking.objects.values_list("pk", flat=True)) == {with_payment.pk, completed.pk, cancelled.pk}


def test_a_second_run_removes_nothing_and_a_dry_run_changes_nothing(visit):
    user = make_user()
    _age(OTPRequest, _otp(), 30, inside=False)
    _age(Notification, _notification(user), 180, inside=False)
    _age(IdempotencyKey, _key(user, "a"), 1, inside=False)
    _age(AuditEntry, _audit("1"), 3650, inside=False)
    visit(days_ago=91)
    expected = {
        "otp_requests": 1,
        "notification_texts": 1,
        "idempotency_keys": 1,
        "audit_entries": 1,
        "abandoned_holds": 1,
    }

    assert data_purge_expired(now=NOW, dry_run=True) == expected
    assert data_purge_expired(now=NOW, dry_run=True) == expected
    assert data_purge_expired(now=NOW, batch_size=1) == expected
    assert data_purge_expired(now=NOW) == dict.fromkeys(expected, 0)


def test_the_command_prints_the_numbers_per_kind():
    _age(OTPRequest, _otp(), 31, inside=False)
    out = StringIO()

    call_command("purge_expired_data", "--dry-run", stdout=out)
    assert "Would purge 1 otp_requests" in out.getvalue()
    assert OTPRequest.objects.count() == 1

    out = StringIO()
    call_command("purge_expired_data", stdout=out)
    assert "Purged 1 otp_requests" in out.getvalue()
    assert "Purged 0 abandoned_holds" in out.getvalue()
    assert OTPRequest.objects.count() == 0
