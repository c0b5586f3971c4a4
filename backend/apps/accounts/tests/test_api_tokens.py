from datetime import timedelta

import pytest
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import AccessToken, RefreshToken

from apps.accounts.errors import TokenNotValid
from apps.accounts.services import auth_token_refresh

REFRESH_URL = "/api/auth/token/refresh/"
LOGOUT_URL = "/api/auth/logout/"
ME_URL = "/api/auth/me/"


@pytest.mark.django_db
def test_refreshing_rotates_the_refresh_token(api_client, signed_in):
    tokens = signed_in()

    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")

    body = response.json()
    assert response.status_code == 200
    assert set(body) == {"access", "refresh"}
    assert body["refresh"] != tokens["refresh"]
    assert AccessToken(body["access"])["user_id"] == str(tokens["user"]["id"])
    assert BlacklistedToken.objects.filter(token__token=tokens["refresh"]).exists()


@pytest.mark.django_db
def test_a_rotated_refresh_token_cannot_be_used_again(api_client, signed_in):
    tokens = signed_in()
    api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")

    response = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Your session has expired or is invalid. Please sign in again.",
        "code": "token_not_valid",
    }
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'
    assert OutstandingToken.objects.count() == 2  # the sign-in's and the first rotation's, no third


@pytest.mark.django_db
def test_the_new_refresh_token_keeps_working(api_client, signed_in):
    tokens = signed_in()
    rotated = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json").json()

    response = api_client.post(REFRESH_URL, {"refresh": rotated["refresh"]}, format="json")

    assert response.status_code == 200


@pytest.mark.parametrize("refresh", ["not-a-token", "a.b.c"])
@pytest.mark.django_db
def test_a_garbage_refresh_token_is_401(api_client, refresh):
    response = api_client.post(REFRESH_URL, {"refresh": refresh}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert OutstandingToken.objects.count() == 0


@pytest.mark.django_db
def test_an_access_token_is_not_a_refresh_token(api_client, signed_in):
    tokens = signed_in()

    response = api_client.post(REFRESH_URL, {"refresh": tokens["access"]}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert OutstandingToken.objects.count() == 1  # only the sign-in's
    assert BlacklistedToken.objects.count() == 0


@pytest.mark.django_db
def test_an_expired_refresh_token_is_401(api_client, make_user):
    token = RefreshToken.for_user(make_user())
    token.set_exp(lifetime=-timedelta(seconds=1))

    response = api_client.post(REFRESH_URL, {"refresh": str(token)}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


@pytest.mark.parametrize("disable", ["deactivate", "delete"])
@pytest.mark.django_db
def test_a_disabled_or_deleted_account_cannot_refresh(api_client, make_user, disable):
    user = make_user()
    refresh = str(RefreshToken.for_user(user))
    if disable == "delete":
        user.delete()
    else:
        user.is_active = False
        user.save()

    response = api_client.post(REFRESH_URL, {"refresh": refresh}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"
    assert BlacklistedToken.objects.count() == 0


@pytest.mark.parametrize("payload", [{}, {"refresh": None}, {"refresh": "x" * 2001}, {"refresh": ["x"]}])
@pytest.mark.django_db
def test_bad_refresh_bodies_are_400(api_client, payload):
    response = api_client.post(REFRESH_URL, payload, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["refresh"]


@pytest.mark.django_db
def test_the_refresh_service_refuses_a_token_that_was_never_issued(make_user):
    """Tokens are always recorded when issued; an unrecorded one is treated as forged."""
    token = RefreshToken.for_user(make_user())
    OutstandingToken.objects.all().delete()

    with pytest.raises(TokenNotValid):
        auth_token_refresh(refresh=str(token))

    assert BlacklistedToken.objects.count() == 0


@pytest.mark.django_db
def test_logout_blacklists_the_refresh_token(api_client, signed_in):
    tokens = signed_in()

    response = api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")
    reuse = api_client.post(REFRESH_URL, {"refresh": tokens["refresh"]}, format="json")

    assert response.status_code == 204
    assert response.content == b""
    assert BlacklistedToken.objects.filter(token__token=tokens["refresh"]).exists()
    assert reuse.status_code == 401


@pytest.mark.django_db
def test_logout_works_with_an_expired_access_token(api_client, signed_in, make_user):
    tokens = signed_in()
    expired = AccessToken(tokens["access"])
    expired.set_exp(lifetime=-timedelta(seconds=1))
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {expired}")

    response = api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")

    assert response.status_code == 204


@pytest.mark.parametrize(
    ("refresh", "status", "code"),
    [("not-a-token", 401, "token_not_valid"), ("", 400, "invalid"), (None, 400, "invalid")],
)
@pytest.mark.django_db
def test_logout_with_an_invalid_token_uses_our_error_body(api_client, refresh, status, code):
    response = api_client.post(LOGOUT_URL, {"refresh": refresh}, format="json")

    assert response.status_code == status
    assert response.json()["code"] == code
    assert BlacklistedToken.objects.count() == 0


@pytest.mark.django_db
def test_logging_out_twice_is_401(api_client, signed_in):
    tokens = signed_in()
    api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")

    response = api_client.post(LOGOUT_URL, {"refresh": tokens["refresh"]}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


@pytest.mark.django_db
def test_an_expired_access_token_is_401_token_not_valid_in_the_requested_language(api_client, signed_in):
    tokens = signed_in()
    expired = AccessToken(tokens["access"])
    expired.set_exp(lifetime=-timedelta(seconds=1))
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {expired}")

    english = api_client.get(ME_URL, HTTP_ACCEPT_LANGUAGE="en")
    arabic = api_client.get(ME_URL)

    assert english.status_code == arabic.status_code == 401
    assert english.json() == {
        "detail": "Your session has expired or is invalid. Please sign in again.",
        "code": "token_not_valid",
    }
    assert arabic.json() == {
        "detail": "انتهت صلاحية جلستك أو أنها غير صالحة. يُرجى تسجيل الدخول مجددًا.",
        "code": "token_not_valid",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("gone", ["deleted", "deactivated"])
def test_an_access_token_of_a_deleted_or_deactivated_account_is_token_not_valid(api_client, make_user, gone):
    user = make_user()
    access = str(AccessToken.for_user(user))
    if gone == "deleted":
        user.delete()
    else:
        user.is_active = False
        user.save()

    response = api_client.get("/api/auth/me/", HTTP_AUTHORIZATION=f"Bearer {access}", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json() == {
        "detail": "Your session has expired or is invalid. Please sign in again.",
        "code": "token_not_valid",
    }
