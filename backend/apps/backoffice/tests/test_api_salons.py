"""`/api/manage/salons/`: who gets in, the salon's profile and policy, and the audit log."""

import pytest

from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import client_for

pytestmark = pytest.mark.django_db


def test_a_manager_lists_only_the_salons_they_manage(manager_client, salon, other_salon):
    response = manager_client.get("/api/manage/salons/")

    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [salon.pk]


def test_a_platform_admin_lists_and_manages_every_salon(admin_user, salon, other_salon):
    client = client_for(admin_user)

    listed = client.get("/api/manage/salons/").json()
    changed = client.patch(f"/api/manage/salons/{other_salon.pk}/", {"name_en": "Renamed"}, format="json")

    assert {row["id"] for row in listed} == {salon.pk, other_salon.pk}
    assert (changed.status_code, changed.json()["name_en"]) == (200, "Renamed")


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_customers_and_stylists_are_refused_at_the_door(request, who, salon):
    client = client_for(request.getfixturevalue(who))

    for response in (client.get("/api/manage/salons/"), client.get(f"/api/manage/salons/{salon.pk}/")):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")


def test_anonymous_is_401(api_client, salon):
    assert api_client.get("/api/manage/salons/").status_code == 401


def test_a_salon_the_manager_does_not_run_is_404_for_every_verb(manager_client, other_salon):
    for response in (
        manager_client.get(f"/api/manage/salons/{other_salon.pk}/"),
        manager_client.patch(f"/api/manage/salons/{other_salon.pk}/", {"name_en": "Mine"}, format="json"),
        manager_client.get(f"/api/manage/salons/{other_salon.pk}/audit/"),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")
    other_salon.refresh_from_db()
    assert other_salon.name_en != "Mine"


def test_the_manager_changes_profile_and_policy_and_the_change_is_audited(manager_client, manager, salon):
    response = manager_client.patch(
        f"/api/manage/salons/{salon.pk}/",
        {"name_en": "Lamsa", "slot_step_minutes": 30, "requires_prepayment": True, "latitude": "24.713600"},
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["name_en"], body["slot_step_minutes"], body["requires_prepayment"]) == ("Lamsa", 30, True)
    salon.refresh_from_db()
    assert (salon.name_en, salon.slot_step_minutes) == ("Lamsa", 30)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.salon, entry.object_type, entry.action) == (manager, salon, "salon", "updated")
    assert entry.changes["slot_step_minutes"] == [15, 30]
    assert entry.changes["name_en"][1] == "Lamsa"


def test_a_change_to_nothing_writes_no_audit_entry(manager_client, salon):
    manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"name_en": salon.name_en}, format="json")

    assert AuditEntry.objects.count() == 0


@pytest.mark.parametrize(
    "field, value",
    [
        ("slot_step_minutes", 0),
        ("cancellation_window_hours", -1),
        ("latitude", "200"),
        ("longitude", "-181"),
        ("booking_horizon_days", 0),
        ("audience", "pets"),
        ("name_ar", "  "),
    ],
)
def test_bad_values_are_field_errors_and_change_nothing(manager_client, salon, field, value):
    response = manager_client.patch(f"/api/manage/salons/{salon.pk}/", {field: value}, format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert AuditEntry.objects.count() == 0


def test_read_only_fields_are_ignored(manager_client, salon):
    response = manager_client.patch(
        f"/api/manage/salons/{salon.pk}/", {"rating_average": "5.00", "slug": "hijack"}, format="json"
    )

    assert response.status_code == 200
    salon.refresh_from_db()
    assert (salon.slug, salon.rating_average) != ("hijack", 5)


def test_the_audit_log_is_newest_first_and_filtered(manager_client, salon):
    manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"name_en": "One"}, format="json")
    manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"name_en": "Two"}, format="json")

    everything = manager_client.get(f"/api/manage/salons/{salon.pk}/audit/").json()
    services_only = manager_client.get(f"/api/manage/salons/{salon.pk}/audit/?object=service").json()
    bad = manager_client.get(f"/api/manage/salons/{salon.pk}/audit/?from=yesterday")

    assert [row["changes"]["name_en"][1] for row in everything["results"]] == ["Two", "One"]
    assert services_only["count"] == 0
    assert (bad.status_code, "date_from" in bad.json()["errors"] or "from" in bad.json()["errors"]) == (400, True)


def test_audit_entries_cannot_be_changed_or_deleted(manager_client, salon):
    manager_client.patch(f"/api/manage/salons/{salon.pk}/", {"name_en": "One"}, format="json")
    entry = AuditEntry.objects.get()

    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
