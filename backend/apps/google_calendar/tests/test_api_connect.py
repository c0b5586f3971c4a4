"""The OAuth flow through the API with the fake provider, and who may do what."""

from urllib.parse import parse_qs, urlparse

import pytest

from apps.bookings.tests.conftest import client_for, make_user
from apps.google_calendar.crypto import token_decrypt, token_encrypt
from apps.google_calendar.models import ConnectionStatus, GoogleConnection, OAuthAttempt

from .conftest import make_connection

CONNECT = "/api/calendar/google/connect/"


def _follow_consent(client, auth_url: str):
    """The fake consent page redirects to our callback; the callback redirects to the SPA."""
    consent = client.get(auth_url)
    assert consent.status_code == 302
    return client.get(consent["Location"])


def test_a_stylist_connects_picks_a_calendar_and_disconnects(clock, stylist, stylist_user):
    client = client_for(stylist_user)

    started = client.post(CONNECT, {"return_path": "/stylist/calendar"}, format="json")
    assert started.status_code == 200
    auth_url = started.json()["auth_url"]
    query = parse_qs(urlparse(auth_url).query)
    assert urlparse(auth_url).path == "/api/calendar/google/fake-consent/"
    assert query["redirect_uri"] == ["http://testserver/api/calendar/google/callback/"]

    back = _follow_consent(client, auth_url)
    assert back.status_code == 302
    assert back["Location"] == "https://salon.example.sa/stylist/calendar?google_calendar=connected"
    connection = GoogleConnection.objects.get(staff=stylist)
    assert connection.status == ConnectionStatus.CONNECTED
    assert connection.refresh_token.startswith("gAAAA")  # Fernet, not the token itself
    assert token_decrypt(connection.refresh_token).startswith("fake-refresh-")

    account = token_decrypt(connection.refresh_token).removeprefix("fake-refresh-")
    calendars = client.get("/api/calendar/google/calendars/")
    assert calendars.json() == [
        {"id": f"{account}@fake.calendar", "summary": "My calendar", "primary": True},
        {"id": f"work.{account}@fake.calendar", "summary": "Work", "primary": False},
    ]
    chosen = client.post(
        "/api/calendar/google/calendars/", {"calendar_id": f"work.{account}@fake.calendar"}, format="json"
    )
    assert chosen.status_code == 200
    assert chosen.json()["calendar_name"] == "Work"
    assert chosen.json()["status"] == "connected"

    gone = client.post("/api/calendar/google/disconnect/", {}, format="json")
    assert gone.json()["status"] == "disconnected"
    connection.refresh_from_db()
    assert (connection.access_token, connection.refresh_token) == ("", "")


def test_the_state_is_single_use_and_bound_to_its_attempt(clock, stylist, stylist_user):
    client = client_for(stylist_user)
    auth_url = client.post(CONNECT, {}, format="json").json()["auth_url"]
    callback = client.get(auth_url)["Location"]

    assert client.get(callback)["Location"].endswith("google_calendar=connected")
    assert client.get(callback)["Location"].endswith("google_calendar=error")
    assert OAuthAttempt.objects.get().used_at is not None


def test_a_forged_state_or_a_wrong_verifier_connects_nothing(clock, stylist, stylist_user):
    client = client_for(stylist_user)
    auth_url = client.post(CONNECT, {}, format="json").json()["auth_url"]
    callback = urlparse(client.get(auth_url)["Location"])
    state = parse_qs(callback.query)["state"][0]

    forged = client.get("/api/calendar/google/callback/", {"code": "fake:x", "state": state + "x"})
    wrong_code = client.get("/api/calendar/google/callback/", {"code": "fake:not-the-challenge", "state": state})

    assert forged["Location"].endswith("google_calendar=error")
    assert wrong_code["Location"].endswith("google_calendar=error")
    assert not GoogleConnection.objects.exists()


def test_an_unsafe_return_path_falls_back_to_the_home_page(clock, stylist, stylist_user):
    client = client_for(stylist_user)
    auth_url = client.post(CONNECT, {"return_path": "//evil.example"}, format="json").json()["auth_url"]

    assert _follow_consent(client, auth_url)["Location"] == "https://salon.example.sa/?google_calendar=connected"


def test_a_manager_connects_their_salons_stylist(clock, stylist, manager):
    started = client_for(manager).post(CONNECT, {"staff_id": stylist.pk}, format="json")

    assert started.status_code == 200
    assert OAuthAttempt.objects.get().staff_id == stylist.pk


def test_a_manager_of_another_salon_gets_404(clock, stylist, other_salon_stylist, manager):
    client = client_for(manager)

    answer = client.post(CONNECT, {"staff_id": other_salon_stylist.pk}, format="json")
    status = client.get("/api/calendar/google/status/", {"staff_id": other_salon_stylist.pk})

    assert (answer.status_code, answer.json()["code"]) == (404, "calendar_staff_not_found")
    assert status.status_code == 404
    assert not OAuthAttempt.objects.exists()


def test_a_stylist_cannot_reach_a_colleagues_calendar(clock, salon, stylist, stylist_user):
    from apps.salons.tests.factories import make_staff

    colleague = make_staff(salon, display_name="Colleague")

    answer = client_for(stylist_user).post(CONNECT, {"staff_id": colleague.pk}, format="json")

    assert answer.status_code == 404


