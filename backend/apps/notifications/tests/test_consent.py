"""Notifications respect the customer's consent: reminders are consent-based per channel, booking
messages are part of the service and always go."""

from io import StringIO

import pytest
from django.core.management import call_command

from apps.accounts.consents import consent_update
from apps.bookings import services as booking_services
from apps.notifications.models import Channel, Notification, NotificationStatus
from apps.notifications.services import NO_CONSENT, notification_schedule_reminders, notification_send_due

from .conftest import REMINDER_DUE

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed(book, manager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
        booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    return booking


def run_reminders() -> None:
    call_command("send_booking_reminders", stdout=StringIO())


def reminder_bodies(outbox, customer) -> list[str]:
    return [body for body in outbox.to(customer.phone_number) if body.startswith("تذكير")]


def test_no_reminder_by_sms_after_the_customer_withdrew_it(confirmed, customer, clock, outbox):
    consent_update(user=customer, changes={"reminders": {"sms": False}}, source="app")

    clock.set(REMINDER_DUE)
    run_reminders()

    reminder = Notification.objects.get(booking=confirmed, event="reminder")
    assert (reminder.channel, reminder.status, reminder.last_error) == (
        Channel.INBOX,
        NotificationStatus.SKIPPED,
        NO_CONSENT,
    )
    assert reminder_bodies(outbox, customer) == []


def test_a_reminder_planned_before_the_withdrawal_is_not_sent(confirmed, customer, clock, outbox, settings):
    settings.NOTIFICATION_SEND_IMMEDIATELY = False
    clock.set(REMINDER_DUE)
    assert notification_schedule_reminders() == 1  # planned while consented, not sent yet
    consent_update(user=customer, changes={"reminders": {"sms": True, "whatsapp": True}}, source="app")
    consent_update(user=customer, changes={"reminders": {"sms": False}}, source="sms_keyword")

    outcomes = notification_send_due()

    reminder = Notification.objects.get(booking=confirmed, event="reminder")
    assert (reminder.status, reminder.last_error) == (NotificationStatus.SKIPPED, NO_CONSENT)
    assert outcomes["skipped"] == 1
    assert reminder_bodies(outbox, customer) == []


def test_a_reminder_withdrawn_on_another_channel_still_goes_by_sms(confirmed, customer, clock, outbox):
    consent_update(user=customer, changes={"reminders": {"whatsapp": False}}, source="app")

    clock.set(REMINDER_DUE)
    run_reminders()

    assert len(reminder_bodies(outbox, customer)) == 1


def test_reminders_by_whatsapp_respect_the_whatsapp_choice(confirmed, customer, clock, outbox, settings):
    settings.NOTIFICATION_DEFAULT_CHANNEL = "whatsapp"
    consent_update(user=customer, changes={"reminders": {"whatsapp": False}}, source="app")

    clock.set(REMINDER_DUE)
    run_reminders()

    reminder = Notification.objects.get(booking=confirmed, event="reminder")
    assert (reminder.status, reminder.last_error) == (NotificationStatus.SKIPPED, NO_CONSENT)


def test_booking_messages_go_whatever_the_consents(book, manager, customer, outbox, django_capture_on_commit_callbacks):
    consent_update(
        user=customer,
        changes={
            "reminders": {"sms": False, "whatsapp": False, "email": False},
            "marketing": {"sms": False, "whatsapp": False, "email": False},
        },
        source="app",
    )

    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
        booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Closed")

    sent = Notification.objects.filter(booking=booking, recipient=customer).exclude(event="reminder")
    assert sent.exists()
    assert set(sent.values_list("status", flat=True)) == {NotificationStatus.SENT}
    assert len(outbox.to(customer.phone_number)) == sent.count()
