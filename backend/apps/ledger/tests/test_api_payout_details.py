"""`/api/manage/salons/{id}/payout-details/` and `…/code/`: the legal name changes freely, a new IBAN
needs a fresh code sent to the manager's own phone, the audit log keeps the IBAN masked, and the full
IBAN never leaves the API."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.models import OTPPurpose, OTPRequest, OTPStatus
from apps.accounts.tests.conftest import otp_outbox  # noqa: F401 (a fixture)
from apps.audit.models import AuditEntry

from ..models import SalonPayoutAccount
from .conftest import IBAN

pytestmark = pytest.mark.django_db
OTHER_IBAN = "SA4420000001234567891234"  # mod-97 valid
URL = "/api/manage/salons/{}/payout-details/"


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60


@pytest.fixture
def code_for(manager_client, salon, otp_outbox):  # noqa: F811
    def send() -> str:
        response = manager_client.post(URL.format(salon.pk) + "code/", {}, format="json")
        assert response.status_code == 202, response.content
        return otp_outbox.code_for(OTPRequest.objects.latest("created_at").pk)

    return send


def patch(client, salon, body):
    return client.patch(URL.format(salon.pk), body, format="json")


def test_the_details_of_a_salon_without_an_iban(manager_client, salon):
    salon.vat_number = "300000000000003"
    salon.save()

    assert manager_client.get(URL.format(salon.pk)).json() == {
        "legal_name": "Salon Lamsa Trading Est.",
        "vat_number": "300000000000003",
        "iban_masked": "",
        "iban_set": False,
        "updated_at": None,
    }


def test_the_legal_name_changes_without_a_code_and_is_audited(manager_client, manager, salon):
    response = patch(manager_client, salon, {"legal_name": "  مؤسسة لمسة للتجميل  "})

    assert (response.status_code, response.json()["legal_name"]) == (200, "مؤسسة لمسة للتجميل")
    salon.refresh_from_db()
    assert salon.legal_name == "مؤسسة لمسة للتجميل"
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.changes) == (
        manager,
        "salon",
        {"legal_name": ["Salon Lamsa Trading Est.", "مؤسسة لمسة للتجميل"]},
    )


def test_a_code_is_sent_to_the_managers_own_phone_and_never_shown(manager_client, manager, salon, otp_outbox):  # noqa: F811
    response = manager_client.post(URL.format(salon.pk) + "code/", {"channel": "whatsapp"}, format="json")

    assert (response.status_code, response.json()) == (202, {"channel": "whatsapp", "expires_in": 300})
    otp = OTPRequest.objects.get()
    assert (otp.phone_number, otp.purpose, otp.status) == (manager.phone_number, OTPPurpose.PAYOUT_DETAILS, "active")
    assert otp_outbox.code_for(otp.pk) not in response.content.decode()


def test_a_new_iban_with_its_code_is_set_masked_and_audited_masked(manager_client, manager, salon, code_for):
    code = code_for()

    response = patch(manager_client, salon, {"iban": "sa03 8000 0000 6080 1016 7519", "code": code})

    assert response.status_code == 200
    body = response.json()
    assert (body["iban_masked"], body["iban_set"]) == ("SA03 **** **** **** **** 7519", True)
    assert body["updated_at"] is not None
    account = SalonPayoutAccount.objects.get(salon=salon)
    assert (account.iban, account.iban_changed_by) == (IBAN, manager)
    entry = AuditEntry.objects.get(object_type="payout_account")
    assert (entry.action, entry.changes) == ("created", {"iban": [None, "SA03 **** **** **** **** 7519"]})
    assert IBAN not in json.dumps(body) and IBAN not in json.dumps(entry.changes)
    assert OTPRequest.objects.get().status == OTPStatus.USED


def test_changing_the_iban_again_needs_a_fresh_code(manager_client, salon, code_for, settings):
    first = code_for()
    patch(manager_client, salon, {"iban": IBAN, "code": first})
    settings.OTP_RESEND_COOLDOWN_SECONDS = 0

    reused = patch(manager_client, salon, {"iban": OTHER_IBAN, "code": first})
    assert (reused.status_code, reused.json()["code"]) == (400, "code_invalid")
    response = patch(manager_client, salon, {"iban": OTHER_IBAN, "code": code_for()})

    assert response.json()["iban_masked"] == "SA44 **** **** **** **** 1234"
    changes = AuditEntry.objects.filter(object_type="payout_account").order_by("id").last().changes
    assert changes == {"iban": ["SA03 **** **** **** **** 7519", "SA44 **** **** **** **** 1234"]}


def test_a_new_iban_without_a_code_is_refused_and_nothing_changes(manager_client, salon):
    response = patch(manager_client, salon, {"iban": IBAN, "legal_name": "New name"})

    assert (response.status_code, response.json()["code"]) == (400, "code_required")
    salon.refresh_from_db()
    assert (SalonPayoutAccount.objects.count(), salon.legal_name, AuditEntry.objects.count()) == (
        0,
        "Salon Lamsa Trading Est.",
        0,
    )


def test_a_wrong_or_expired_code_is_code_invalid(manager_client, salon, code_for):
    code = code_for()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"

    assert patch(manager_client, salon, {"iban": IBAN, "code": wrong}).json()["code"] == "code_invalid"
    OTPRequest.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert patch(manager_client, salon, {"iban": IBAN, "code": code}).json()["code"] == "code_invalid"
    assert SalonPayoutAccount.objects.count() == 0


def test_a_sign_in_code_does_not_change_the_iban(manager_client, manager, salon, otp_outbox):  # noqa: F811
    from apps.accounts.services import otp_request

    otp = otp_request(phone_number=manager.phone_number, channel="sms", ip_address="203.0.113.9")

    response = patch(manager_client, salon, {"iban": IBAN, "code": otp_outbox.code_for(otp.pk)})

    assert response.json()["code"] == "code_invalid"


@pytest.mark.parametrize(
    "iban",
    [
        "SA0380000000608010167518",  # a check digit off
        "GB82WEST12345698765432",  # not Saudi
        "SA038000000060801016751",  # 23 characters
        "not an iban",
    ],
)
def test_an_invalid_iban_is_a_field_error_before_any_code(manager_client, salon, iban):
    response = patch(manager_client, salon, {"iban": iban, "code": "123456"})

    body = response.json()
    assert (response.status_code, body["code"], list(body["errors"])) == (400, "invalid_iban", ["iban"])


def test_the_same_iban_again_needs_no_code(manager_client, salon):
    SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())

    response = patch(manager_client, salon, {"iban": "SA03 8000 0000 6080 1016 7519"})

    assert response.status_code == 200
    assert AuditEntry.objects.count() == 0


def test_the_code_request_is_rate_limited(manager_client, salon, code_for):
    code_for()

    response = manager_client.post(URL.format(salon.pk) + "code/", {}, format="json")

    assert (response.status_code, response.json()["code"]) == (429, "otp_cooldown")
