"""Real threads against the real database: several senders at once still send each message once."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from apps.bookings import services as booking_services
from apps.core.tests.concurrency import race
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.services import notification_booking_event, notification_send_due

from .conftest import REMINDER_DUE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]

SENDERS = 8


def test_several_senders_at_once_send_every_message_exactly_once(book, clock, outbox):
    booking = book()
    for number in range(1, 21):
        notification_booking_event(
            booking_id=booking.pk,
            event="payment_received",
            actor_id=None,
            data={"payment_id": f"p-{number}", "amount": 100 * number, "currency": "SAR"},
        )
    # Undo the sends after commit: every message is due again.
    Notification.objects.update(status=NotificationStatus.PENDING, attempts=0, next_attempt_at=clock.now)
    outbox.messages.clear()
    expected = sorted(Notification.objects.values_list("body", flat=True))

    results = race([notification_send_due for _ in range(SENDERS)])

    assert not [result for result in results if isinstance(result, BaseException)]
    assert sum(result["sent"] for result in results) == 22
    assert sorted(body for _phone, _channel, body in outbox.messages) == expected
    assert Counter(Notification.objects.values_list("status", "attempts")) == {("sent", 1): 22}


def test_concurrent_replays_of_a_payment_event_record_and_send_one_message(book, outbox):
    booking = book()
    outbox.messages.clear()

    def replay() -> None:
        with transaction.atomic():
            notification_booking_event(
                booking_id=booking.pk,
                event="payment_received",
                actor_id=None,
                data={"payment_id": "p-1", "amount": 11500, "currency": "SAR"},
            )

    results = race([replay for _ in range(SENDERS)])

    assert results == [None] * SENDERS
    assert Notification.objects.filter(event="payment_received").count() == 1
    assert len(outbox.messages) == 1


def test_reminder_commands_on_several_servers_send_one_reminder(book, manager, clock, outbox):
    booking = book()
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    clock.set(REMINDER_DUE)
    outbox.messages.clear()

    results = race([lambda: call_command("send_booking_reminders", stdout=StringIO()) for _ in range(SENDERS)])

    assert results == [None] * SENDERS
    assert list(Notification.objects.filter(event="reminder").values_list("status", flat=True)) == ["sent"]
    assert len(outbox.messages) == 1
