"""ID token checks against Google's and Apple's documented token and key-set shapes, with local keys."""

import hashlib
import time

import jwt
import pytest
import requests
import responses

from apps.social_auth.errors import (
    IdTokenExpired,
    IdTokenInvalid,
    IdTokenWrongAudience,
    IdTokenWrongIssuer,
    NonceInvalid,
    ProviderNotConfigured,
    ProviderUnavailable,
)
from apps.social_auth.id_tokens import id_token_verify

from .conftest import APPLE_JWKS, GOOGLE_JWKS, SigningKey, claims_for

NONCE = "n-0123456789"


def test_a_valid_google_token_gives_its_subject_and_verified_email(jwks, google_key):
    token = google_key.sign(claims_for("google", nonce=NONCE, sub="1099"))

    identity = id_token_verify(provider="google", id_token=token, nonce=NONCE)

    assert (identity.provider, identity.subject, identity.email, identity.is_private_relay) == (
        "google",
        "1099",
        "sara@example.com",
        False,
    )


def test_google_short_issuer_and_a_second_client_id_are_accepted(jwks, google_key):
    token = google_key.sign(
        claims_for("google", nonce=NONCE, iss="accounts.google.com", aud="salon-android.apps.googleusercontent.com")
    )

    assert id_token_verify(provider="google", id_token=token, nonce=NONCE).subject == "subject-1"


def test_an_unverified_google_email_is_not_kept(jwks, google_key):
    token = google_key.sign(claims_for("google", nonce=NONCE, email_verified=False))

    assert id_token_verify(provider="google", id_token=token, nonce=NONCE).email == ""


def test_apple_accepts_the_nonce_raw_or_as_its_sha256(jwks, apple_key):
    raw = apple_key.sign(claims_for("apple", nonce=NONCE))
    hashed = apple_key.sign(claims_for("apple", nonce=hashlib.sha256(NONCE.encode()).hexdigest()))

    assert id_token_verify(provider="apple", id_token=raw, nonce=NONCE).subject == "subject-1"
    assert id_token_verify(provider="apple", id_token=hashed, nonce=NONCE).subject == "subject-1"


def test_google_refuses_a_hashed_nonce(jwks, google_key):
    token = google_key.sign(claims_for("google", nonce=hashlib.sha256(NONCE.encode()).hexdigest()))

    with pytest.raises(NonceInvalid):
        id_token_verify(provider="google", id_token=token, nonce=NONCE)


def test_apple_private_relay_email_with_string_booleans_is_kept_and_marked(jwks, apple_key):
    token = apple_key.sign(
        claims_for(
            "apple",
            nonce=NONCE,
            email="x7k2@privaterelay.appleid.com",
            email_verified="true",
            is_private_email="true",
        )
    )

    identity = id_token_verify(provider="apple", id_token=token, nonce=NONCE)

    assert (identity.email, identity.is_private_relay) == ("x7k2@privaterelay.appleid.com", True)


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"exp": int(time.time()) - 120}, IdTokenExpired),
        ({"aud": "someone-else.apps.googleusercontent.com"}, IdTokenWrongAudience),
        ({"iss": "https://evil.example.com"}, IdTokenWrongIssuer),
        ({"nonce": "another-nonce"}, NonceInvalid),
    ],
)
def test_bad_claims_are_refused_with_their_own_code(jwks, google_key, overrides, error):
    token = google_key.sign({**claims_for("google", nonce=NONCE), **overrides})

    with pytest.raises(error):
        id_token_verify(provider="google", id_token=token, nonce=NONCE)


def test_expiry_within_the_leeway_is_accepted(jwks, google_key):
    token = google_key.sign(claims_for("google", nonce=NONCE, exp=int(time.time()) - 10))

    assert id_token_verify(provider="google", id_token=token, nonce=NONCE).subject == "subject-1"


