"""The feed itself: valid iCalendar with the booking's facts, privacy, cancelled and moved bookings,
the window, caching and a constant number of queries."""

from datetime import UTC, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.bookings.rescheduling import booking_reschedule
from apps.bookings.tests.conftest import at

from ..services import calendar_feed_get_or_create, calendar_feed_rotate

pytestmark = pytest.mark.django_db


def _events(calendar: Calendar) -> dict[str, object]:
    return {str(event["uid"]): event for event in calendar.walk("VEVENT")}


def test_a_stylists_feed_is_icalendar_with_the_bookings_facts(book, stylist, day, feed_of, salon):
    booking = book("10:00")

    response, calendar = feed_of(staff=stylist)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert str(calendar["version"]) == "2.0"
    assert str(calendar["x-wr-calname"]) == f"Hessa at {salon.name_en}"
    assert str(calendar["x-published-ttl"]) == "PT1H"
    assert calendar["refresh-interval"].dt == timedelta(hours=1)
    event = _events(calendar)[f"booking-{booking.reference}@127.0.0.1"]
    assert event["dtstart"].dt == at(day, "10:00").astimezone(UTC)
    assert event["dtend"].dt == at(day, "10:30").astimezone(UTC)
    assert f"DTSTART:{at(day, '10:00').astimezone(UTC):%Y%m%dT%H%M%S}Z" in response.content.decode()
    assert str(event["summary"]) == "Haircut — Noura"
    assert str(event["status"]) == "CONFIRMED"
    assert event["sequence"] == 1  # made, then confirmed
    link = f"http://127.0.0.1:8000/manage/{salon.pk}/calendar?date={day.isoformat()}&view=day&staff={stylist.pk}"
    assert str(event["description"]).split("\n") == [
        f"Booking {booking.reference}",
        "Status: Confirmed",
        "Stylist: Hessa",
        link,
    ]
    assert str(event["url"]) == link
    assert event["last-modified"].dt == event["dtstamp"].dt


def test_the_feed_never_shows_the_customers_phone_or_last_name(book, stylist, feed_of, customer):
    book("10:00")

    response, _ = feed_of(staff=stylist)

    text = response.content.decode()
    assert "Noura" in text
    for secret in ("Alharbi", "+966551234567", "966551234567", "551234567"):
        assert secret not in text


def test_a_pending_booking_is_tentative(book, stylist, feed_of):
    booking = book("10:00", confirm=False)

    _, calendar = feed_of(staff=stylist)

    event = _events(calendar)[f"booking-{booking.reference}@127.0.0.1"]
    assert str(event["status"]) == "TENTATIVE"
    assert event["sequence"] == 0


def test_a_cancelled_booking_stays_published_as_cancelled_with_a_higher_sequence(book, stylist, feed_of, manager):
    booking = book("10:00")
    _, before = feed_of(staff=stylist)

    booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Closed")
    _, after = feed_of(staff=stylist)

    uid = f"booking-{booking.reference}@127.0.0.1"
    assert str(after.walk("VEVENT")[0]["uid"]) == uid
    assert str(_events(after)[uid]["status"]) == "CANCELLED"
    assert "Status: Cancelled" in str(_events(after)[uid]["description"])
    assert _events(after)[uid]["sequence"] == _events(before)[uid]["sequence"] + 1


def test_a_rescheduled_booking_keeps_its_uid_moves_and_its_sequence_increases(book, stylist, feed_of, manager, day):
    booking = book("10:00")
    _, before = feed_of(staff=stylist)

    booking_reschedule(booking_id=booking.pk, actor=manager, start=at(day, "15:00"))
    _, after = feed_of(staff=stylist)

    uid = f"booking-{booking.reference}@127.0.0.1"
    assert len(after.walk("VEVENT")) == 1
    assert _events(after)[uid]["dtstart"].dt == at(day, "15:00").astimezone(UTC)
    assert _events(after)[uid]["sequence"] == _events(before)[uid]["sequence"] + 1
    assert _events(after)[uid]["sequence"] == BookingEvent.objects.filter(booking=booking).count() - 1


def test_a_stylists_feed_has_only_their_bookings_and_the_salons_has_every_stylists(
    book, stylist, other_stylist, foreign_stylist, feed_of, salon
):
    mine = book("10:00")
    theirs = book("11:00", staff=other_stylist)

    _, own = feed_of(staff=stylist)
    _, whole = feed_of(salon=salon)
    _, elsewhere = feed_of(staff=foreign_stylist)

    assert set(_events(own)) == {f"booking-{mine.reference}@127.0.0.1"}
    assert set(_events(whole)) == {f"booking-{mine.reference}@127.0.0.1", f"booking-{theirs.reference}@127.0.0.1"}
    assert str(whole["x-wr-calname"]) == f"{salon.name_en}: every stylist"
    assert elsewhere.walk("VEVENT") == []


def test_the_window_is_30_days_back_to_90_days_ahead(book, stylist, feed_of):
    inside = book("10:00")
    now = timezone.now()
    old, far = book("12:00"), book("14:00")
    for booking, start in ((old, now - timedelta(days=31)), (far, now + timedelta(days=91))):
        end = start + timedelta(minutes=30)
        Booking.objects.filter(pk=booking.pk).update(start=start, end=end, blocked_until=end)

    _, calendar = feed_of(staff=stylist)

    assert set(_events(calendar)) == {f"booking-{inside.reference}@127.0.0.1"}


