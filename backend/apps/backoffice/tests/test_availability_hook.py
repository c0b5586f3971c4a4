"""The back office's writes keep the availability summary and versions current, in their transaction."""

from datetime import timedelta

import pytest

from apps.backoffice.tests.conftest import url
from apps.bookings.availability_changes import availability_versions, summary_rebuild
from apps.bookings.models import AvailabilityDay
from apps.bookings.tests.conftest import at

pytestmark = pytest.mark.django_db


def test_time_off_through_the_back_office_refreshes_its_days(manager_client, salon, stylist, day):
    # Given a summarised salon whose stylist works 09:00–21:00 every day
    summary_rebuild(salon_ids=[salon.pk])
    before = AvailabilityDay.objects.get(salon=salon, day=day)

    # When the manager gives the stylist the day off from 09:00 to 20:00
    body = {"start": at(day, "09:00").isoformat(), "end": at(day, "20:00").isoformat()}
    response = manager_client.post(url(salon, f"staff/{stylist.pk}/time-off/"), body, format="json")

    # Then the day's summary starts at 20:00 under a new version
    assert response.status_code == 201
    after = AvailabilityDay.objects.get(salon=salon, day=day)
    assert (after.version, after.first_start) == (before.version + 1, at(day, "20:00"))


def test_a_policy_change_bumps_every_day(manager_client, salon, stylist, day):
    summary_rebuild(salon_ids=[salon.pk])
    days = [day + timedelta(days=offset) for offset in range(3)]
    before = availability_versions(salon_id=salon.pk, days=days)

    response = manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"slot_step_minutes": 30}, format="json")

    assert response.status_code == 200
    after = availability_versions(salon_id=salon.pk, days=days)
    assert all(after[d] == before[d] + 1 for d in days)
    assert AvailabilityDay.objects.get(salon=salon, day=day).free_starts == 24


def test_a_profile_change_leaves_the_versions(manager_client, salon, stylist, day):
    summary_rebuild(salon_ids=[salon.pk])
    before = availability_versions(salon_id=salon.pk, days=[day])

    manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"name_en": "Renamed"}, format="json")

    assert availability_versions(salon_id=salon.pk, days=[day]) == before
