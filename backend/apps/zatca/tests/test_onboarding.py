"""Onboarding and renewing a unit against the fake ZATCA: states, ZATCA's messages, secrets sealed."""

import pytest
from django.test import override_settings

from apps.audit.models import AuditEntry
from apps.zatca.credentials import signing_material
from apps.zatca.errors import (
    KeyEncryptionKeyMissing,
    LegalDetailsIncomplete,
    NoVatNumber,
    OnboardingFailed,
    OtpRefused,
    UnitAlreadyActive,
    UnitNotActive,
    ZatcaUnavailable,
)
from apps.zatca.models import EgsUnit, UnitState
from apps.zatca.providers import FakeZatca
from apps.zatca.services import unit_onboard, unit_renew

pytestmark = pytest.mark.django_db


def test_onboarding_makes_the_unit_active_with_a_production_certificate(salon, manager):
    unit = unit_onboard(salon_id=salon.pk, otp="123345", actor=manager)

    assert unit.state == UnitState.ACTIVE
    assert unit.certificate_expires_at is not None
    assert unit.last_message == "ISSUED"
    key, certificate = signing_material(unit)
    assert certificate.public_key().public_numbers() == key.public_key().public_numbers()
    assert AuditEntry.objects.filter(salon_id=salon.pk, object_type="egsunit").count() == 1


def test_keys_and_certificate_secrets_are_sealed_at_rest(active_unit):
    row = EgsUnit.objects.values().get(pk=active_unit.pk)

    sealed = [row[name] for name in ("private_key_sealed", "production_token_sealed", "production_secret_sealed")]
    assert all(value.startswith("gAAAAA") for value in sealed)  # Fernet tokens
    assert not any("PRIVATE KEY" in str(value) for value in row.values())


def test_a_salon_without_a_vat_number_has_no_unit_to_onboard(salon):
    salon.vat_number = ""
    salon.save()

    with pytest.raises(NoVatNumber):
        unit_onboard(salon_id=salon.pk, otp="123345")
    assert not EgsUnit.objects.exists()


def test_incomplete_or_invalid_legal_details_are_named(salon):
    salon.building_number, salon.street = "12", ""
    salon.save()

    with pytest.raises(LegalDetailsIncomplete) as raised:
        unit_onboard(salon_id=salon.pk, otp="123345")

    assert set(raised.value.errors) == {"building_number", "street"}


def test_a_refused_one_time_password_fails_the_unit_with_zatcas_message(salon):
    with pytest.raises(OtpRefused):
        unit_onboard(salon_id=salon.pk, otp="12")

    unit = EgsUnit.objects.get(salon=salon)
    assert (unit.state, unit.last_http_status, unit.last_message) == (UnitState.FAILED, 400, "Invalid OTP")


def test_a_failed_compliance_check_fails_the_unit(salon):
    FakeZatca.script("compliance_invoices", 400)

    with pytest.raises(OnboardingFailed):
        unit_onboard(salon_id=salon.pk, otp="123345")

    unit = EgsUnit.objects.get(salon=salon)
    assert unit.state == UnitState.FAILED
    assert "BR-KSA-37" in unit.last_message


def test_zatca_down_during_onboarding_is_unavailable_and_can_be_retried(salon):
    FakeZatca.script("production", 503)

    with pytest.raises(ZatcaUnavailable):
        unit_onboard(salon_id=salon.pk, otp="123345")
    assert EgsUnit.objects.get(salon=salon).state == UnitState.FAILED

    assert unit_onboard(salon_id=salon.pk, otp="123345").state == UnitState.ACTIVE


def test_an_active_unit_is_renewed_not_onboarded_again(active_unit, salon):
    with pytest.raises(UnitAlreadyActive):
        unit_onboard(salon_id=salon.pk, otp="123345")

    renewed = unit_renew(salon_id=salon.pk, otp="654321")

    assert renewed.state == UnitState.ACTIVE
    assert renewed.certificate_serial != active_unit.certificate_serial
    assert renewed.private_key_sealed != active_unit.private_key_sealed


def test_a_refused_renewal_keeps_the_current_certificate(active_unit, salon):
    with pytest.raises(OtpRefused):
        unit_renew(salon_id=salon.pk, otp="x")

    unit = EgsUnit.objects.get(pk=active_unit.pk)
    assert (unit.state, unit.certificate_serial) == (UnitState.ACTIVE, active_unit.certificate_serial)


def test_a_unit_not_onboarded_cannot_be_renewed(salon):
    with pytest.raises(UnitNotActive):
        unit_renew(salon_id=salon.pk, otp="123345")


@override_settings(
    PLATFORM_LEGAL_NAME="Salon Platform LLC",
    PLATFORM_VAT_NUMBER="311111111100003",
    PLATFORM_CR_NUMBER="1010101010",
    PLATFORM_BUILDING_NUMBER="1234",
    PLATFORM_STREET="King Fahd Road",
    PLATFORM_DISTRICT="Al-Olaya",
    PLATFORM_CITY="Riyadh",
    PLATFORM_POSTAL_CODE="12211",
)
def test_the_platform_has_one_unit_of_its_own():
    unit = unit_onboard(salon_id=None, otp="123345")

    assert (unit.is_platform, unit.state) == (True, UnitState.ACTIVE)
    assert EgsUnit.objects.filter(salon__isnull=True).count() == 1


def test_the_platform_without_its_settings_cannot_onboard():
    with pytest.raises(NoVatNumber):
        unit_onboard(salon_id=None, otp="123345")


@override_settings(ZATCA_KEY_ENCRYPTION_KEY="", DEBUG=False)
def test_production_refuses_to_onboard_without_a_key_encryption_key(salon):
    with pytest.raises(KeyEncryptionKeyMissing):
        unit_onboard(salon_id=salon.pk, otp="123345")
    assert not EgsUnit.objects.exists()