def test_a_customer_is_refused_with_403(clock, stylist, customer):
    client = client_for(customer)

    for answer in (
        client.post(CONNECT, {}, format="json"),
        client.post(CONNECT, {"staff_id": stylist.pk}, format="json"),
        client.get("/api/calendar/google/status/"),
        client.post("/api/calendar/google/disconnect/", {"staff_id": stylist.pk}, format="json"),
        client.get("/api/calendar/google/conflicts/"),
    ):
        assert (answer.status_code, answer.json()["code"]) == (403, "calendar_stylists_only")


def test_bad_input_is_a_400_with_its_field(clock, stylist, stylist_user):
    answer = client_for(stylist_user).post(CONNECT, {"staff_id": "abc"}, format="json")

    assert answer.status_code == 400
    assert answer.json()["code"] == "invalid"
    assert "staff_id" in answer.json()["errors"]


def test_choosing_an_unknown_calendar_is_refused(clock, stylist, stylist_user, connection):
    answer = client_for(stylist_user).post("/api/calendar/google/calendars/", {"calendar_id": "nope"}, format="json")

    assert (answer.status_code, answer.json()["code"]) == (400, "calendar_unknown")
    connection.refresh_from_db()
    assert connection.calendar_id == "primary"


def test_status_without_a_connection(clock, stylist, stylist_user):
    answer = client_for(stylist_user).get("/api/calendar/google/status/")

    assert answer.json() == {
        "staff_id": stylist.pk,
        "status": "not_connected",
        "calendar_id": "",
        "calendar_name": "",
        "last_synced_at": None,
        "last_error": "",
        "last_error_at": None,
        "connected_at": None,
        "pending_changes": 0,
        "failed_changes": 0,
    }


def test_disconnect_without_a_connection_is_a_409(clock, stylist, stylist_user):
    answer = client_for(stylist_user).post("/api/calendar/google/disconnect/", {}, format="json")

    assert (answer.status_code, answer.json()["code"]) == (409, "calendar_not_connected")


@pytest.mark.parametrize("headers", [{}, {"HTTP_X_GOOG_CHANNEL_ID": "c1", "HTTP_X_GOOG_CHANNEL_TOKEN": "wrong"}])
def test_a_push_notification_with_a_wrong_channel_token_is_refused(clock, stylist, api_client, headers):
    make_connection(stylist, channel_id="c1", channel_token="right-token")

    answer = api_client.post("/api/calendar/google/notifications/", **headers, HTTP_X_GOOG_RESOURCE_STATE="exists")

    assert (answer.status_code, answer.json()["code"]) == (403, "calendar_channel_token_invalid")


def test_a_push_notification_with_the_channel_token_syncs(
    clock, stylist, api_client, django_capture_on_commit_callbacks
):
    from apps.google_calendar.providers.fake import fake_event_put

    connection = make_connection(stylist, channel_id="c1", channel_token="right-token")
    fake_event_put(
        calendar_id="primary",
        event_id="dentist",
        body={"start": {"dateTime": "2026-03-05T10:00:00+03:00"}, "end": {"dateTime": "2026-03-05T11:00:00+03:00"}},
    )

    with django_capture_on_commit_callbacks(execute=True):
        answer = api_client.post(
            "/api/calendar/google/notifications/",
            HTTP_X_GOOG_CHANNEL_ID="c1",
            HTTP_X_GOOG_CHANNEL_TOKEN="right-token",
            HTTP_X_GOOG_RESOURCE_STATE="exists",
        )

    assert answer.status_code == 200
    connection.refresh_from_db()
    assert connection.last_synced_at is not None
    assert stylist.time_off.get().external_id == "dentist"


def test_the_fake_consent_page_is_absent_with_the_real_provider(settings, api_client):
    settings.GOOGLE_CALENDAR_PROVIDER = "google"

    assert api_client.get("/api/calendar/google/fake-consent/", {"state": "x"}).status_code == 404


def test_manager_only_user_without_salon_is_refused(clock, stylist):
    lonely = make_user(phone_number="+966500000999", role="manager")

    assert client_for(lonely).get("/api/calendar/google/conflicts/").status_code == 403


def test_choosing_a_calendar_writes_upcoming_bookings_syncs_and_watches(
    clock, stylist, stylist_user, connection, book, settings, django_capture_on_commit_callbacks
):
    from apps.google_calendar.models import CalendarChange, FakeCalendarEvent

    settings.GOOGLE_WEBHOOK_URL = "https://salon.example.sa/api/calendar/google/notifications/"
    booking = book()
    GoogleConnection.objects.filter(pk=connection.pk).update(calendar_id="", calendar_name="")
    CalendarChange.objects.all().delete()
    connection.refresh_from_db()
    calendar_id = "fake1@fake.calendar"
    connection.refresh_token = token_encrypt("fake-refresh-fake1")
    connection.access_token = token_encrypt("fake-access-fake1.x")
    connection.save()

    with django_capture_on_commit_callbacks(execute=True):
        answer = client_for(stylist_user).post(
            "/api/calendar/google/calendars/", {"calendar_id": calendar_id}, format="json"
        )

    assert answer.json()["status"] == "connected"
    assert CalendarChange.objects.get().key == f"backfill:{connection.generation}:{calendar_id[:20]}:{booking.pk}"
    assert FakeCalendarEvent.objects.get(calendar_id=calendar_id).body["extendedProperties"]["private"] == {
        "salonBooking": str(booking.pk),
        "salonReference": booking.reference,
    }
    connection.refresh_from_db()
    assert connection.last_synced_at == clock.now
    assert connection.channel_id != ""
