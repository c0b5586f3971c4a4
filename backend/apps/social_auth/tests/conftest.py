import time
import uuid
from datetime import timedelta

import jwt
import pytest
import responses
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from apps.accounts.codes import code_hash
from apps.accounts.models import OTPPurpose, OTPRequest, OTPStatus
from apps.social_auth.models import SocialNonce

GOOGLE_JWKS = "https://www.googleapis.com/oauth2/v3/certs"
APPLE_JWKS = "https://appleid.apple.com/auth/keys"
GOOGLE_CLIENT = "salon-web.apps.googleusercontent.com"
APPLE_CLIENT = "sa.salon.web"
ISSUERS = {"google": "https://accounts.google.com", "apple": "https://appleid.apple.com"}
AUDIENCES = {"google": GOOGLE_CLIENT, "apple": APPLE_CLIENT}


class SigningKey:
    def __init__(self, kid: str):
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self) -> dict:
        data = jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key(), as_dict=True)
        return {**data, "kid": self.kid, "alg": "RS256", "use": "sig"}

    def sign(self, claims: dict) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": self.kid})


@pytest.fixture(scope="session")
def google_key():
    return SigningKey("google-key-1")


@pytest.fixture(scope="session")
def apple_key():
    return SigningKey("apple-key-1")


@pytest.fixture(autouse=True)
def _clean_cache_and_clients(settings):
    cache.clear()
    settings.GOOGLE_SIGNIN_CLIENT_IDS = [GOOGLE_CLIENT, "salon-android.apps.googleusercontent.com"]
    settings.APPLE_SIGNIN_CLIENT_IDS = [APPLE_CLIENT]
    settings.SOCIAL_SIGNIN_DEVELOPMENT = False
    yield
    cache.clear()


@pytest.fixture
def jwks(google_key, apple_key):
    """Google's and Apple's key sets served as documented (`{"keys": [JWK, ...]}`, Cache-Control max-age)."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
        mocked.get(GOOGLE_JWKS, json={"keys": [google_key.jwk()]}, headers={"Cache-Control": "public, max-age=21600"})
        mocked.get(APPLE_JWKS, json={"keys": [apple_key.jwk()]})
        yield mocked


@pytest.fixture
def api_client():
    return APIClient()


def issue_nonce() -> str:
    now = timezone.now()
    return SocialNonce.objects.create(
        value=uuid.uuid4().hex, created_at=now, expires_at=now + timedelta(minutes=10)
    ).value


def claims_for(provider: str, *, nonce: str, sub: str = "subject-1", **overrides) -> dict:
    now = int(time.time())
    claims = {
        "iss": ISSUERS[provider],
        "aud": AUDIENCES[provider],
        "sub": sub,
        "iat": now,
        "exp": now + 3600,
        "nonce": nonce,
        "email": "sara@example.com",
        "email_verified": True,
    }
    claims.update(overrides)
    return claims


def sign_in_code(phone_number: str, code: str = "123456") -> OTPRequest:
    """A sign-in code just sent to the phone (as accounts' otp_request leaves it)."""
    now = timezone.now()
    otp = OTPRequest(
        id=uuid.uuid4(),
        phone_number=phone_number,
        channel="sms",
        purpose=OTPPurpose.SIGN_IN,
        provider="console",
        ip_address="127.0.0.1",
        ip_network="127.0.0.1",
        status=OTPStatus.ACTIVE,
        created_at=now,
        expires_at=now + timedelta(minutes=5),
    )
    otp.code_hash = code_hash(request_id=otp.id, code=code)
    otp.save(force_insert=True)
    return otp
