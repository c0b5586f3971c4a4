"""Sending after commit, retries with backoff, the attempt limit, and what a failing provider leaves behind."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
import requests
import responses
from django.core.management import call_command
from django.db import transaction

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.tests.conftest import at
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.providers import MessageProviderError
from apps.notifications.providers.console import ConsoleProvider
from apps.notifications.services import (
    INTERRUPTED,
    STALE_CLAIM_AFTER,
    notification_booking_event,
    notification_retry,
    notification_send_due,
    retry_delay,
)

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db

CUSTOMER_PHONE = "+966500000101"
STYLIST_PHONE = "+966500000201"


@pytest.fixture
def failing_provider(monkeypatch):
    """The console provider, timing out until `recover()` is called; counts the calls."""

    class Failing:
        calls = 0
        down = True

        def recover(self):
            self.down = False

    state = Failing()
    real_send = ConsoleProvider.send

    def send(self, *, phone, body, channel):
        state.calls += 1
        if state.down:
            raise requests.exceptions.ReadTimeout("Read timed out. (read timeout=10.0)")
        return real_send(self, phone=phone, body=body, channel=channel)

    monkeypatch.setattr(ConsoleProvider, "send", send)
    return state


def test_messages_go_out_right_after_the_booking_commits(book, clock, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    customer_row = Notification.objects.get(booking=booking, recipient__phone_number=CUSTOMER_PHONE)
    stylist_row = Notification.objects.get(booking=booking, recipient__phone_number=STYLIST_PHONE)
    assert outbox.messages == [
        (CUSTOMER_PHONE, "sms", customer_row.body),
        (STYLIST_PHONE, "sms", stylist_row.body),
    ]
    assert (customer_row.status, customer_row.attempts, customer_row.provider, customer_row.channel_used) == (
        "sent",
        1,
        "console",
        "sms",
    )
    assert customer_row.sent_at == clock.now
    assert customer_row.provider_message_id.startswith("console-")
    assert customer_row.next_attempt_at is None


def test_without_immediate_sending_the_cron_command_sends_them(
    book, outbox, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_SEND_IMMEDIATELY = False
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    assert outbox.messages == []
    assert set(Notification.objects.filter(booking=booking).values_list("status", flat=True)) == {"pending"}

    call_command("send_pending_notifications", stdout=StringIO())

    assert len(outbox.messages) == 2
    assert set(Notification.objects.filter(booking=booking).values_list("status", flat=True)) == {"sent"}


def test_the_console_provider_logs_one_info_line_per_message(book, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.INFO, logger="apps.notifications")
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    lines = [(r.levelno, r.getMessage()) for r in caplog.records if r.name == "apps.notifications"]
    body = Notification.objects.get(booking=booking, recipient__phone_number=CUSTOMER_PHONE).body
    assert len(lines) == 2
    assert lines[0] == (logging.INFO, f"Message to {CUSTOMER_PHONE} via sms: {body}")


def test_a_provider_timeout_keeps_the_booking_and_the_message_for_a_retry(
    book, clock, outbox, failing_provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.PENDING
    rows = Notification.objects.filter(booking=booking)
    assert [(r.status, r.attempts, r.next_attempt_at, r.last_error) for r in rows] == [
        ("pending", 1, clock.now + timedelta(seconds=60), "ReadTimeout: Read timed out. (read timeout=10.0)")
    ] * 2
    assert outbox.messages == []


def test_booking_through_the_api_succeeds_while_the_provider_is_down(
    api_client, customer, service, stylist, clock, failing_provider, django_capture_on_commit_callbacks
):
    api_client.force_authenticate(customer)

    with django_capture_on_commit_callbacks(execute=True):
        response = api_client.post(
            "/api/bookings/",
            {"service": service.pk, "staff": stylist.pk, "start": at(VISIT_DAY, "16:30").isoformat()},
            format="json",
        )

    assert response.status_code == 201
    assert failing_provider.calls == 2
    assert set(Notification.objects.values_list("status", "attempts")) == {("pending", 1)}


def test_a_provider_error_is_recorded_with_its_message(book, monkeypatch, django_capture_on_commit_callbacks):
    def refuse(self, *, phone, body, channel):
        raise MessageProviderError("Authentica /api/v2/send-sms: HTTP 401 Unauthorized")

    monkeypatch.setattr(ConsoleProvider, "send", refuse)

    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    assert set(Notification.objects.filter(booking=booking).values_list("last_error", flat=True)) == {
        "Authentica /api/v2/send-sms: HTTP 401 Unauthorized"
    }


def test_retries_back_off_exponentially_until_the_attempt_limit(
    book, clock, settings, failing_provider, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 6
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    row = Notification.objects.filter(booking=booking).first()
    waits = []

    for _ in range(5):
        row.refresh_from_db()
        wait = row.next_attempt_at - clock.now
        waits.append(int(wait.total_seconds()))
        clock.advance(seconds=wait.total_seconds() - 1)
        assert notification_send_due() == {}  # not due a second early
        clock.advance(seconds=1)
        notification_send_due()

    row.refresh_from_db()
    assert waits == [60, 120, 240, 480, 960]
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 6, None)
    clock.advance(days=1)
    assert notification_send_due() == {}
    assert failing_provider.calls == 12  # 6 attempts × 2 messages


def test_the_backoff_is_capped_at_an_hour(settings):
    settings.NOTIFICATION_RETRY_BASE_SECONDS = 60

    assert [retry_delay(attempts) for attempts in (1, 2, 6, 7, 500)] == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=32),
        timedelta(hours=1),
        timedelta(hours=1),
    ]


def test_a_retry_after_the_provider_recovers_sends_once(
    book, clock, outbox, failing_provider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    failing_provider.recover()
    clock.advance(minutes=1)

    outcomes = notification_send_due()
    again = notification_send_due()

    assert outcomes == {"sent": 2}
    assert again == {}
    assert [phone for phone, _channel, _body in outbox.messages] == [CUSTOMER_PHONE, STYLIST_PHONE]
    assert set(Notification.objects.filter(booking=booking).values_list("status", "attempts")) == {("sent", 2)}


def test_the_command_sends_what_is_due_and_says_so(book, clock, outbox, failing_provider):
    book()  # the send after commit never ran: these tests do not commit
    out = StringIO()

    call_command("send_pending_notifications", stdout=out)
    failing_provider.recover()
    clock.advance(minutes=1)
    call_command("send_pending_notifications", stdout=out)

    assert out.getvalue().splitlines() == [
        "Sent 0, will retry 2, failed 0, skipped 0 message(s).",
        "Sent 2, will retry 0, failed 0, skipped 0 message(s).",
    ]
    assert len(outbox.messages) == 2


def test_a_message_left_sending_by_a_dead_sender_is_taken_over_after_a_while(book, clock, outbox):
    booking = book()
    Notification.objects.filter(booking=booking).update(
        status=NotificationStatus.SENDING, claimed_at=clock.now, attempts=1
    )

    clock.advance(seconds=STALE_CLAIM_AFTER.total_seconds() - 1)
    assert notification_send_due() == {}
    clock.advance(seconds=1)
    assert notification_send_due() == {"sent": 2}

    assert set(Notification.objects.filter(booking=booking).values_list("status", "attempts")) == {("sent", 2)}


def test_a_dead_senders_last_attempt_is_marked_failed_not_sent_again(book, clock, outbox, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 3
    booking = book()
    Notification.objects.filter(booking=booking).update(
        status=NotificationStatus.SENDING, claimed_at=clock.now, attempts=3
    )
    clock.advance(minutes=11)

    assert notification_send_due() == {"failed": 2}
    assert outbox.messages == []
    assert set(Notification.objects.filter(booking=booking).values_list("status", "last_error")) == {
        ("failed", INTERRUPTED)
    }


def test_a_late_outcome_does_not_overwrite_the_sender_that_took_over(book, clock, monkeypatch):
    """A sender thought dead comes back after another one re-claimed its message."""
    booking = book()
    real_send = ConsoleProvider.send

    def slow_send(self, *, phone, body, channel):
        Notification.objects.filter(booking=booking, recipient__phone_number=phone).update(
            claimed_at=clock.now + timedelta(minutes=11)
        )
        return real_send(self, phone=phone, body=body, channel=channel)

    monkeypatch.setattr(ConsoleProvider, "send", slow_send)

    notification_send_due()

    assert set(Notification.objects.filter(booking=booking).values_list("status", "sent_at")) == {("sending", None)}


def test_retry_now_gives_a_failed_message_one_more_attempt(
    book, clock, outbox, settings, failing_provider, django_capture_on_commit_callbacks
):
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    failed = list(Notification.objects.filter(booking=booking, status="failed").values_list("pk", flat=True))
    failing_provider.recover()

    with django_capture_on_commit_callbacks(execute=True):
        queued = notification_retry(notification_ids=failed)

    assert (len(failed), queued) == (2, 2)
    assert set(Notification.objects.filter(booking=booking).values_list("status", "attempts")) == {("sent", 2)}
    assert len(outbox.messages) == 2


def test_retry_now_leaves_sent_messages_alone(book, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    sent = list(Notification.objects.filter(booking=booking).values_list("pk", flat=True))

    with django_capture_on_commit_callbacks(execute=True):
        queued = notification_retry(notification_ids=sent)

    assert queued == 0
    assert len(outbox.messages) == 2


def test_whatsapp_through_authentica_falls_back_to_sms_and_says_so(book, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATION_PROVIDER = "authentica"
    settings.NOTIFICATION_DEFAULT_CHANNEL = "whatsapp"
    settings.AUTHENTICA_BASE_URL = "https://api.authentica.sa"

    with responses.RequestsMock() as http, django_capture_on_commit_callbacks(execute=True):
        http.post("https://api.authentica.sa/api/v2/send-sms", json={"success": True, "message": "sent"})
        booking = book()

    row = Notification.objects.get(booking=booking, recipient__phone_number=CUSTOMER_PHONE)
    assert (row.status, row.provider, row.channel, row.channel_used, row.fell_back) == (
        "sent",
        "authentica",
        "whatsapp",
        "sms",
        True,
    )


def test_a_bookings_messages_go_out_in_order_when_a_later_one_is_recorded_first_after_commit(
    book, clock, customer, outbox, django_capture_on_commit_callbacks
):
    """The payments app refunds in its own after-commit callback, registered before ours: the
    cancellation must still reach the customer before the refund."""
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
    refund = {"refund_id": "r-1", "payment_id": "p-1", "amount": 11500, "currency": "SAR", "reason": "admin"}

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        transaction.on_commit(
            lambda: notification_booking_event(booking_id=booking.pk, event="refund_issued", actor_id=None, data=refund)
        )
        clock.advance(seconds=1)
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert [body.split(" ")[0] for body in outbox.to(CUSTOMER_PHONE)] == ["استلمنا", "ألغيت", "أعدنا"]
