"""DEVELOPMENT ONLY: a stand-in for Google and Apple so the SPA's sign-in works without client ids.

It signs ID tokens with a local RSA key (kept in the shared cache so every process agrees) for
`POST /api/auth/social/development/<provider>/token/`, and verifies them like the real ones.
Active when SOCIAL_SIGNIN_DEVELOPMENT is on and the provider has no client id; SOCIAL_SIGNIN_DEVELOPMENT
with DJANGO_DEBUG=0 is refused at start-up (apps/core/checks.py) unless DJANGO_ALLOW_CONSOLE_PROVIDERS=1.
"""

import time

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.cache import cache

DEVELOPMENT_AUDIENCE = "salon-development"
KEY_ID = "salon-development-key"
TOKEN_LIFETIME_SECONDS = 600


def development_issuer(provider: str) -> str:
    return f"https://development-{provider}.salon.invalid"


def _private_key_pem() -> str:
    pem = cache.get("social-development-key")
    if pem is None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        cache.add("social-development-key", pem, timeout=None)
        pem = cache.get("social-development-key") or pem
    return pem


class DevelopmentKeySource:
    def __init__(self, provider: str):
        self.name = provider
        self.issuers = (development_issuer(provider),)
        self.audiences = (DEVELOPMENT_AUDIENCE,)

    def key_for(self, kid: str) -> jwt.PyJWK | None:
        if kid != KEY_ID:
            return None
        private = serialization.load_pem_private_key(_private_key_pem().encode(), password=None)
        public_jwk = jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key(), as_dict=True)
        return jwt.PyJWK({**public_jwk, "kid": KEY_ID, "alg": "RS256", "use": "sig"})

    def sign(self, *, subject: str, email: str, nonce: str) -> str:
        now = int(time.time())
        claims = {
            "iss": development_issuer(self.name),
            "aud": DEVELOPMENT_AUDIENCE,
            "sub": subject,
            "iat": now,
            "exp": now + TOKEN_LIFETIME_SECONDS,
            "nonce": nonce,
            "email": email,
            "email_verified": True,
        }
        return jwt.encode(claims, _private_key_pem(), algorithm="RS256", headers={"kid": KEY_ID})
