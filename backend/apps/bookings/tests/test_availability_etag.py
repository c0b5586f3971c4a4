"""The availability endpoint's ETag (304 on If-None-Match) and shared cache."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils import timezone

from apps.bookings import availability_cache, services
from apps.bookings.availability_cache import availability_etag
from apps.bookings.availability_changes import summary_rebuild
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, make_user, work_every_day

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")


def today():
    return timezone.now().astimezone(RIYADH).date()


@pytest.fixture
def shop():
    salon = make_salon(lead_time_minutes=0, booking_horizon_days=7)
    service = make_service(salon, duration_minutes=60)
    staff = make_staff(salon, services=[service])
    work_every_day(staff, "10:00", "12:00")
    summary_rebuild(salon_ids=[salon.pk])
    return salon, service, staff


def get(api_client, salon, service, etag=None, **params):
    headers = {"HTTP_IF_NONE_MATCH": etag} if etag else {}
    query = {"service": service.pk, "date": (today() + timedelta(days=1)).isoformat(), **params}
    return api_client.get(reverse("bookings:salon-availability", kwargs={"salon_id": salon.pk}), query, **headers)


def test_an_unchanged_answer_is_not_modified_and_a_booking_changes_it(api_client, shop):
    salon, service, staff = shop
    tomorrow = today() + timedelta(days=1)

    # Given a first answer with its ETag
    first = get(api_client, salon, service)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"av-')

    # When asked again with it: 304 without a body
    again = get(api_client, salon, service, etag=etag)
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)

    # When a customer books 10:00 tomorrow, the same question gets a new answer and ETag
    services.booking_create(actor=make_user(), service_id=service.pk, staff_id=staff.pk, start=at(tomorrow, "10:00"))
    changed = get(api_client, salon, service, etag=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert [slot["start"][11:16] for slot in changed.json()["days"][0]["slots"]] == ["11:00"]


def test_other_parameters_have_other_etags(api_client, shop):
    salon, service, staff = shop

    etags = {
        get(api_client, salon, service)["ETag"],
        get(api_client, salon, service, days=2)["ETag"],
        get(api_client, salon, service, staff=staff.pk)["ETag"],
    }

    assert len(etags) == 3


def test_a_day_without_a_summary_has_no_etag(api_client, shop):
    salon, service, _staff = shop

    response = get(api_client, salon, service, date=(today() + timedelta(days=30)).isoformat())

    assert response.status_code == 200
    assert "ETag" not in response


def test_the_etag_moves_with_the_lead_time_minute(shop):
    salon, service, _staff = shop
    base = datetime.combine(today(), datetime.min.time(), tzinfo=RIYADH) + timedelta(hours=8)

    def etag(now):
        return availability_etag(salon=salon, service_id=service.pk, staff_id=None, start_date=today(), days=1, now=now)

    assert etag(base) == etag(base - timedelta(seconds=59))  # same minute, rounded up
    assert etag(base) != etag(base + timedelta(seconds=1))


def test_the_shared_cache_answers_without_the_engine(api_client, shop, settings, monkeypatch):
    salon, service, staff = shop
    settings.AVAILABILITY_CACHE = "default"
    caches["default"].clear()
    calls = []
    engine = availability_cache.salon_availability_get
    monkeypatch.setattr(
        availability_cache, "salon_availability_get", lambda **kwargs: calls.append(1) or engine(**kwargs)
    )

    first = get(api_client, salon, service)
    second = get(api_client, salon, service)
    assert (len(calls), second.json(), second["ETag"]) == (1, first.json(), first["ETag"])

    # A booking makes a new ETag, so the kept answer is not served
    services.booking_create(
        actor=make_user(), service_id=service.pk, staff_id=staff.pk, start=at(today() + timedelta(days=1), "10:00")
    )
    third = get(api_client, salon, service)
    assert len(calls) == 2
    assert third.json() != first.json()
