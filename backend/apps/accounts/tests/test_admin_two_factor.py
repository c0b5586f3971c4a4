"""The admin's second sign-in step: an authenticator app (TOTP) with recovery codes."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from apps.accounts.models import User

PASSWORD = "a-long-admin-password-1"
PHONE = "+966500000061"

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return User.objects.create_superuser(phone_number=PHONE, password=PASSWORD)


def signed_in(user) -> Client:
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def enrol(client: Client) -> tuple[TOTPDevice, list[str]]:
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(confirmed=False)
    page = client.post("/admin/two-factor/setup/", {"code": current_code(device)})
    return TOTPDevice.objects.get(pk=device.pk), re.findall(r"<code>(\d{8})</code>", page.content.decode())


def test_without_the_requirement_an_admin_without_an_authenticator_goes_straight_in(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = False

    assert signed_in(admin_user).get("/admin/").status_code == 200


def test_with_the_requirement_the_admin_is_refused_until_an_authenticator_is_added(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    client = signed_in(admin_user)

    refused = client.get("/admin/accounts/user/")
    setup = client.get("/admin/two-factor/setup/")

    assert refused.status_code == 302
    assert refused["Location"] == "/admin/two-factor/setup/"
    assert setup.status_code == 200
    assert b"<svg" in setup.content  # the QR code
    assert re.search(rb"<code dir=\"ltr\">[A-Z2-7]{32}</code>", setup.content)


def test_adding_an_authenticator_confirms_it_shows_ten_recovery_codes_and_lets_the_admin_in(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    client = signed_in(admin_user)

    device, codes = enrol(client)

    assert device.confirmed
    assert len(set(codes)) == 10
    assert StaticToken.objects.filter(device__user=admin_user).count() == 10
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_confirm_the_authenticator(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    client = signed_in(admin_user)
    client.get("/admin/two-factor/setup/")

    page = client.post("/admin/two-factor/setup/", {"code": "000000"})

    assert b"The code is wrong" in page.content
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_once_enrolled_every_sign_in_needs_the_current_code_even_when_not_required(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = False
    device, _codes = enrol(signed_in(admin_user))
    client = signed_in(admin_user)  # a new session: password only

    refused = client.get("/admin/accounts/user/")
    wrong = client.post("/admin/two-factor/verify/?next=/admin/accounts/user/", {"code": "123456"})
    assert refused["Location"] == "/admin/two-factor/verify/?next=/admin/accounts/user/"
    assert b"The code is wrong" in wrong.content

    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong code above started django-otp's delay
    device.throttling_failure_timestamp = None
    device.last_t = -1  # a code is good once: pretend the enrolment's code is from an earlier step
    device.save()
    right = client.post("/admin/two-factor/verify/?next=/admin/accounts/user/", {"code": current_code(device)})

    assert right.status_code == 302
    assert right["Location"] == "/admin/accounts/user/"
    assert client.get("/admin/accounts/user/").status_code == 200


def test_a_recovery_code_signs_in_once(settings, admin_user):
    _device, codes = enrol(signed_in(admin_user))

    first = signed_in(admin_user)
    assert first.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 302
    second = signed_in(admin_user)
    assert second.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 200
    assert StaticToken.objects.filter(device__user=admin_user).count() == 9


def test_next_never_leads_to_another_site(settings, admin_user):
    device, _codes = enrol(signed_in(admin_user))
    TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
    client = signed_in(admin_user)

    answer = client.post("/admin/two-factor/verify/?next=https://evil.example/", {"code": current_code(device)})

    assert answer["Location"] == "/admin/"


def test_an_operator_resets_a_lost_authenticator(admin_user):
    enrol(signed_in(admin_user))

    call_command("admin_two_factor_reset", "0500000061")

    assert not TOTPDevice.objects.filter(user=admin_user).exists()
    assert not StaticToken.objects.filter(device__user=admin_user).exists()


def test_the_steps_are_in_arabic(settings, admin_user):
    settings.ADMIN_REQUIRE_TWO_FACTOR = True
    client = signed_in(admin_user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "ar"

    page = client.get("/admin/two-factor/setup/", headers={"Accept-Language": "ar"}).content.decode()

    assert "تطبيق" in page
    assert "Scan this QR code" not in page
