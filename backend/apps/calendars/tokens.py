"""Feed links' tokens: derived, never stored (ADR 0010).

token = base64url(HMAC-SHA256(key, "calendar-feed:<secret>")), with the key from `settings.CALENDAR_FEED_KEY`
(the `SECRET_KEY` unless set). The row keeps the random `secret` and the token's SHA-256: a copy of the
database alone does not give a working link, and the owner can still be shown theirs at any time."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings

TOKEN_PATTERN = r"[A-Za-z0-9_-]{32,64}"  # noqa: S105 (what a token looks like, not one)


def new_secret() -> str:
    return secrets.token_hex(32)


def _key() -> bytes:
    return (getattr(settings, "CALENDAR_FEED_KEY", "") or settings.SECRET_KEY).encode()


def feed_token(*, secret: str) -> str:
    digest = hmac.new(_key(), f"calendar-feed:{secret}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
