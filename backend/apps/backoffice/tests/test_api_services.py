"""`/api/manage/salons/{id}/services/`: the salon's services, as its managers change them."""

import pytest

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.tests.conftest import client_for
from apps.salons.models import Service
from apps.salons.tests.factories import make_category, make_service, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return make_category(name_en="Hair", name_ar="شعر")


def new_service(of_category, **overrides) -> dict:
    body = {
        "category": of_category.pk,
        "name_ar": "قص شعر",
        "name_en": "Haircut",
        "duration_minutes": 45,
        "price_amount": 8000,
    }
    body.update(overrides)
    return body


def test_the_manager_lists_every_service_of_the_salon_active_or_not(
    manager_client, salon, service, stylist, other_salon
):
    retired = make_service(salon, is_active=False, category=service.category, display_order=1)
    make_service(other_salon)

    response = manager_client.get(url(salon, "services/"), headers={"accept-language": "en"})

    assert response.status_code == 200
    body = response.json()
    assert [row["id"] for row in body] == [service.pk, retired.pk]
    assert body[0] == {
        "id": service.pk,
        "category": service.category_id,
        "category_name": service.category.name_en,
        "name_ar": service.name_ar,
        "name_en": service.name_en,
        "description_ar": "",
        "description_en": "",
        "duration_minutes": 30,
        "price_amount": 10000,
        "currency": "SAR",
        "buffer_minutes": 0,
        "is_active": True,
        "display_order": 0,
        "staff_ids": [stylist.pk],
    }


def test_a_new_service_is_created_offered_by_the_stylists_given_and_audited(
    manager_client, manager, salon, category, stylist, api_client
):
    response = manager_client.post(
        url(salon, "services/"), new_service(category, staff_ids=[stylist.pk], buffer_minutes=10), format="json"
    )

    assert response.status_code == 201
    service = Service.objects.get(name_en="Haircut")
    assert (service.salon, service.duration_minutes, service.buffer_minutes) == (salon, 45, 10)
    assert list(service.staff.all()) == [stylist]
    assert response.json()["staff_ids"] == [stylist.pk]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.object_id, entry.action) == (
        manager,
        "service",
        str(service.pk),
        "created",
    )
    assert entry.changes["price_amount"] == [None, 8000]
    assert entry.changes["staff_ids"] == [None, [stylist.pk]]
    # and the public catalog shows it on the next request
    public = api_client.get(f"/api/salons/{salon.pk}/services/").json()
    assert service.pk in [row["id"] for row in public]


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"duration_minutes": 721}, "duration_minutes"),
        ({"buffer_minutes": 241}, "buffer_minutes"),
        ({"price_amount": -1}, "price_amount"),
        ({"name_ar": ""}, "name_ar"),
        ({"category": 999999}, "category"),
        ({"staff_ids": "all"}, "staff_ids"),
    ],
)
def test_bad_values_are_field_errors_and_create_nothing(manager_client, salon, category, overrides, field):
    response = manager_client.post(url(salon, "services/"), new_service(category, **overrides), format="json")

    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert (Service.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_stylists_of_another_salon_cannot_be_given_a_service(manager_client, salon, category, other_salon):
    outsider = make_staff(other_salon)

    response = manager_client.post(
        url(salon, "services/"), new_service(category, staff_ids=[outsider.pk]), format="json"
    )

    assert response.status_code == 400
    assert (response.json()["code"], list(response.json()["errors"])) == ("unknown_staff", ["staff_ids"])
    assert Service.objects.count() == 0


def test_a_change_touches_only_the_fields_sent_and_is_audited(manager_client, salon, service, stylist, other_stylist):
    response = manager_client.patch(
        url(salon, f"services/{service.pk}/"),
        {"price_amount": 12000, "staff_ids": [other_stylist.pk]},  # both offered it
        format="json",
    )

    assert response.status_code == 200
    service.refresh_from_db()
    assert (service.price_amount, service.duration_minutes, list(service.staff.all())) == (12000, 30, [other_stylist])
    assert AuditEntry.objects.get().changes == {
        "price_amount": [10000, 12000],
        "staff_ids": [sorted([stylist.pk, other_stylist.pk]), [other_stylist.pk]],
    }


def test_deleting_a_service_without_bookings_deletes_it(manager_client, salon, service):
    response = manager_client.delete(url(salon, f"services/{service.pk}/"))

    assert response.status_code == 204
    assert Service.objects.filter(pk=service.pk).exists() is False
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_id, entry.changes["price_amount"]) == ("deleted", str(service.pk), [10000, None])


def test_deleting_a_service_with_bookings_deactivates_it_and_its_bookings_stay(
    manager_client, salon, service, book, api_client
):
    booking = book("10:00")

    response = manager_client.delete(url(salon, f"services/{service.pk}/"), headers={"accept-language": "en"})

    assert response.status_code == 200
    body = response.json()
    assert (body["deactivated"], body["service"]["id"], body["service"]["is_active"]) == (True, service.pk, False)
    assert body["detail"] == "The service has bookings, so it was deactivated instead of deleted."
    booking.refresh_from_db()
    assert (booking.service_id, booking.status) == (service.pk, "pending")
    assert AuditEntry.objects.get().action == "deactivated"
    assert api_client.get(f"/api/salons/{salon.pk}/services/").json() == []


def test_a_service_of_another_salon_is_404(manager_client, salon, other_salon):
    foreign = make_service(other_salon)

    for response in (
        manager_client.get(url(salon, f"services/{foreign.pk}/")),
        manager_client.patch(url(salon, f"services/{foreign.pk}/"), {"price_amount": 1}, format="json"),
        manager_client.delete(url(salon, f"services/{foreign.pk}/")),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "service_not_found")
    assert Service.objects.filter(pk=foreign.pk, price_amount=1).exists() is False


def test_a_salon_the_caller_does_not_manage_is_404(manager_client, other_salon, category):
    for response in (
        manager_client.get(url(other_salon, "services/")),
        manager_client.post(url(other_salon, "services/"), new_service(category), format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")
    assert Service.objects.filter(salon=other_salon).count() == 0


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_customers_and_stylists_are_refused(request, who, salon, service, category):
    client = client_for(request.getfixturevalue(who))

    for response in (
        client.get(url(salon, "services/")),
        client.post(url(salon, "services/"), new_service(category), format="json"),
        client.patch(url(salon, f"services/{service.pk}/"), {"price_amount": 1}, format="json"),
        client.delete(url(salon, f"services/{service.pk}/")),
    ):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    service.refresh_from_db()
    assert service.price_amount == 10000
