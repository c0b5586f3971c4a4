"""The admin's password sign-in is throttled and locked out per account and per address."""

import logging

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db
PASSWORD = "the-right-password-1"


@pytest.fixture
def admin(make_user):
    return make_user("+966501234567", password=PASSWORD, is_staff=True, is_superuser=True)


def _sign_in(password: str, *, username: str = "0501234567", ip: str = "203.0.113.7"):
    return Client(REMOTE_ADDR=ip).post(
        "/admin/login/", {"username": username, "password": password}, headers={"Accept-Language": "en"}
    )


def test_five_failures_lock_the_account_out_even_for_the_right_password(admin, settings):
    settings.ADMIN_LOGIN_ACCOUNT_MAX_FAILURES = 5

    failures = [_sign_in(f"wrong-{n}").status_code for n in range(5)]
    refused = _sign_in(PASSWORD, ip="198.51.100.9")  # another address does not help

    assert failures == [200] * 5
    assert refused.status_code == 429
    assert 14 * 60 <= int(refused["Retry-After"]) <= 15 * 60
    assert refused.content.decode() == "Too many failed sign-in attempts. Try again in 15 minutes."


def test_a_success_before_the_limit_forgets_the_failures(admin, settings):
    settings.ADMIN_LOGIN_ACCOUNT_MAX_FAILURES = 3

    assert [_sign_in("wrong").status_code for _ in range(2)] == [200, 200]
    assert _sign_in(PASSWORD).status_code == 302
    assert [_sign_in("wrong").status_code for _ in range(2)] == [200, 200]
    assert _sign_in(PASSWORD).status_code == 302


def test_one_address_trying_many_accounts_is_locked_out(admin, settings):
    settings.ADMIN_LOGIN_IP_MAX_FAILURES = 4

    failures = [_sign_in("wrong", username=f"05000000{n:02d}").status_code for n in range(4)]

    assert failures == [200] * 4
    assert _sign_in(PASSWORD).status_code == 429
    assert _sign_in(PASSWORD, ip="198.51.100.9").status_code == 302


def test_an_operator_can_unlock_an_account(admin, settings):
    settings.ADMIN_LOGIN_ACCOUNT_MAX_FAILURES = 2
    [_sign_in("wrong") for _ in range(2)]
    assert _sign_in(PASSWORD).status_code == 429

    call_command("admin_login_unlock", "+966 50 123 4567", stdout=None)

    assert _sign_in(PASSWORD).status_code == 302


def test_attempts_are_logged_masked_and_without_the_password(admin, caplog):
    with caplog.at_level(logging.INFO, logger="apps.accounts.admin_login"):
        _sign_in("hunter2-secret")
        _sign_in(PASSWORD)

    assert [record.getMessage() for record in caplog.records if record.name == "apps.accounts.admin_login"] == [
        "Admin sign-in failed for +9665•••••567 from 203.0.113.7",
        "Admin sign-in succeeded for +9665•••••567 from 203.0.113.7",
    ]
    assert "hunter2" not in caplog.text
