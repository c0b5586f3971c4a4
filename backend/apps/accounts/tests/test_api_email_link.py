"""Email verification by the signed link mailed with the code: it works without a sign-in, expires,
refuses tampering and stale addresses, and clears an undeliverable mark; entering an undeliverable
address again verifies it again."""

import re
from datetime import timedelta

import pytest
from django.core import mail, signing

from apps.accounts.email_change import LINK_SALT, email_verification_token
from apps.accounts.models import User

pytestmark = pytest.mark.django_db
ME_URL = "/api/auth/me/"
LINK_URL = "/api/auth/email/verify-link/"


@pytest.fixture
def me_client(api_client, signed_in):
    tokens = signed_in("0501234567", first_name="Sara")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    return api_client, User.objects.get(pk=tokens["user"]["id"])


@pytest.fixture
def change_email(me_client, django_capture_on_commit_callbacks):
    client, _user = me_client

    def change(email: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.patch(ME_URL, {"email": email}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    return change


def mailed_token() -> str:
    return re.search(r"/email/verify\?token=(\S+)", mail.outbox[-1].body).group(1)


def test_the_mailed_link_verifies_the_pending_address_without_a_sign_in(change_email, me_client, client, settings):
    settings.FRONTEND_URL = "https://salon.example"
    change_email("sara@example.com")
    assert "https://salon.example/email/verify?token=" in mail.outbox[-1].body

    response = client.post(LINK_URL, {"token": mailed_token()}, content_type="application/json")

    _client, user = me_client
    user.refresh_from_db()
    assert (response.status_code, response.json()) == (200, {"email": "sara@example.com"})
    assert (user.email, user.email_verified, user.pending_email) == ("sara@example.com", True, None)


def test_an_expired_link_is_refused(change_email, me_client, client, settings, monkeypatch):
    change_email("sara@example.com")
    token = mailed_token()
    settings.EMAIL_LINK_MAX_AGE_HOURS = 48
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + timedelta(hours=48, seconds=1).total_seconds())

    response = client.post(LINK_URL, {"token": token}, content_type="application/json")

    _client, user = me_client
    user.refresh_from_db()
    assert (response.status_code, response.json()["code"]) == (400, "email_link_expired")
    assert (user.email, user.email_verified, user.pending_email) == (None, False, "sara@example.com")


def test_a_tampered_link_is_refused(change_email, me_client, client):
    change_email("sara@example.com")
    _client, user = me_client
    forged = signing.dumps({"u": user.pk, "e": "sara@example.com"}, salt=LINK_SALT + "x")

    tampered = client.post(LINK_URL, {"token": mailed_token()[:-2] + "xx"}, content_type="application/json")
    wrong_salt = client.post(LINK_URL, {"token": forged}, content_type="application/json")

    user.refresh_from_db()
    assert [tampered.json()["code"], wrong_salt.json()["code"]] == ["email_link_invalid", "email_link_invalid"]
    assert (tampered.status_code, user.email_verified) == (400, False)


def test_a_link_to_an_address_no_longer_pending_is_refused(change_email, me_client, client):
    change_email("old@example.com")
    old_token = mailed_token()
    change_email("new@example.com")

    response = client.post(LINK_URL, {"token": old_token}, content_type="application/json")

    _client, user = me_client
    user.refresh_from_db()
    assert (response.status_code, response.json()["code"]) == (400, "email_link_invalid")
    assert (user.email, user.pending_email) == (None, "new@example.com")


def test_a_link_without_a_token_is_invalid_input(client):
    response = client.post(LINK_URL, {}, content_type="application/json")

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (
        400,
        "invalid",
        ["token"],
    )


def test_an_undeliverable_address_entered_again_is_verified_again_and_the_mark_cleared(change_email, me_client, client):
    _client, user = me_client
    User.objects.filter(pk=user.pk).update(email="sara@example.com", email_verified=True, email_undeliverable=True)

    response = change_email("sara@example.com")
    assert (response.json()["pending_email"], response.json()["email_undeliverable"]) == ("sara@example.com", True)
    verified = client.post(LINK_URL, {"token": mailed_token()}, content_type="application/json")

    user.refresh_from_db()
    assert verified.status_code == 200
    assert (user.email, user.email_verified, user.email_undeliverable, user.pending_email) == (
        "sara@example.com",
        True,
        False,
        None,
    )


def test_the_current_deliverable_address_entered_again_changes_nothing(change_email, me_client):
    _client, user = me_client
    User.objects.filter(pk=user.pk).update(email="sara@example.com", email_verified=True)

    response = change_email("sara@example.com")

    assert (response.json()["pending_email"], len(mail.outbox)) == (None, 0)


def test_a_token_for_another_account_cannot_verify_an_address_it_was_not_mailed(me_client, client):
    _client, user = me_client
    User.objects.filter(pk=user.pk).update(pending_email="sara@example.com")

    response = client.post(
        LINK_URL,
        {"token": email_verification_token(user_id=user.pk + 1, email="sara@example.com")},
        content_type="application/json",
    )

    assert (response.status_code, response.json()["code"]) == (400, "email_link_invalid")
