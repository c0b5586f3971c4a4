"""`/api/manage/salons/{id}/zatca/`: managers only (403 a stylist, 404 another salon), no secrets."""

import pytest

from apps.bookings.tests.conftest import client_for, make_user
from apps.salons.tests.factories import make_salon
from apps.zatca.models import EgsUnit, UnitState
from apps.zatca.providers import FakeZatca

pytestmark = pytest.mark.django_db


def _url(salon):
    return f"/api/manage/salons/{salon.pk}/zatca/"


def test_a_manager_sees_a_unit_not_started_with_the_legal_details(manager_client, salon):
    response = manager_client.get(_url(salon))

    assert response.status_code == 200
    body = response.json()
    assert (body["state"], body["can_onboard"], body["can_renew"], body["missing"]) == ("not_started", True, False, {})
    assert body["legal_details"]["cr_number"] == "1010010000"


def test_the_missing_details_are_named(manager_client, salon):
    salon.street = ""
    salon.save()

    body = manager_client.get(_url(salon)).json()

    assert (list(body["missing"]), body["can_onboard"]) == (["street"], False)


def test_a_manager_onboards_then_renews_with_a_one_time_password(manager_client, salon):
    onboarded = manager_client.post(_url(salon), {"otp": "123345"}, format="json")

    assert onboarded.status_code == 200
    assert (onboarded.json()["state"], onboarded.json()["can_renew"]) == ("active", True)
    serial = EgsUnit.objects.get(salon=salon).certificate_serial

    renewed = manager_client.post(_url(salon), {"otp": "654321"}, format="json")

    assert renewed.status_code == 200
    assert EgsUnit.objects.get(salon=salon).certificate_serial != serial


def test_nothing_secret_is_ever_in_the_answer(manager_client, salon):
    body = manager_client.post(_url(salon), {"otp": "123345"}, format="json").content.decode()
    unit = EgsUnit.objects.get(salon=salon)

    for secret in (unit.private_key_sealed, unit.production_token_sealed, unit.production_secret_sealed):
        assert secret not in body
    assert "PRIVATE" not in body and "secret" not in body


def test_a_refused_otp_is_a_400_with_zatcas_message(manager_client, salon):
    FakeZatca.script("compliance", 400)

    response = manager_client.post(_url(salon), {"otp": "123345"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "zatca_otp_refused"
    assert manager_client.get(_url(salon)).json()["state"] == UnitState.FAILED


def test_zatca_down_is_a_503(manager_client, salon):
    FakeZatca.script("compliance", "timeout")

    response = manager_client.post(_url(salon), {"otp": "123345"}, format="json")

    assert (response.status_code, response.json()["code"]) == (503, "zatca_unavailable")


def test_incomplete_details_are_field_errors(manager_client, salon):
    salon.building_number = ""
    salon.save()

    response = manager_client.post(_url(salon), {"otp": "123345"}, format="json")

    assert (response.status_code, response.json()["code"]) == (400, "zatca_legal_details_incomplete")
    assert list(response.json()["errors"]) == ["building_number"]


def test_a_malformed_otp_is_invalid_input(manager_client, salon):
    response = manager_client.post(_url(salon), {"otp": "abc"}, format="json")

    assert response.status_code == 400
    assert "otp" in response.json()["errors"]


def test_a_stylist_is_refused(salon):
    stylist = make_user(role="staff")

    for response in (client_for(stylist).get(_url(salon)), client_for(stylist).post(_url(salon), {"otp": "1"})):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")


def test_another_salons_unit_does_not_exist_for_a_manager(manager_client):
    other = make_salon()

    assert manager_client.get(_url(other)).status_code == 404
    assert manager_client.post(_url(other), {"otp": "123345"}, format="json").status_code == 404
    assert not EgsUnit.objects.exists()


def test_anonymous_callers_must_sign_in(api_client, salon):
    assert api_client.get(_url(salon)).status_code == 401