def test_an_unknown_token_is_404_in_json(api_client):
    response = api_client.get("/api/calendar/feeds/" + "A" * 43 + ".ics", HTTP_ACCEPT="text/calendar")

    assert response.status_code == 404
    assert response.json()["code"] == "feed_not_found"


def test_a_link_made_with_a_key_no_longer_in_the_settings_stops(stylist, api_client, settings):
    old = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)

    settings.CALENDAR_FEED_KEY = "a-new-key"
    new = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)

    assert new.token != old.token
    assert api_client.get(f"/api/calendar/feeds/{old.token}.ics").status_code == 404
    assert api_client.get(f"/api/calendar/feeds/{new.token}.ics").status_code == 200


def test_a_bearer_token_is_not_read_by_the_feed(stylist, api_client):
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)

    response = api_client.get(f"/api/calendar/feeds/{link.token}.ics", HTTP_AUTHORIZATION="Bearer not-a-token")

    assert response.status_code == 200


def test_etag_and_last_modified_answer_304_until_a_booking_changes(book, stylist, api_client, manager, day):
    booking = book("10:00")
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)
    url = f"/api/calendar/feeds/{link.token}.ics"
    first = api_client.get(url)
    etag, last_modified = first["ETag"], first["Last-Modified"]

    by_etag = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    by_date = api_client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    booking_reschedule(booking_id=booking.pk, actor=manager, start=at(day, "16:00"))
    changed = api_client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert etag.startswith('"') and len(etag) == 34
    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert by_date.status_code == 304
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_the_feed_is_not_cached_by_shared_caches(stylist, api_client):
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)

    response = api_client.get(f"/api/calendar/feeds/{link.token}.ics")

    assert response["Cache-Control"] == "private, no-cache"


def test_a_reset_link_serves_the_same_bookings(book, stylist, api_client):
    book("10:00")
    old = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)
    body = api_client.get(f"/api/calendar/feeds/{old.token}.ics").content

    new = calendar_feed_rotate(salon=stylist.salon, staff=stylist)

    assert Calendar.from_ical(api_client.get(f"/api/calendar/feeds/{new.token}.ics").content).walk("VEVENT") == (
        Calendar.from_ical(body).walk("VEVENT")
    )


def _bookings(count: int, stylist, service, customer) -> None:
    """`count` bookings of the stylist over the next days, each with two audit rows."""
    start = timezone.now().replace(microsecond=0) + timedelta(days=1)
    for number in range(count):
        begins = start + timedelta(hours=number)
        booking = Booking.objects.create(
            reference=f"Q{number:05d}",
            customer=customer,
            salon=stylist.salon,
            service=service,
            staff=stylist,
            start=begins,
            end=begins + timedelta(minutes=30),
            blocked_until=begins + timedelta(minutes=30),
            price_amount=10000,
            status=BookingStatus.CONFIRMED,
        )
        BookingEvent.objects.create(booking=booking, to_status=BookingStatus.PENDING)
        BookingEvent.objects.create(booking=booking, from_status="pending", to_status=BookingStatus.CONFIRMED)


@pytest.mark.parametrize("count", [5, 50])
def test_the_feed_costs_two_queries_however_many_bookings(
    count, stylist, service, customer, api_client, django_assert_num_queries
):
    _bookings(count, stylist, service, customer)
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)

    with django_assert_num_queries(2):
        response = api_client.get(f"/api/calendar/feeds/{link.token}.ics")

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count


@pytest.mark.parametrize("count", [5, 50])
def test_the_salon_feed_costs_two_queries_however_many_bookings(
    count, stylist, service, customer, api_client, django_assert_num_queries
):
    _bookings(count, stylist, service, customer)
    link = calendar_feed_get_or_create(salon=stylist.salon)

    with django_assert_num_queries(2):
        response = api_client.get(f"/api/calendar/feeds/{link.token}.ics")

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == count


def test_the_feed_of_a_stylist_who_left_stops(stylist, api_client):
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)
    url = f"/api/calendar/feeds/{link.token}.ics"
    assert api_client.get(url).status_code == 200

    stylist.is_active = False
    stylist.save(update_fields=["is_active"])
    deactivated = api_client.get(url).status_code
    stylist.is_active = True
    stylist.save(update_fields=["is_active"])
    stylist.user.is_active = False
    stylist.user.save(update_fields=["is_active"])
    account_closed = api_client.get(url).status_code

    assert (deactivated, account_closed) == (404, 404)


def test_the_feed_is_throttled_per_client_address(stylist, api_client, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "calendar_feeds": "2/m"}
    link = calendar_feed_get_or_create(salon=stylist.salon, staff=stylist)
    url = f"/api/calendar/feeds/{link.token}.ics"

    statuses = [api_client.get(url).status_code for _ in range(3)]
    other_address = api_client.get(url, REMOTE_ADDR="203.0.113.9").status_code

    assert statuses == [200, 200, 429]
    assert other_address == 200
