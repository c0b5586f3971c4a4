"""In: busy events of the stylist's calendar block their time; ours, free and cancelled ones do not."""

from datetime import timedelta

from apps.bookings.availability import slot_list_available
from apps.bookings.tests.conftest import at
from apps.google_calendar.inbound import calendar_sync, channel_renew
from apps.google_calendar.models import BusyConflict, GoogleConnection
from apps.google_calendar.outbound import changes_send_due
from apps.google_calendar.providers import SyncTokenExpired
from apps.google_calendar.providers.fake import FakeProvider, fake_event_put
from apps.notifications.models import Notification
from apps.notifications.tests.conftest import VISIT_DAY
from apps.salons.models import TimeOff, TimeOffSource


def _busy(event_id: str, start: str, end: str, **extra) -> None:
    fake_event_put(
        calendar_id="primary",
        event_id=event_id,
        body={
            "start": {"dateTime": f"2026-03-05T{start}:00+03:00"},
            "end": {"dateTime": f"2026-03-05T{end}:00+03:00"},
            **extra,
        },
    )


def _free_starts(salon, service, stylist) -> set[str]:
    slots = slot_list_available(salon=salon, service=service, start_date=VISIT_DAY, staff_id=stylist.pk)[VISIT_DAY]
    return {slot.start.astimezone(at(VISIT_DAY, "00:00").tzinfo).strftime("%H:%M") for slot in slots}


def test_a_busy_event_blocks_the_stylists_time(clock, salon, service, stylist, connection):
    assert "10:00" in _free_starts(salon, service, stylist)
    _busy("dentist", "10:00", "11:00", summary="Dentist")

    assert calendar_sync(connection_id=connection.pk) == "synced"

    time_off = TimeOff.objects.get()
    assert (time_off.source, time_off.external_id) == (TimeOffSource.GOOGLE, "dentist")
    assert (time_off.start, time_off.end) == (at(VISIT_DAY, "10:00"), at(VISIT_DAY, "11:00"))
    free = _free_starts(salon, service, stylist)
    assert {"09:15", "10:00", "10:45"}.isdisjoint(free)
    assert {"09:00", "11:00"} <= free


def test_free_cancelled_and_our_own_events_do_not_block(clock, stylist, connection, book):
    _busy("lunch", "12:00", "13:00", transparency="transparent")
    _busy("gone", "14:00", "15:00", status="cancelled")
    book()
    changes_send_due()  # our event for the booking is in the calendar now

    calendar_sync(connection_id=connection.pk)

    assert not TimeOff.objects.exists()


def test_changes_are_read_incrementally(clock, stylist, connection):
    _busy("dentist", "10:00", "11:00")
    calendar_sync(connection_id=connection.pk)
    connection.refresh_from_db()
    first_token = connection.sync_token

    _busy("dentist", "12:00", "13:00")  # moved
    _busy("school", "18:00", "19:00")
    calendar_sync(connection_id=connection.pk)

    connection.refresh_from_db()
    assert int(connection.sync_token) > int(first_token)
    assert sorted(TimeOff.objects.values_list("external_id", "start")) == [
        ("dentist", at(VISIT_DAY, "12:00")),
        ("school", at(VISIT_DAY, "18:00")),
    ]

    FakeProvider().delete_event(access_token="t", calendar_id="primary", event_id="school")
    calendar_sync(connection_id=connection.pk)
    assert list(TimeOff.objects.values_list("external_id", flat=True)) == ["dentist"]


def test_an_expired_sync_token_starts_a_full_sync_that_drops_what_is_gone(clock, stylist, connection, monkeypatch):
    _busy("dentist", "10:00", "11:00")
    calendar_sync(connection_id=connection.pk)
    TimeOff.objects.create(
        staff=stylist,
        source=TimeOffSource.GOOGLE,
        external_id="vanished",
        start=at(VISIT_DAY, "19:00"),
        end=at(VISIT_DAY, "20:00"),
    )
    connection.refresh_from_db()
    connection.sync_token = "999999"  # not known to the calendar: 410 Gone
    connection.save()
    calls = []
    real_list = FakeProvider.list_events

    def spy(self, **kwargs):
        calls.append(kwargs["sync_token"])
        return real_list(self, **kwargs)

    monkeypatch.setattr(FakeProvider, "list_events", spy)

    assert calendar_sync(connection_id=connection.pk) == "synced"

    assert calls == ["999999", ""]
    assert list(TimeOff.objects.values_list("external_id", flat=True)) == ["dentist"]


def test_a_410_on_a_full_sync_is_an_error_recorded(clock, stylist, connection, monkeypatch):
    def gone(self, **kwargs):
        raise SyncTokenExpired("HTTP 410 fullSyncRequired")

    monkeypatch.setattr(FakeProvider, "list_events", gone)

    assert calendar_sync(connection_id=connection.pk) == "error"
    connection.refresh_from_db()
    assert (connection.last_error, connection.sync_lease_until) == ("HTTP 410 fullSyncRequired", None)


