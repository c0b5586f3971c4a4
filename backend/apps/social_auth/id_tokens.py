"""Checking a Google or Apple ID token: signature (the provider's key by `kid`, RS256 only), `iss`,
`aud` (our client ids), `exp` and `iat` (with SOCIAL_SIGNIN_LEEWAY_SECONDS), and `nonce`.

Google puts the nonce given to Google Identity Services in the token as is. Apple puts the nonce
given to Sign in with Apple as is too; native Apple clients conventionally give Apple the SHA-256 (hex)
of their nonce, so for Apple either form is accepted. Which nonce was ours is decided by the caller
(the nonce must have been issued by us and is used once, see services).
"""

import hashlib
import hmac
from dataclasses import dataclass

import jwt
from django.conf import settings

from .errors import (
    IdTokenExpired,
    IdTokenInvalid,
    IdTokenWrongAudience,
    IdTokenWrongIssuer,
    NonceInvalid,
    ProviderUnavailable,
)
from .providers import ProviderError, key_source

APPLE_PRIVATE_RELAY_DOMAIN = "@privaterelay.appleid.com"
_MAX_TOKEN_LENGTH = 8192


@dataclass(frozen=True)
class VerifiedIdentity:
    provider: str
    subject: str
    email: str
    is_private_relay: bool


def _truthy(value) -> bool:
    """Apple sends booleans as JSON booleans or as the strings "true"/"false"."""
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _nonce_matches(*, provider: str, claimed: str, nonce: str) -> bool:
    accepted = [nonce]
    if provider == "apple":
        accepted.append(hashlib.sha256(nonce.encode()).hexdigest())
    return any(hmac.compare_digest(claimed.encode(), value.encode()) for value in accepted)


def id_token_verify(*, provider: str, id_token: str, nonce: str) -> VerifiedIdentity:
    """Raises ProviderNotConfigured (404), IdTokenInvalid, IdTokenExpired, IdTokenWrongAudience,
    IdTokenWrongIssuer, NonceInvalid (400) or ProviderUnavailable (503)."""
    source = key_source(provider)
    if len(id_token) > _MAX_TOKEN_LENGTH:
        raise IdTokenInvalid()
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.PyJWTError:
        raise IdTokenInvalid() from None
    kid = header.get("kid")
    if header.get("alg") != "RS256" or not isinstance(kid, str):
        raise IdTokenInvalid()
    try:
        key = source.key_for(kid)
    except ProviderError as exc:
        raise ProviderUnavailable() from exc
    if key is None:
        raise IdTokenInvalid()
    try:
        claims = jwt.decode(
            id_token,
            key,
            algorithms=["RS256"],
            audience=list(source.audiences),
            issuer=list(source.issuers),
            leeway=settings.SOCIAL_SIGNIN_LEEWAY_SECONDS,
            options={"require": ["iss", "aud", "sub", "exp", "iat"]},
        )
    except jwt.ExpiredSignatureError:
        raise IdTokenExpired() from None
    except jwt.InvalidAudienceError:
        raise IdTokenWrongAudience() from None
    except jwt.InvalidIssuerError:
        raise IdTokenWrongIssuer() from None
    except jwt.PyJWTError:
        raise IdTokenInvalid() from None
    claimed_nonce = claims.get("nonce")
    if not isinstance(claimed_nonce, str) or not _nonce_matches(provider=provider, claimed=claimed_nonce, nonce=nonce):
        raise NonceInvalid()
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > 255:
        raise IdTokenInvalid()
    email = claims.get("email") if isinstance(claims.get("email"), str) else ""
    if not _truthy(claims.get("email_verified")):
        email = ""  # kept only when the provider verified it (it never decides the account anyway)
    is_private_relay = provider == "apple" and (
        _truthy(claims.get("is_private_email")) or email.lower().endswith(APPLE_PRIVATE_RELAY_DOMAIN)
    )
    return VerifiedIdentity(provider=provider, subject=subject, email=email[:254], is_private_relay=is_private_relay)
