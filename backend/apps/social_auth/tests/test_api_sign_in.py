"""POST /api/auth/social/{nonce,google,apple,link}/: first sign-in, linking by phone code, signing straight in."""

import pytest

from apps.accounts.api.refresh_cookie import COOKIE_NAME
from apps.accounts.models import User
from apps.social_auth.models import SocialIdentity, SocialNonce

from .conftest import claims_for, issue_nonce, sign_in_code

pytestmark = pytest.mark.django_db

PHONE = "+966501234567"


def _sign_in(client, key, provider="google", sub="subject-1", body=None, **claims):
    nonce = issue_nonce()
    token = key.sign(claims_for(provider, nonce=nonce, sub=sub, **claims))
    return client.post(
        f"/api/auth/social/{provider}/", {"id_token": token, "nonce": nonce, **(body or {})}, format="json"
    )


def _link(client, link_token, phone=PHONE, code="123456", **kwargs):
    otp = sign_in_code(phone)
    return client.post(
        "/api/auth/social/link/",
        {"link_token": link_token, "request_id": str(otp.id), "code": code},
        format="json",
        **kwargs,
    )


def test_the_nonce_endpoint_issues_a_stored_single_use_nonce(api_client):
    response = api_client.post("/api/auth/social/nonce/")

    assert response.status_code == 201
    nonce = SocialNonce.objects.get(value=response.json()["nonce"])
    assert nonce.used_at is None
    assert len(nonce.value) >= 40


def test_a_first_sign_in_answers_phone_required_with_a_link_token(api_client, jwks, google_key):
    response = _sign_in(api_client, google_key)

    assert response.status_code == 202
    body = response.json()
    assert body["code"] == "phone_required"
    assert body["provider"] == "google"
    assert body["email"] == "sara@example.com"
    assert body["link_token_expires_in"] == 600
    assert body["link_token"]
    assert "access" not in body
    assert not SocialIdentity.objects.exists()


def test_a_nonce_is_used_once(api_client, jwks, google_key):
    nonce = issue_nonce()
    token = google_key.sign(claims_for("google", nonce=nonce))
    first = api_client.post("/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json")

    replay = api_client.post("/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json")

    assert first.status_code == 202
    assert replay.status_code == 400
    assert replay.json()["code"] == "nonce_invalid"


