from datetime import timedelta

import pytest
from rest_framework.test import APIClient
from webauthn.helpers import base64url_to_bytes

from apps.accounts.models import User
from apps.passkeys.models import ChallengePurpose, Passkey, PasskeyChallenge

from .authenticator import UP, SoftAuthenticator
from .conftest import register

pytestmark = pytest.mark.django_db


def test_register_options_ask_for_a_discoverable_credential_with_user_verification(signed_in, customer):
    response = signed_in.post("/api/auth/passkeys/register/options/")

    assert response.status_code == 200
    options = response.json()
    assert options["rp"] == {"id": "salon.test", "name": "Salon"}
    assert options["authenticatorSelection"]["residentKey"] == "required"
    assert options["authenticatorSelection"]["requireResidentKey"] is True
    assert options["authenticatorSelection"]["userVerification"] == "required"
    assert options["user"]["name"] == "+966501234567"
    assert base64url_to_bytes(options["user"]["id"]) != str(customer.pk).encode()
    challenge = PasskeyChallenge.objects.get()
    assert challenge.challenge == options["challenge"]
    assert challenge.purpose == ChallengePurpose.REGISTER
    assert challenge.user == customer
    assert challenge.expires_at - challenge.created_at == timedelta(minutes=5)


def test_a_registered_passkey_is_stored_and_listed(signed_in, customer, authenticator):
    response = register(signed_in, authenticator, name="Noura's iPhone")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "Noura's iPhone"
    assert body["last_used_at"] is None
    passkey = Passkey.objects.get()
    assert passkey.user == customer
    assert passkey.credential_id == authenticator.id
    assert passkey.sign_count == 0
    assert passkey.transports == ["internal"]
    assert signed_in.get("/api/auth/passkeys/").json() == [body]
    # The next options exclude it, so the same authenticator is not registered twice.
    options = signed_in.post("/api/auth/passkeys/register/options/").json()
    assert [c["id"] for c in options["excludeCredentials"]] == [authenticator.id]


def test_a_replayed_registration_is_refused(signed_in, authenticator):
    options = signed_in.post("/api/auth/passkeys/register/options/").json()
    answer = authenticator.create(options)
    first = signed_in.post("/api/auth/passkeys/register/verify/", {"credential": answer}, format="json")

    second = signed_in.post("/api/auth/passkeys/register/verify/", {"credential": answer}, format="json")

    assert first.status_code == 201
    assert second.status_code == 400
    assert second.json()["code"] == "passkey_challenge_used"
    assert Passkey.objects.count() == 1


def test_another_users_registration_challenge_is_refused(signed_in, authenticator):
    options = signed_in.post("/api/auth/passkeys/register/options/").json()
    other = APIClient()
    other.force_authenticate(User.objects.create_user(phone_number="+966507654321", is_phone_verified=True))

    response = other.post(
        "/api/auth/passkeys/register/verify/", {"credential": authenticator.create(options)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "passkey_challenge_invalid"
    assert not Passkey.objects.exists()


@pytest.mark.parametrize(
    ("answer", "code"),
    [
        ({"origin": "https://evil.test"}, "passkey_origin_mismatch"),
        ({"rp_id": "evil.test"}, "passkey_rp_id_mismatch"),
        ({"flags": UP | 0x40}, "passkey_user_not_verified"),
    ],
)
def test_a_wrong_registration_answer_is_refused_with_its_code(signed_in, authenticator, answer, code):
    response = register(signed_in, authenticator, **answer)

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not Passkey.objects.exists()


def test_an_expired_registration_challenge_is_refused(signed_in, authenticator):
    options = signed_in.post("/api/auth/passkeys/register/options/").json()
    PasskeyChallenge.objects.update(expires_at=PasskeyChallenge.objects.get().created_at)

    response = signed_in.post(
        "/api/auth/passkeys/register/verify/", {"credential": authenticator.create(options)}, format="json"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "passkey_challenge_expired"


def test_a_user_without_a_verified_phone_cannot_add_a_passkey(db):
    client = APIClient()
    client.force_authenticate(User.objects.create_user(phone_number="+966507654321", is_phone_verified=False))

    response = client.post("/api/auth/passkeys/register/options/")

    assert response.status_code == 403
    assert response.json()["code"] == "passkey_phone_unverified"
    assert not PasskeyChallenge.objects.exists()


@pytest.mark.parametrize("path", ["register/options/", "register/verify/"])
def test_registration_needs_a_signed_in_user(db, path):
    response = APIClient().post(f"/api/auth/passkeys/{path}", {}, format="json")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.parametrize("credential", ["a string", {"id": "x"}, {"id": "x", "response": {"clientDataJSON": "!!"}}])
def test_a_malformed_answer_is_refused(signed_in, credential):
    response = signed_in.post("/api/auth/passkeys/register/verify/", {"credential": credential}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] in {"invalid", "passkey_invalid"}


def test_a_forged_attestation_key_is_refused(signed_in):
    # The attestation says one credential id, the answer another.
    authenticator = SoftAuthenticator()
    options = signed_in.post("/api/auth/passkeys/register/options/").json()
    answer = authenticator.create(options)
    answer["id"] = answer["rawId"] = SoftAuthenticator().id

    response = signed_in.post("/api/auth/passkeys/register/verify/", {"credential": answer}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "passkey_invalid"
