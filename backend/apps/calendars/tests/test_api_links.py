"""Who may see and reset which feed's link, and what a reset does."""

import pytest

from apps.bookings.tests.conftest import client_for

from ..models import CalendarFeed

pytestmark = pytest.mark.django_db


def test_a_stylist_gets_their_own_feed_made_on_first_request_and_the_same_afterwards(stylist):
    client = client_for(stylist.user)

    first = client.get("/api/calendar/feeds/me/")
    second = client.get("/api/calendar/feeds/me/")

    assert first.status_code == 200
    assert first.json()["url"] == second.json()["url"]
    assert CalendarFeed.objects.count() == 1
    body = first.json()
    assert body["kind"] == "staff"
    assert body["staff_id"] == stylist.pk
    assert body["salon_id"] == stylist.salon_id
    assert body["url"].startswith("http://127.0.0.1:8000/api/calendar/feeds/")
    assert body["url"].endswith(".ics")
    assert body["webcal_url"] == "webcal://" + body["url"].removeprefix("http://")
    assert body["google_calendar_url"] == (
        "https://calendar.google.com/calendar/r?cid=" + body["webcal_url"].replace(":", "%3A").replace("/", "%2F")
    )
    assert body["qr_code"].startswith("data:image/svg+xml")


def test_the_token_is_long_and_only_its_hash_is_stored(stylist):
    url = client_for(stylist.user).get("/api/calendar/feeds/me/").json()["url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")

    feed = CalendarFeed.objects.get()
    assert len(token) >= 43
    assert token not in {feed.secret, feed.token_hash}
    assert CalendarFeed.objects.filter(token_hash__contains=token).count() == 0


def test_a_reset_gives_a_new_link_and_the_old_one_is_404_at_once(stylist, api_client):
    client = client_for(stylist.user)
    old = client.get("/api/calendar/feeds/me/").json()["url"]
    assert api_client.get(old).status_code == 200

    new = client.post("/api/calendar/feeds/me/rotate/").json()["url"]

    assert new != old
    gone = api_client.get(old)
    assert gone.status_code == 404
    assert gone.json()["code"] == "feed_not_found"
    assert api_client.get(new).status_code == 200
    assert client.get("/api/calendar/feeds/me/").json()["url"] == new


def test_a_customer_is_refused_every_feed(customer, stylist, salon):
    client = client_for(customer)

    assert client.get("/api/calendar/feeds/me/").json()["code"] == "not_a_stylist"
    assert client.get("/api/calendar/feeds/me/").status_code == 403
    staff = client.get(f"/api/calendar/feeds/staff/{stylist.pk}/")
    salon_feed = client.post(f"/api/calendar/feeds/salons/{salon.pk}/rotate/")
    assert (staff.status_code, staff.json()["code"]) == (403, "feeds_not_allowed")
    assert (salon_feed.status_code, salon_feed.json()["code"]) == (403, "feeds_not_allowed")
    assert CalendarFeed.objects.count() == 0


def test_signing_in_is_needed_for_links(api_client):
    assert api_client.get("/api/calendar/feeds/me/").status_code == 401


def test_a_manager_gets_the_salon_feed_and_each_of_their_stylists(manager, salon, stylist, other_stylist):
    client = client_for(manager)

    salon_feed = client.get(f"/api/calendar/feeds/salons/{salon.pk}/")
    staff_feed = client.get(f"/api/calendar/feeds/staff/{other_stylist.pk}/")

    assert (salon_feed.status_code, salon_feed.json()["kind"], salon_feed.json()["staff_id"]) == (200, "salon", None)
    assert (staff_feed.status_code, staff_feed.json()["staff_id"]) == (200, other_stylist.pk)


def test_a_manager_resets_a_stylists_link_and_the_stylist_sees_the_new_one(manager, stylist):
    old = client_for(stylist.user).get("/api/calendar/feeds/me/").json()["url"]

    new = client_for(manager).post(f"/api/calendar/feeds/staff/{stylist.pk}/rotate/").json()["url"]

    assert new != old
    assert client_for(stylist.user).get("/api/calendar/feeds/me/").json()["url"] == new


def test_another_salons_stylist_and_salon_do_not_exist_for_a_manager(manager, foreign_stylist, other_salon):
    client = client_for(manager)

    staff = client.get(f"/api/calendar/feeds/staff/{foreign_stylist.pk}/")
    rotate = client.post(f"/api/calendar/feeds/staff/{foreign_stylist.pk}/rotate/")
    salon = client.get(f"/api/calendar/feeds/salons/{other_salon.pk}/")

    assert (staff.status_code, staff.json()["code"]) == (404, "staff_not_found")
    assert (rotate.status_code, rotate.json()["code"]) == (404, "staff_not_found")
    assert (salon.status_code, salon.json()["code"]) == (404, "salon_not_found")
    assert CalendarFeed.objects.count() == 0


def test_a_stylist_sees_neither_a_colleagues_feed_nor_the_salons(stylist, other_stylist, salon):
    client = client_for(stylist.user)

    colleague = client.get(f"/api/calendar/feeds/staff/{other_stylist.pk}/")
    salon_feed = client.get(f"/api/calendar/feeds/salons/{salon.pk}/")
    own = client.get(f"/api/calendar/feeds/staff/{stylist.pk}/")

    assert (colleague.status_code, colleague.json()["code"]) == (404, "staff_not_found")
    assert (salon_feed.status_code, salon_feed.json()["code"]) == (404, "salon_not_found")
    assert own.status_code == 200


def test_a_manager_without_a_stylist_profile_has_no_own_feed(manager):
    response = client_for(manager).get("/api/calendar/feeds/me/")

    assert (response.status_code, response.json()["code"]) == (403, "not_a_stylist")


def test_a_platform_admin_sees_any_feed(admin_user, foreign_stylist, other_salon):
    client = client_for(admin_user)

    assert client.get(f"/api/calendar/feeds/staff/{foreign_stylist.pk}/").status_code == 200
    assert client.post(f"/api/calendar/feeds/salons/{other_salon.pk}/rotate/").status_code == 200


def test_an_unknown_stylist_is_404_for_a_manager(manager):
    response = client_for(manager).get("/api/calendar/feeds/staff/999999/")

    assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")


def test_the_feed_is_named_in_the_language_of_whoever_made_the_link(stylist, salon):
    stylist.user.preferred_language = "en"
    stylist.user.save(update_fields=["preferred_language"])

    body = client_for(stylist.user).get("/api/calendar/feeds/me/").json()

    assert body["name"] == f"Hessa at {salon.name_en or salon.name_ar}"
    assert CalendarFeed.objects.get().language == "en"


def test_a_stylist_of_another_salon_does_not_see_this_salons_stylist(foreign_stylist, stylist):
    client = client_for(foreign_stylist.user)

    response = client.get(f"/api/calendar/feeds/staff/{stylist.pk}/")

    assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")


def test_a_reset_is_a_post_only(stylist):
    client = client_for(stylist.user)

    response = client.get("/api/calendar/feeds/me/rotate/")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_a_deactivated_stylist_has_no_own_feed(stylist):
    stylist.is_active = False
    stylist.save(update_fields=["is_active"])

    response = client_for(stylist.user).get("/api/calendar/feeds/me/")

    assert (response.status_code, response.json()["code"]) == (403, "not_a_stylist")
