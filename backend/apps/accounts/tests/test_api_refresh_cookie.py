"""The web app's refresh token lives in an httpOnly cookie (opt-in with `X-Auth-Cookie: 1`)."""

import pytest
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

from apps.accounts.api.refresh_cookie import COOKIE_NAME

pytestmark = pytest.mark.django_db
COOKIE_MODE = {"HTTP_X_AUTH_COOKIE": "1"}


@pytest.fixture
def cookie_sign_in(api_client, request_code):
    def sign_in(phone_number: str = "0501234567"):
        request_id, code = request_code(phone_number)
        return api_client.post(
            "/api/auth/phone/verify/", {"request_id": request_id, "code": code}, format="json", **COOKIE_MODE
        )

    return sign_in


def test_signing_in_in_cookie_mode_sets_an_httponly_cookie_and_keeps_the_token_out_of_the_body(cookie_sign_in):
    response = cookie_sign_in()

    assert response.status_code == 200
    body = response.json()
    assert "refresh" not in body
    assert body["access"]
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/api/auth/"


def test_refresh_in_cookie_mode_reads_and_rotates_the_cookie(api_client, cookie_sign_in):
    first = cookie_sign_in().cookies[COOKIE_NAME].value

    response = api_client.post("/api/auth/token/refresh/", {}, format="json", **COOKIE_MODE)

    assert response.status_code == 200
    assert set(response.json()) == {"access"}
    rotated = response.cookies[COOKIE_NAME].value
    assert rotated and rotated != first
    assert BlacklistedToken.objects.count() == 1


def test_refresh_in_cookie_mode_without_a_cookie_is_401(api_client):
    response = api_client.post("/api/auth/token/refresh/", {}, format="json", HTTP_ACCEPT_LANGUAGE="en", **COOKIE_MODE)

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_logout_in_cookie_mode_blacklists_the_token_and_clears_the_cookie(api_client, cookie_sign_in):
    cookie_sign_in()

    response = api_client.post("/api/auth/logout/", {}, format="json", **COOKIE_MODE)

    assert response.status_code == 204
    assert response.cookies[COOKIE_NAME].value == ""
    assert BlacklistedToken.objects.count() == 1
    again = api_client.post("/api/auth/token/refresh/", {}, format="json", **COOKIE_MODE)
    assert again.status_code == 401


def test_logout_in_cookie_mode_succeeds_even_without_a_usable_token(api_client):
    api_client.cookies[COOKIE_NAME] = "garbage"

    response = api_client.post("/api/auth/logout/", {}, format="json", **COOKIE_MODE)

    assert response.status_code == 204
    assert response.cookies[COOKIE_NAME].value == ""


def test_without_the_header_the_cookie_is_ignored_and_the_body_is_used(api_client, cookie_sign_in):
    cookie_sign_in()

    response = api_client.post("/api/auth/token/refresh/", {}, format="json")

    assert response.status_code == 400
    assert "refresh" in response.json()["errors"]