def test_a_nonce_we_never_issued_is_refused(api_client, jwks, google_key):
    token = google_key.sign(claims_for("google", nonce="invented"))

    response = api_client.post("/api/auth/social/google/", {"id_token": token, "nonce": "invented"}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "nonce_invalid"


def test_linking_creates_the_phone_account_and_signs_in_like_a_phone_sign_in(api_client, jwks, google_key):
    link_token = _sign_in(api_client, google_key).json()["link_token"]

    response = _link(api_client, link_token)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh", "user", "created"}
    assert body["created"] is True
    user = User.objects.get(phone_number=PHONE)
    assert user.is_phone_verified
    identity = SocialIdentity.objects.get()
    assert (identity.user, identity.provider, identity.subject, identity.email) == (
        user,
        "google",
        "subject-1",
        "sara@example.com",
    )


def test_linking_joins_an_existing_phone_account(api_client, jwks, google_key):
    existing = User.objects.create_user(phone_number=PHONE, first_name="Nora", is_phone_verified=True)
    link_token = _sign_in(api_client, google_key).json()["link_token"]

    response = _link(api_client, link_token)

    assert response.status_code == 200
    assert response.json()["created"] is False
    assert SocialIdentity.objects.get().user == existing
    assert User.objects.count() == 1


def test_a_linked_identity_signs_straight_in(api_client, jwks, google_key):
    _link(api_client, _sign_in(api_client, google_key).json()["link_token"])

    response = _sign_in(api_client, google_key)

    assert response.status_code == 200
    assert response.json()["user"]["phone_number"] == PHONE
    assert response.json()["created"] is False
    assert SocialIdentity.objects.get().last_used_at is not None


def test_the_cookie_opt_in_moves_the_refresh_token_to_the_cookie(api_client, jwks, google_key):
    _link(api_client, _sign_in(api_client, google_key).json()["link_token"])

    nonce = issue_nonce()
    token = google_key.sign(claims_for("google", nonce=nonce))
    response = api_client.post(
        "/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json", HTTP_X_AUTH_COOKIE="1"
    )

    assert response.status_code == 200
    assert "refresh" not in response.json()
    assert response.cookies[COOKIE_NAME]["httponly"]


def test_apple_first_login_name_is_kept_and_fills_the_new_account(api_client, jwks, apple_key):
    response = _sign_in(
        api_client,
        apple_key,
        provider="apple",
        body={"user": {"name": {"firstName": "Sara", "lastName": "Alharbi"}, "email": "x@privaterelay.appleid.com"}},
        email="x@privaterelay.appleid.com",
        email_verified="true",
        is_private_email="true",
    )

    _link(api_client, response.json()["link_token"])

    identity = SocialIdentity.objects.get()
    assert (identity.first_name, identity.last_name, identity.is_private_relay) == ("Sara", "Alharbi", True)
    assert (identity.user.first_name, identity.user.last_name) == ("Sara", "Alharbi")
    assert not identity.user.email  # a relay address is never the account's email


def test_a_private_relay_email_never_joins_the_account_holding_that_email(api_client, jwks, apple_key):
    other = User.objects.create_user(phone_number="+966509999999", is_phone_verified=True)
    User.objects.filter(pk=other.pk).update(email="x@privaterelay.appleid.com")
    response = _sign_in(
        api_client, apple_key, provider="apple", email="x@privaterelay.appleid.com", email_verified=True
    )

    assert response.status_code == 202
    assert not SocialIdentity.objects.exists()


def test_a_wrong_phone_code_links_nothing(api_client, jwks, google_key):
    link_token = _sign_in(api_client, google_key).json()["link_token"]

    response = _link(api_client, link_token, code="000000")

    assert response.status_code == 400
    assert response.json()["code"] == "otp_invalid"
    assert not SocialIdentity.objects.exists()
    assert not User.objects.exists()


def test_a_forged_link_token_is_refused_before_the_code_is_used(api_client):
    otp = sign_in_code(PHONE)

    response = api_client.post(
        "/api/auth/social/link/",
        {"link_token": "forged:token", "request_id": str(otp.id), "code": "123456"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "link_token_invalid"
    otp.refresh_from_db()
    assert otp.status == "active"


def test_an_expired_link_token_is_refused(api_client, jwks, google_key, settings):
    link_token = _sign_in(api_client, google_key).json()["link_token"]
    settings.SOCIAL_LINK_TOKEN_MINUTES = -1

    response = _link(api_client, link_token)

    assert response.status_code == 400
    assert response.json()["code"] == "link_token_invalid"


def test_an_identity_linked_meanwhile_is_refused_before_the_code_is_used(api_client, jwks, google_key):
    first = _sign_in(api_client, google_key).json()["link_token"]
    second = _sign_in(api_client, google_key).json()["link_token"]
    _link(api_client, first)
    otp = sign_in_code("+966507654321")

    response = api_client.post(
        "/api/auth/social/link/", {"link_token": second, "request_id": str(otp.id), "code": "123456"}, format="json"
    )

    assert response.status_code == 409
    assert response.json()["code"] == "identity_already_linked"
    assert SocialIdentity.objects.get().user.phone_number == PHONE
    otp.refresh_from_db()
    assert otp.status == "active"


def test_a_disabled_account_cannot_sign_in_with_its_identity(api_client, jwks, google_key):
    _link(api_client, _sign_in(api_client, google_key).json()["link_token"])
    User.objects.update(is_active=False)

    response = _sign_in(api_client, google_key)

    assert response.status_code == 403
    assert response.json()["code"] == "account_disabled"


def test_a_provider_without_client_ids_answers_provider_not_configured(api_client, settings):
    settings.APPLE_SIGNIN_CLIENT_IDS = []

    response = api_client.post("/api/auth/social/apple/", {"id_token": "x", "nonce": "y"}, format="json")

    assert response.status_code == 404
    assert response.json()["code"] == "provider_not_configured"


def test_missing_fields_are_a_validation_error(api_client):
    response = api_client.post("/api/auth/social/google/", {}, format="json")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"id_token", "nonce"}


def test_an_expired_token_answers_its_code_in_arabic(api_client, jwks, google_key):
    nonce = issue_nonce()
    token = google_key.sign({**claims_for("google", nonce=nonce), "exp": 1000, "iat": 900})

    response = api_client.post(
        "/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json", HTTP_ACCEPT_LANGUAGE="ar"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "id_token_expired"
    assert response.json()["detail"] == "انتهت صلاحية تسجيل الدخول. يُرجى المحاولة مرة أخرى."
    assert SocialNonce.objects.get(value=nonce).used_at is None


def test_the_providers_endpoint_lists_the_configured_ones(api_client, settings):
    settings.APPLE_SIGNIN_CLIENT_IDS = []

    response = api_client.get("/api/auth/social/providers/")

    assert response.json() == {
        "providers": [{"name": "google", "client_id": "salon-web.apps.googleusercontent.com", "development": False}]
    }
