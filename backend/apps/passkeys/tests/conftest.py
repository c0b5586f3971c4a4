import pytest
from rest_framework.test import APIClient

from apps.accounts.models import User

from .authenticator import ORIGIN, RP_ID, SoftAuthenticator


@pytest.fixture(autouse=True)
def _relying_party(settings):
    settings.WEBAUTHN_RP_ID = RP_ID
    settings.WEBAUTHN_RP_NAME = "Salon"
    settings.WEBAUTHN_ORIGINS = [ORIGIN, "https://www.salon.test"]


@pytest.fixture
def customer(db):
    return User.objects.create_user(phone_number="+966501234567", first_name="Noura", is_phone_verified=True)


@pytest.fixture
def signed_in(customer):
    client = APIClient()
    client.force_authenticate(customer)
    return client


@pytest.fixture
def authenticator():
    return SoftAuthenticator()


def register(client: APIClient, authenticator: SoftAuthenticator, *, name: str = "My phone", **answer) -> dict:
    """A whole registration ceremony; the verify call's response."""
    options = client.post("/api/auth/passkeys/register/options/").json()
    return client.post(
        "/api/auth/passkeys/register/verify/",
        {"credential": authenticator.create(options, **answer), "name": name},
        format="json",
    )


def login_options() -> dict:
    return APIClient().post("/api/auth/passkeys/login/options/").json()


def login(authenticator: SoftAuthenticator, options: dict | None = None, **answer):
    options = options or login_options()
    return APIClient().post(
        "/api/auth/passkeys/login/verify/", {"credential": authenticator.get(options, **answer)}, format="json"
    )