def test_a_token_signed_by_another_key_under_the_known_kid_is_refused(jwks, google_key):
    forger = SigningKey(google_key.kid)
    token = forger.sign(claims_for("google", nonce=NONCE))

    with pytest.raises(IdTokenInvalid):
        id_token_verify(provider="google", id_token=token, nonce=NONCE)


@pytest.mark.parametrize("algorithm", ["HS256", "none"])
def test_tokens_not_signed_with_rs256_are_refused(jwks, algorithm):
    token = jwt.encode(
        claims_for("google", nonce=NONCE),
        None if algorithm == "none" else "k" * 32,
        algorithm=algorithm,
        headers={"kid": "google-key-1"},
    )

    with pytest.raises(IdTokenInvalid):
        id_token_verify(provider="google", id_token=token, nonce=NONCE)


def test_garbage_is_refused(jwks):
    with pytest.raises(IdTokenInvalid):
        id_token_verify(provider="google", id_token="not-a-jwt", nonce=NONCE)


def test_the_key_set_is_fetched_once_and_cached(jwks, google_key):
    for _ in range(3):
        id_token_verify(provider="google", id_token=google_key.sign(claims_for("google", nonce=NONCE)), nonce=NONCE)

    assert [call.request.url for call in jwks.calls] == [GOOGLE_JWKS]


def test_an_unknown_kid_refreshes_the_key_set_once(google_key):
    rotated = SigningKey("google-key-2")
    with responses.RequestsMock() as mocked:
        mocked.get(GOOGLE_JWKS, json={"keys": [google_key.jwk()]})
        id_token_verify(provider="google", id_token=google_key.sign(claims_for("google", nonce=NONCE)), nonce=NONCE)
        mocked.replace(responses.GET, GOOGLE_JWKS, json={"keys": [google_key.jwk(), rotated.jwk()]})

        identity = id_token_verify(
            provider="google", id_token=rotated.sign(claims_for("google", nonce=NONCE)), nonce=NONCE
        )

        assert identity.subject == "subject-1"
        assert len(mocked.calls) == 2


def test_made_up_kids_refresh_at_most_once_per_cooldown(jwks):
    stranger = SigningKey("made-up")
    for _ in range(3):
        with pytest.raises(IdTokenInvalid):
            id_token_verify(provider="google", id_token=stranger.sign(claims_for("google", nonce=NONCE)), nonce=NONCE)

    assert len(jwks.calls) == 2  # the first fetch, then one refresh


@pytest.mark.parametrize(
    "failure",
    [
        {"body": requests.exceptions.ConnectTimeout()},
        {"status": 500, "body": "oops"},
        {"json": {"no": "keys"}},
    ],
)
def test_an_unreachable_or_broken_key_set_is_a_clear_503(apple_key, failure):
    with responses.RequestsMock() as mocked:
        mocked.get(APPLE_JWKS, **failure)

        with pytest.raises(ProviderUnavailable) as raised:
            id_token_verify(provider="apple", id_token=apple_key.sign(claims_for("apple", nonce=NONCE)), nonce=NONCE)

    assert raised.value.status_code == 503
    assert raised.value.code == "social_provider_unavailable"


def test_the_fetch_has_a_timeout(settings, apple_key):
    settings.SOCIAL_SIGNIN_JWKS_TIMEOUT_SECONDS = 2.5
    with responses.RequestsMock() as mocked:
        mocked.get(APPLE_JWKS, json={"keys": [apple_key.jwk()]})
        id_token_verify(provider="apple", id_token=apple_key.sign(claims_for("apple", nonce=NONCE)), nonce=NONCE)

        assert mocked.calls[0].request.req_kwargs["timeout"] == 2.5


def test_a_provider_without_client_ids_is_not_configured(settings, google_key):
    settings.GOOGLE_SIGNIN_CLIENT_IDS = []

    with pytest.raises(ProviderNotConfigured):
        id_token_verify(provider="google", id_token=google_key.sign(claims_for("google", nonce=NONCE)), nonce=NONCE)
