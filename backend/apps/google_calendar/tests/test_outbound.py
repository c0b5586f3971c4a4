"""Out: bookings become events in the connected calendar, once per change, whatever the retries."""

from datetime import timedelta

import pytest

from apps.bookings import services as booking_services
from apps.bookings.rescheduling import booking_reschedule
from apps.bookings.tests.conftest import at
from apps.google_calendar.models import CalendarChange, ChangeStatus, ConnectionStatus, EventLink, FakeCalendarEvent
from apps.google_calendar.outbound import changes_send_due, event_id_for
from apps.google_calendar.providers import GoogleError
from apps.google_calendar.providers.fake import FakeProvider
from apps.notifications.models import Notification
from apps.notifications.tests.conftest import VISIT_DAY

from .conftest import make_connection


def _event(connection, booking):
    return FakeCalendarEvent.objects.get(calendar_id="primary", event_id=event_id_for(connection, booking.pk)).body


def test_a_booking_becomes_an_event_with_our_mark(clock, connection, book):
    booking = book()

    assert CalendarChange.objects.get().key.startswith("event:")
    assert changes_send_due() == {"done": 1}

    event = _event(connection, booking)
    assert event["summary"] == f"{booking.service.name} – Sara"
    assert event["start"] == {"dateTime": "2026-03-05T16:30:00+03:00", "timeZone": "Asia/Riyadh"}
    assert event["end"] == {"dateTime": "2026-03-05T17:30:00+03:00", "timeZone": "Asia/Riyadh"}
    assert (booking.status, event["status"]) == ("pending", "tentative")  # awaiting the salon
    assert event["description"] == f"{booking.reference}\nhttps://salon.example.sa/manage/bookings/{booking.pk}"
    assert event["extendedProperties"]["private"]["salonBooking"] == str(booking.pk)
    assert "+9665" not in str(event)  # never the phone
    assert EventLink.objects.get().google_event_id == event_id_for(connection, booking.pk)


def test_a_move_patches_the_same_event_and_a_cancellation_deletes_it(clock, connection, book, manager, stylist):
    booking = book()
    changes_send_due()

    booking_reschedule(booking_id=booking.pk, actor=manager, start=at(VISIT_DAY, "18:00"))
    assert changes_send_due() == {"done": 1}
    assert _event(connection, booking)["start"]["dateTime"] == at(VISIT_DAY, "18:00").isoformat()
    assert FakeCalendarEvent.objects.count() == 1

    booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Stylist ill")
    assert changes_send_due() == {"done": 1}
    assert _event(connection, booking)["status"] == "cancelled"
    assert not EventLink.objects.exists()


def test_each_change_is_written_once_however_often_the_sender_runs(clock, connection, book):
    book()

    assert changes_send_due() == {"done": 1}
    assert changes_send_due() == {}
    assert CalendarChange.objects.get().status == ChangeStatus.DONE
    assert FakeCalendarEvent.objects.get().revision == 1


def test_a_retried_insert_gets_409_and_is_done(clock, connection, book):
    booking = book()
    # The first attempt reached Google but died before recording it.
    FakeProvider().insert_event(
        access_token="t", calendar_id="primary", body={"id": event_id_for(connection, booking.pk), "summary": "old"}
    )

    assert changes_send_due() == {"done": 1}
    assert FakeCalendarEvent.objects.count() == 1
    assert _event(connection, booking)["summary"] != "old"  # brought up to date by a patch


def test_a_transient_failure_is_retried_with_backoff_then_given_up(clock, connection, book, settings, monkeypatch):
    settings.GOOGLE_SYNC_MAX_ATTEMPTS = 2
    settings.GOOGLE_SYNC_RETRY_BASE_SECONDS = 30
    book()

    def unavailable(self, **kwargs):
        raise GoogleError("POST events: HTTP 503 backendError", transient=True, status=503)

    monkeypatch.setattr(FakeProvider, "insert_event", unavailable)

    assert changes_send_due() == {"retrying": 1}
    change = CalendarChange.objects.get()
    assert (change.status, change.next_attempt_at) == (ChangeStatus.PENDING, clock.now + timedelta(seconds=30))
    assert changes_send_due() == {}  # not due yet

    clock.advance(seconds=30)
    assert changes_send_due() == {"failed": 1}
    connection.refresh_from_db()
    assert connection.last_error == "POST events: HTTP 503 backendError"


def test_an_expired_access_token_is_refreshed_first(clock, connection, book):
    connection.token_expires_at = clock.now + timedelta(seconds=30)
    connection.save()
    book()

    assert changes_send_due() == {"done": 1}
    connection.refresh_from_db()
    assert connection.token_expires_at == clock.now + timedelta(hours=1)


def test_invalid_grant_disconnects_and_tells_the_stylist(clock, stylist, stylist_user, book):
    from apps.google_calendar.providers.fake import REVOKED_REFRESH

    connection = make_connection(stylist, refresh_token=REVOKED_REFRESH)
    connection.token_expires_at = clock.now - timedelta(minutes=1)
    connection.save()
    book()

    assert changes_send_due() == {"skipped": 1}
    connection.refresh_from_db()
    assert (connection.status, connection.last_error) == (ConnectionStatus.DISCONNECTED, "invalid_grant")
    alert = Notification.objects.get(recipient=stylist_user, event="calendar_disconnected")
    assert alert.channel == "inbox"
    assert "Google Calendar" in alert.body


def test_a_stylist_without_a_calendar_queues_nothing(clock, book):
    book()

    assert not CalendarChange.objects.exists()


def test_a_booking_given_to_another_stylist_leaves_the_first_calendar(clock, salon, service, connection, book, manager):
    from apps.bookings.tests.conftest import work_every_day
    from apps.salons.tests.factories import make_staff

    other = make_staff(salon, services=[service], display_name="Other")
    work_every_day(other)
    booking = book()
    changes_send_due()

    booking_reschedule(booking_id=booking.pk, actor=manager, start=booking.start, staff_id=other.pk)

    assert changes_send_due() == {"done": 1}
    assert _event(connection, booking)["status"] == "cancelled"


@pytest.mark.parametrize("status", ["disconnected"])
def test_changes_of_a_disconnected_calendar_are_skipped(clock, connection, book, status):
    book()
    connection.status = status
    connection.save()

    assert changes_send_due() == {"skipped": 1}
    assert not FakeCalendarEvent.objects.exists()