def test_a_busy_event_over_a_booking_is_flagged_to_the_managers(clock, stylist, connection, book, manager):
    booking = book()  # 16:30 - 17:30
    _busy("dentist", "17:00", "18:00", summary="Dentist")

    calendar_sync(connection_id=connection.pk)
    calendar_sync(connection_id=connection.pk)  # nothing new: told once

    conflict = BusyConflict.objects.get()
    assert (conflict.booking_id, conflict.time_off.external_id) == (booking.pk, "dentist")
    alert = Notification.objects.get(recipient=manager, event="calendar_conflict")
    assert alert.body == (
        f"موعد مشغول في تقويم Google يتعارض مع الحجز {booking.reference} في صالون لمسات الجمال مع Hessa، "
        "الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert alert.channel == "inbox"
    booking.refresh_from_db()
    assert booking.status in ("pending", "confirmed")  # never dropped


def test_the_conflict_list_shows_the_managers_salon_only(clock, stylist, connection, book, manager):
    from apps.bookings.tests.conftest import client_for

    booking = book()
    _busy("dentist", "17:00", "18:00")
    calendar_sync(connection_id=connection.pk)

    listed = client_for(manager).get("/api/calendar/google/conflicts/").json()

    assert [(item["booking_reference"], item["staff_id"]) for item in listed] == [(booking.reference, stylist.pk)]

    _busy("dentist", "19:00", "20:00")  # moved out of the booking's way in Google
    calendar_sync(connection_id=connection.pk)
    assert client_for(manager).get("/api/calendar/google/conflicts/").json() == []


def test_a_second_server_does_not_sync_the_same_calendar_meanwhile(clock, connection):
    GoogleConnection.objects.filter(pk=connection.pk).update(sync_lease_until=clock.now + timedelta(minutes=1))

    assert calendar_sync(connection_id=connection.pk) == "busy"


def test_the_back_office_shows_google_time_off_read_only(clock, salon, stylist, connection, manager):
    from apps.bookings.tests.conftest import client_for

    _busy("dentist", "10:00", "11:00")
    calendar_sync(connection_id=connection.pk)
    time_off = TimeOff.objects.get()
    client = client_for(manager)
    base = f"/api/manage/salons/{salon.pk}/staff/{stylist.pk}/time-off/"

    listed = client.get(base)
    refused = client.delete(f"{base}{time_off.pk}/")

    assert listed.status_code == 200
    assert [item["source"] for item in listed.json()] == ["google"]
    assert (refused.status_code, refused.json()["code"]) == (409, "time_off_read_only")
    assert TimeOff.objects.filter(pk=time_off.pk).exists()


def test_disconnecting_frees_the_time(clock, salon, service, stylist, connection):
    from apps.google_calendar.services import connection_disconnect

    _busy("dentist", "10:00", "11:00")
    calendar_sync(connection_id=connection.pk)

    connection_disconnect(connection=connection)

    assert not TimeOff.objects.exists()
    assert "10:00" in _free_starts(salon, service, stylist)


def test_a_push_channel_is_opened_and_renewed_before_it_expires(clock, connection, settings):
    settings.GOOGLE_WEBHOOK_URL = "https://salon.example.sa/api/calendar/google/notifications/"

    assert channel_renew(connection=connection) is True
    connection.refresh_from_db()
    first = connection.channel_id
    assert connection.channel_expires_at == clock.now + timedelta(days=7)
    assert channel_renew(connection=connection) is False  # still a week to go

    clock.advance(days=6, hours=1)
    assert channel_renew(connection=connection) is True
    connection.refresh_from_db()
    assert connection.channel_id != first
    assert len(connection.channel_token) >= 32


def test_the_development_command_adds_a_busy_event_and_syncs(clock, stylist, connection):
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "google_fake_event",
        "--staff",
        str(stylist.pk),
        "--start",
        "2026-03-05T10:00:00+03:00",
        "--end",
        "2026-03-05T11:00:00+03:00",
        stdout=out,
    )

    assert out.getvalue().endswith("sync: synced\n")
    assert TimeOff.objects.get().start == at(VISIT_DAY, "10:00")


def test_sync_calendars_syncs_every_connected_calendar_and_forgets_old_attempts(clock, stylist, connection):
    import io

    from django.core.management import call_command

    from apps.google_calendar.models import OAuthAttempt

    _busy("dentist", "10:00", "11:00")
    old = OAuthAttempt.objects.create(
        state="old", user=stylist.user, staff=stylist, code_verifier="v", expires_at=clock.now
    )
    OAuthAttempt.objects.filter(pk=old.pk).update(created_at=clock.now - timedelta(days=2))
    out = io.StringIO()

    call_command("sync_calendars", stdout=out)

    assert out.getvalue() == "synced: 1; channels renewed: 0\n"
    assert TimeOff.objects.get().external_id == "dentist"
    assert not OAuthAttempt.objects.exists()
