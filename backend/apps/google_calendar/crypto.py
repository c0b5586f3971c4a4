"""Google tokens at rest: Fernet (AES-128-CBC + HMAC-SHA256) with `settings.GOOGLE_TOKEN_KEYS`, a list
of keys of which the first encrypts and every one decrypts (`MultiFernet`): to rotate, put a new key
first, run `python manage.py sync_calendars --rotate-keys` (re-encrypts every token), then drop the old
key. Without keys (development) one key is derived from SECRET_KEY."""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "token_decrypt", "token_encrypt", "token_rotate"]


@cache
def _keys(keys: tuple[str, ...], secret_key: str) -> MultiFernet:
    if not keys:
        derived = hashlib.sha256(f"google-calendar-tokens:{secret_key}".encode()).digest()
        keys = (base64.urlsafe_b64encode(derived).decode(),)
    return MultiFernet([Fernet(key.encode()) for key in keys])


def _fernet() -> MultiFernet:
    return _keys(tuple(settings.GOOGLE_TOKEN_KEYS), settings.SECRET_KEY)


def token_encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode() if value else ""


def token_decrypt(value: str) -> str:
    return _fernet().decrypt(value.encode()).decode() if value else ""


def token_rotate(value: str) -> str:
    """The same token encrypted with the first key."""
    return _fernet().rotate(value.encode()).decode() if value else ""
