"""A session (one sign-in on one device) ends at once on sign-out, access token included, and has an
absolute end: refreshing is refused SESSION_ABSOLUTE_LIFETIME_DAYS after the sign-in."""

from datetime import timedelta

import pytest
from django.utils import timezone
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

pytestmark = pytest.mark.django_db
REFRESH_URL = "/api/auth/token/refresh/"
LOGOUT_URL = "/api/auth/logout/"
ME_URL = "/api/auth/me/"


def _me(access: str):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {access}")
    return client.get(ME_URL, HTTP_ACCEPT_LANGUAGE="en")


def test_signing_out_ends_the_access_token_at_once(api_client, signed_in):
    tokens = signed_in()
    assert _me(tokens["access"]).status_code == 200

    api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")

    response = _me(tokens["access"])
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_signing_out_ends_the_access_tokens_of_every_rotation_of_that_session_only(api_client, signed_in, settings):
    settings.OTP_RESEND_COOLDOWN_SECONDS = 0
    tokens = signed_in()
    rotated = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json").json()
    other_device = signed_in()  # the same person on another device

    api_client.post(LOGOUT_URL, {"refresh": rotated["refresh"]}, format="json")

    assert _me(tokens["access"]).status_code == 401
    assert _me(rotated["access"]).status_code == 401
    assert _me(other_device["access"]).status_code == 200  # another device's session goes on


def test_a_session_keeps_its_identity_and_sign_in_time_across_refreshes(api_client, signed_in):
    tokens = signed_in()

    rotated = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json").json()

    first, second = RefreshToken(tokens["refresh"], verify=False), RefreshToken(rotated["refresh"])
    assert second["sid"] == first["sid"] == AccessToken(rotated["access"])["sid"]
    assert second["auth_time"] == first["auth_time"]


def _signed_in_days_ago(refresh: str, days: float) -> str:
    """The same refresh token (same id, still outstanding) as if its session began `days` ago."""
    token = RefreshToken(refresh)
    token["auth_time"] = int((timezone.now() - timedelta(days=days)).timestamp())
    return str(token)


def test_refreshing_is_refused_after_the_absolute_session_lifetime(api_client, signed_in, settings):
    settings.SESSION_ABSOLUTE_LIFETIME_DAYS = 30
    old = _signed_in_days_ago(signed_in()["refresh"], days=30.01)

    refused = api_client.post(REFRESH_URL, {"refresh": old}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert refused.status_code == 401
    assert refused.json() == {
        "detail": "Your session has expired or is invalid. Please sign in again.",
        "code": "token_not_valid",
    }


def test_within_the_lifetime_the_new_refresh_token_expires_with_the_session(api_client, signed_in, settings):
    settings.SESSION_ABSOLUTE_LIFETIME_DAYS = 30
    old = _signed_in_days_ago(signed_in()["refresh"], days=29)
    auth_time = RefreshToken(old)["auth_time"]

    response = api_client.post(REFRESH_URL, {"refresh": old}, format="json")

    assert response.status_code == 200
    rotated = RefreshToken(response.json()["refresh"])
    assert rotated["auth_time"] == auth_time
    assert rotated["exp"] == auth_time + 30 * 86400
