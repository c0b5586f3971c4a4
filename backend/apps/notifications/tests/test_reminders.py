"""Reminders: once per start time, REMINDER_HOURS_BEFORE ahead, only for confirmed bookings made before that."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.providers.console import ConsoleProvider
from apps.notifications.services import OUTDATED_REMINDER, notification_schedule_reminders, notification_send_due

from .conftest import REMINDER_DUE, VISIT_DAY

pytestmark = pytest.mark.django_db


def run_reminders() -> None:
    call_command("send_booking_reminders", stdout=StringIO())


@pytest.fixture
def confirmed(book, manager, django_capture_on_commit_callbacks):
    """A booking made on 1 March for 5 March 16:30, confirmed by the salon (those messages sent)."""
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()
        booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    return booking


def provider_down():
    return mock.patch.object(ConsoleProvider, "send", side_effect=TimeoutError("timed out"))


def reminders(booking) -> list[tuple[str, str]]:
    rows = Notification.objects.filter(booking=booking, event="reminder").order_by("pk")
    return [(row.occurrence, row.status) for row in rows]


def test_the_reminder_goes_out_once_24_hours_before(confirmed, clock, outbox, customer):
    clock.set(REMINDER_DUE - timedelta(minutes=1))
    run_reminders()
    assert reminders(confirmed) == []

    clock.set(REMINDER_DUE)
    run_reminders()
    clock.advance(minutes=5)
    run_reminders()

    assert reminders(confirmed) == [("2026-03-05T13:30:00+00:00", "sent")]
    assert outbox.to(customer.phone_number) == [
        "تذكير: موعدك في صالون لمسات الجمال يوم الخميس، ٥ مارس في ٤:٣٠ م: قص وتصفيف الشعر مع Hessa. "
        f"رقم الحجز {confirmed.reference}."
    ]


def test_the_reminder_in_english(customer, confirmed, clock, outbox):
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])

    clock.set(REMINDER_DUE + timedelta(minutes=3))
    run_reminders()

    assert outbox.to(customer.phone_number) == [
        "Reminder: your appointment at Lamasat Beauty Salon is on Thursday, March 5 at 4:30 PM: Haircut and styling "
        f"with Hessa. Booking {confirmed.reference}."
    ]


def test_the_stylist_gets_no_reminder(confirmed, clock, outbox, stylist_user):
    clock.set(REMINDER_DUE)

    run_reminders()

    assert Notification.objects.filter(event="reminder", recipient=stylist_user).count() == 0


def test_hours_before_may_be_a_decimal(confirmed, clock, settings):
    settings.REMINDER_HOURS_BEFORE = 1.5
    start = at(VISIT_DAY, "16:30")

    clock.set(start - timedelta(minutes=91))
    first = notification_schedule_reminders()
    clock.set(start - timedelta(minutes=90))
    second = notification_schedule_reminders()

    assert (first, second) == (0, 1)


def test_a_booking_made_inside_the_reminder_window_gets_none(book, manager, clock, outbox):
    clock.set(datetime(2026, 3, 4, 14, 0, tzinfo=UTC))  # 23.5 hours before 5 March 16:30 in Riyadh
    late = book()
    booking_services.booking_confirm(booking_id=late.pk, actor=manager)

    run_reminders()
    clock.advance(hours=2)
    run_reminders()

    assert reminders(late) == []


def test_unconfirmed_and_cancelled_bookings_get_none(book, manager, clock, customer):
    pending = book("10:00")
    cancelled = book("12:00")
    booking_services.booking_confirm(booking_id=cancelled.pk, actor=manager)
    booking_services.booking_cancel(booking_id=cancelled.pk, actor=customer)

    clock.set(datetime(2026, 3, 4, 9, 0, tzinfo=UTC))  # inside both windows
    run_reminders()

    assert reminders(pending) == []
    assert reminders(cancelled) == []


def test_a_booking_that_has_started_gets_none_when_the_command_ran_late(confirmed, clock):
    clock.set(at(VISIT_DAY, "16:31"))

    run_reminders()

    assert reminders(confirmed) == []


def test_a_reminder_waiting_for_a_retry_is_dropped_when_the_booking_is_cancelled(confirmed, clock, manager, outbox):
    clock.set(REMINDER_DUE)
    with provider_down():
        run_reminders()
    booking_services.booking_cancel(booking_id=confirmed.pk, actor=manager, reason="Closed")

    clock.advance(minutes=5)
    outcomes = notification_send_due()

    reminder = Notification.objects.get(booking=confirmed, event="reminder")
    assert (reminder.status, reminder.last_error) == (NotificationStatus.SKIPPED, OUTDATED_REMINDER)
    assert outcomes["skipped"] == 1
    assert not any(body.startswith("تذكير") for body in outbox.to("+966500000101"))


def test_a_rescheduled_booking_is_reminded_of_its_new_time_only(confirmed, clock, manager, outbox):
    clock.set(REMINDER_DUE)
    with provider_down():
        run_reminders()  # the old time's reminder fails and waits for a retry
    new_start = at(VISIT_DAY + timedelta(days=1), "16:30")
    booking_services.booking_reschedule(booking_id=confirmed.pk, actor=manager, start=new_start)

    clock.advance(minutes=5)
    run_reminders()
    clock.set(new_start - timedelta(hours=24))
    run_reminders()
    clock.advance(minutes=5)
    run_reminders()

    assert reminders(confirmed) == [
        ("2026-03-05T13:30:00+00:00", "skipped"),
        ("2026-03-06T13:30:00+00:00", "sent"),
    ]
    reminder_bodies = [body for body in outbox.to("+966500000101") if body.startswith("تذكير")]
    assert len(reminder_bodies) == 1
    assert "يوم الجمعة، ٦ مارس في ٤:٣٠ م" in reminder_bodies[0]


def test_a_reminder_already_sent_for_the_old_time_is_followed_by_one_for_the_new_time(
    confirmed, clock, manager, outbox
):
    clock.set(REMINDER_DUE)
    run_reminders()
    new_start = at(VISIT_DAY + timedelta(days=2), "11:00")
    booking_services.booking_reschedule(booking_id=confirmed.pk, actor=manager, start=new_start)

    clock.set(new_start - timedelta(hours=24))
    run_reminders()

    assert [status for _occurrence, status in reminders(confirmed)] == ["sent", "sent"]


def test_the_command_reports_what_it_did(confirmed, clock):
    clock.set(REMINDER_DUE)
    out = StringIO()

    call_command("send_booking_reminders", stdout=out)

    assert out.getvalue().strip() == (
        "Queued 1 reminder(s) (24 hours ahead). Sent 1, will retry 0, failed 0, skipped 0 message(s)."
    )
