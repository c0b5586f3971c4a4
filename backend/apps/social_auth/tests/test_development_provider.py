"""The development stand-in for Google and Apple: on only without client ids, refused in production."""

import pytest

from apps.core.checks import dangerous_production_settings
from apps.social_auth.models import SocialIdentity

from .conftest import issue_nonce

pytestmark = pytest.mark.django_db


@pytest.fixture
def development(settings):
    settings.GOOGLE_SIGNIN_CLIENT_IDS = []
    settings.SOCIAL_SIGNIN_DEVELOPMENT = True


def test_the_stand_in_signs_a_token_that_the_sign_in_accepts(api_client, development):
    nonce = issue_nonce()
    token = api_client.post(
        "/api/auth/social/development/google/token/", {"nonce": nonce, "subject": "dev-1"}, format="json"
    ).json()["id_token"]

    response = api_client.post("/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json")

    assert response.status_code == 202
    assert response.json()["code"] == "phone_required"
    assert response.json()["email"] == "dev@example.com"
    assert not SocialIdentity.objects.exists()


def test_the_providers_endpoint_marks_the_stand_in(api_client, development):
    providers = api_client.get("/api/auth/social/providers/").json()["providers"]

    assert {"name": "google", "client_id": "", "development": True} in providers
    assert {"name": "apple", "client_id": "sa.salon.web", "development": False} in providers


def test_the_stand_in_is_off_for_a_configured_provider(api_client, development):
    response = api_client.post("/api/auth/social/development/apple/token/", {"nonce": "x"}, format="json")

    assert response.status_code == 404
    assert response.json()["code"] == "provider_not_configured"


def test_the_stand_in_is_off_by_default_without_debug(api_client, settings):
    settings.GOOGLE_SIGNIN_CLIENT_IDS = []

    response = api_client.post("/api/auth/social/development/google/token/", {"nonce": "x"}, format="json")

    assert response.status_code == 404


def test_a_stand_in_token_is_refused_once_real_client_ids_are_set(api_client, development, settings, jwks):
    nonce = issue_nonce()
    token = api_client.post("/api/auth/social/development/google/token/", {"nonce": nonce}, format="json").json()[
        "id_token"
    ]
    settings.GOOGLE_SIGNIN_CLIENT_IDS = ["salon-web.apps.googleusercontent.com"]

    response = api_client.post("/api/auth/social/google/", {"id_token": token, "nonce": nonce}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "id_token_invalid"


def test_production_refuses_the_stand_in_unless_console_providers_are_allowed(settings):
    settings.DEBUG = False
    settings.SOCIAL_SIGNIN_DEVELOPMENT = True
    settings.ALLOW_CONSOLE_PROVIDERS = False

    refused = [message for message in dangerous_production_settings() if message.id == "salon.E002"]

    assert len(refused) == 1
    assert "SOCIAL_SIGNIN_DEVELOPMENT=on" in refused[0].msg
