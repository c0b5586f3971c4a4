"""Locally generated one-time codes: six digits from `secrets`, stored only as an HMAC."""

import hashlib
import hmac
import secrets
import uuid

from django.conf import settings

CODE_LENGTH = 6


def code_generate() -> str:
    return f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"


def code_hash(*, request_id: uuid.UUID, code: str) -> str:
    """HMAC-SHA256 keyed with SECRET_KEY over the request id and the code (64 hex characters)."""
    message = f"{request_id}:{code}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def code_matches(*, request_id: uuid.UUID, code: str, stored_hash: str) -> bool:
    return hmac.compare_digest(code_hash(request_id=request_id, code=code), stored_hash)
