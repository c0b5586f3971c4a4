"""`zatca_onboard` and `zatca_certificates`."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from apps.notifications.models import Notification
from apps.zatca.models import EgsUnit, UnitState
from apps.zatca.providers import FakeZatca
from apps.zatca.reporting import report
from apps.zatca.stamping import stamp

from .samples import invoice

pytestmark = pytest.mark.django_db


def test_onboard_command_activates_the_salons_unit(salon, capsys):
    call_command("zatca_onboard", "--salon", str(salon.pk), "--otp", "123345")

    assert EgsUnit.objects.get(salon=salon).state == UnitState.ACTIVE
    assert f"salon {salon.pk} is active" in capsys.readouterr().out


def test_onboard_command_explains_a_salon_without_a_vat_number(salon):
    salon.vat_number = ""
    salon.save()

    with pytest.raises(CommandError, match="has no VAT number"):
        call_command("zatca_onboard", "--salon", str(salon.pk), "--otp", "123345")


def test_onboard_command_names_incomplete_legal_details(salon):
    salon.postal_code = "123"
    salon.save()

    with pytest.raises(CommandError, match="postal_code: A postal code has 5 digits"):
        call_command("zatca_onboard", "--salon", str(salon.pk), "--otp", "123345")


def test_onboard_command_explains_a_refused_otp(salon):
    with pytest.raises(CommandError, match="refused the one-time password.*Invalid OTP"):
        call_command("zatca_onboard", "--salon", str(salon.pk), "--otp", "nope")


def test_onboard_command_refuses_an_unknown_salon():
    with pytest.raises(CommandError, match="No salon 999999"):
        call_command("zatca_onboard", "--salon", "999999", "--otp", "123345")


def test_onboard_command_renews(active_unit, salon):
    call_command("zatca_onboard", "--salon", str(salon.pk), "--otp", "111111", "--renew")

    assert EgsUnit.objects.get(pk=active_unit.pk).certificate_serial != active_unit.certificate_serial


def test_managers_are_told_once_30_days_before_expiry_and_the_unit_expires(active_unit, manager):
    expires = active_unit.certificate_expires_at

    call_command("zatca_certificates")
    assert EgsUnit.objects.get(pk=active_unit.pk).state == UnitState.ACTIVE

    EgsUnit.objects.filter(pk=active_unit.pk).update(certificate_expires_at=timezone.now() + timedelta(days=29))
    call_command("zatca_certificates")
    call_command("zatca_certificates")
    unit = EgsUnit.objects.get(pk=active_unit.pk)
    assert unit.state == UnitState.EXPIRING
    alerts = Notification.objects.filter(recipient=manager, event="zatca_certificate_expiring")
    assert alerts.count() == 1
    assert "Fatoora" in alerts.get().body or "فاتورة" in alerts.get().body

    EgsUnit.objects.filter(pk=active_unit.pk).update(certificate_expires_at=timezone.now() - timedelta(seconds=1))
    call_command("zatca_certificates")
    assert EgsUnit.objects.get(pk=active_unit.pk).state == UnitState.EXPIRED
    assert expires != unit.certificate_expires_at


def test_refused_credentials_while_reporting_tell_the_managers(active_unit, manager):
    FakeZatca.script("reporting", 401)
    report(unit=active_unit, stamped=stamp(unit=active_unit, document=invoice()))

    assert Notification.objects.filter(recipient=manager, event="zatca_unit_failed").count() == 1
