"""Correcting the phone number: a code to the NEW number, then the account moves to it; the change is in
the register of data-subject requests and the audit log (masked). A wrong code, a taken or unchanged number
change nothing."""

from unittest import mock

import pytest
from django.db import IntegrityError
from rest_framework.test import APIClient

from apps.accounts.errors import OTPInvalid, PhoneTaken
from apps.accounts.models import OTPRequest, OTPStatus, User
from apps.accounts.phone_change import user_phone_change
from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import client_for, make_user
from apps.privacy.models import DataSubjectRequest, RequestKind
from apps.privacy.phone_change import phone_change_with_code

pytestmark = pytest.mark.django_db
OLD = "+966598765432"
NEW = "+966501112233"
REQUEST = "/api/auth/phone/request/"
CHANGE = "/api/auth/me/phone/"


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"


@pytest.fixture
def person():
    return make_user(phone_number=OLD, first_name="Zubaida")


def _ask(client, phone=NEW):
    return client.post(REQUEST, {"phone_number": phone, "channel": "sms", "purpose": "change_phone"}, format="json")


def _code(client, otp_outbox, phone=NEW) -> tuple[str, str]:
    response = _ask(client, phone)
    assert response.status_code == 201, response.content
    request_id = response.json()["request_id"]
    return request_id, otp_outbox.code_for(request_id)


def test_the_code_goes_to_the_new_number_and_moves_the_account(person, otp_outbox):
    client = client_for(person)
    request_id, code = _code(client, otp_outbox, phone="0501112233")
    assert OTPRequest.objects.get(pk=request_id).phone_number == NEW

    response = client.post(CHANGE, {"request_id": request_id, "code": code}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["phone_number"] == NEW
    assert response.json()["id"] == person.pk
    person.refresh_from_db()
    assert (person.phone_number, person.is_phone_verified) == (NEW, True)
    register = DataSubjectRequest.objects.get()
    assert (register.kind, register.subject_user_id, register.detail) == (
        RequestKind.CORRECTION,
        person.pk,
        "phone_number",
    )
    entry = AuditEntry.objects.get(object_type="user", object_id=str(person.pk))
    assert entry.changes == {"phone_number": ["+9665•••••432", "+9665•••••233"]}
    assert OLD not in str(entry.changes) and NEW not in str(entry.changes)
    assert client.get("/api/auth/me/").json()["phone_number"] == NEW


def test_a_wrong_code_is_400_and_changes_nothing(person, otp_outbox):
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    wrong = "000000" if code != "000000" else "111111"

    response = client.post(CHANGE, {"request_id": request_id, "code": wrong}, format="json")

    assert (response.status_code, response.json()["code"]) == (400, "otp_invalid")
    person.refresh_from_db()
    assert person.phone_number == OLD
    assert not DataSubjectRequest.objects.exists()


def test_an_unknown_request_or_a_code_of_another_purpose_is_400(person, otp_outbox):
    client = client_for(person)
    sign_in = APIClient().post(REQUEST, {"phone_number": NEW, "channel": "sms"}, format="json").json()["request_id"]
    code = otp_outbox.code_for(sign_in)

    assert client.post(CHANGE, {"request_id": sign_in, "code": code}, format="json").json()["code"] == "otp_invalid"
    assert client.post(CHANGE, {"request_id": "nope", "code": "123456"}, format="json").status_code == 400
    person.refresh_from_db()
    assert person.phone_number == OLD


def test_a_number_of_another_account_is_refused_when_asked_and_when_confirmed(person, otp_outbox):
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    make_user(phone_number=NEW)  # signs up meanwhile

    asked = _ask(client)
    confirmed = client.post(CHANGE, {"request_id": request_id, "code": code}, format="json")

    assert (asked.status_code, asked.json()["code"]) == (409, "phone_taken")
    assert (confirmed.status_code, confirmed.json()["code"]) == (409, "phone_taken")
    person.refresh_from_db()
    assert person.phone_number == OLD
    assert OTPRequest.objects.get(pk=request_id).status == OTPStatus.ACTIVE  # the code was not used up


def test_the_current_number_is_400(person):
    response = _ask(client_for(person), phone=OLD)

    assert (response.status_code, response.json()["code"]) == (400, "phone_unchanged")


def test_a_race_with_a_sign_up_is_caught_by_the_unique_constraint(person):
    with mock.patch.object(User, "save", side_effect=IntegrityError("duplicate key")), pytest.raises(PhoneTaken):
        user_phone_change(user=person, phone_number=NEW)
    person.refresh_from_db()
    assert person.phone_number == OLD


def test_the_service_changes_nothing_on_a_wrong_code(person, otp_outbox):
    request_id, code = _code(client_for(person), otp_outbox)
    with pytest.raises(OTPInvalid):
        phone_change_with_code(user=person, request_id=request_id, code="000000" if code != "000000" else "111111")
    assert User.objects.get(pk=person.pk).phone_number == OLD


def test_both_steps_need_a_signed_in_person():
    anonymous = APIClient()
    assert _ask(anonymous).status_code == 401
    assert anonymous.post(CHANGE, {"request_id": "x", "code": "123456"}, format="json").status_code == 401
