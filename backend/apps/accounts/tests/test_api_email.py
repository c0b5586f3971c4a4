"""A new profile email counts once its owner enters the code mailed to it; the profile never reveals
whether another account uses an address, and only verified emails are unique."""

import re

import pytest
from django.core import mail

from apps.accounts.models import User

pytestmark = pytest.mark.django_db
ME_URL = "/api/auth/me/"
VERIFY_URL = "/api/auth/me/email/verify/"


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
            response = client.patch(ME_URL, {"email": email}, format="json", HTTP_ACCEPT_LANGUAGE="en")
        return response

    return change


def _mailed_code() -> str:
    return re.search(r"\b(\d{6})\b", mail.outbox[-1].body).group(1)


def test_a_new_email_is_pending_and_a_code_is_mailed_to_it(change_email, me_client):
    response = change_email("Sara@Example.com")

    assert response.status_code == 200
    assert (response.json()["email"], response.json()["pending_email"]) == (None, "Sara@example.com")
    (message,) = mail.outbox
    assert message.to == ["Sara@example.com"]
    assert message.subject == "رمز تأكيد بريدك الإلكتروني"  # the user's language (Arabic)


def test_the_right_code_makes_it_the_verified_email(change_email, me_client):
    client, user = me_client
    change_email("sara@example.com")

    response = client.post(VERIFY_URL, {"code": _mailed_code()}, format="json")

    user.refresh_from_db()
    assert response.status_code == 200
    assert (response.json()["email"], response.json()["email_verified"], response.json()["pending_email"]) == (
        "sara@example.com",
        True,
        None,
    )
    assert (user.email, user.email_verified) == ("sara@example.com", True)


def test_the_answer_is_the_same_whether_or_not_another_account_has_the_email(change_email, make_user, me_client):
    client, user = me_client
    make_user("+966551234567", email="taken@example.com", email_verified=True)
    free = change_email("free@example.com").json()

    taken = change_email("TAKEN@example.com").json()

    assert {key: value for key, value in taken.items() if key != "pending_email"} == {
        key: value for key, value in free.items() if key != "pending_email"
    }
    assert taken["pending_email"] == "TAKEN@example.com"
    assert len(mail.outbox) == 2


def test_an_unverified_email_elsewhere_does_not_block_its_owner(change_email, make_user, me_client):
    client, user = me_client
    squatter = make_user("+966551234567", email="sara@example.com")  # typed, never verified

    change_email("sara@example.com")
    response = client.post(VERIFY_URL, {"code": _mailed_code()}, format="json")

    assert response.status_code == 200
    squatter.refresh_from_db()
    assert (squatter.email, squatter.email_verified) == ("sara@example.com", False)


def test_an_address_another_account_verified_cannot_be_claimed(change_email, make_user, me_client):
    client, user = me_client
    change_email("sara@example.com")
    make_user("+966551234567", email="Sara@example.com", email_verified=True)

    response = client.post(VERIFY_URL, {"code": _mailed_code()}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    user.refresh_from_db()
    assert response.status_code == 400
    assert response.json()["code"] == "email_taken"
    assert (user.email, user.email_verified) == (None, False)


def test_wrong_codes_are_counted_and_then_the_code_is_dead(change_email, me_client, settings):
    settings.EMAIL_CODE_MAX_ATTEMPTS = 2
    client, user = me_client
    change_email("sara@example.com")
    right = _mailed_code()
    wrong = "000000" if right != "000000" else "111111"

    codes = [client.post(VERIFY_URL, {"code": wrong}, format="json").json()["code"] for _ in range(2)]
    last = client.post(VERIFY_URL, {"code": right}, format="json")

    assert codes == ["email_code_invalid", "email_code_invalid"]
    assert last.status_code == 400
    assert last.json()["code"] == "email_code_attempts_exceeded"
    user.refresh_from_db()
    assert user.email is None


def test_an_expired_code_is_refused(change_email, me_client, settings):
    client, user = me_client
    change_email("sara@example.com")
    code = _mailed_code()
    settings.EMAIL_CODE_EXPIRY_MINUTES = 0

    response = client.post(VERIFY_URL, {"code": code}, format="json")

    assert response.json()["code"] == "email_code_expired"


def test_verifying_needs_a_signed_in_user(api_client):
    response = api_client.post(VERIFY_URL, {"code": "123456"}, format="json")

    assert response.status_code == 401
