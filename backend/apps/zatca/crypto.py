"""Units' private keys and certificate secrets at rest: Fernet (AES-128-CBC + HMAC-SHA256) with
`settings.ZATCA_KEY_ENCRYPTION_KEY`. Without one, DJANGO_DEBUG derives a development key from
SECRET_KEY; production refuses (`KeyEncryptionKeyMissing`) rather than store a key in the clear."""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet
from django.conf import settings

from .errors import KeyEncryptionKeyMissing


@cache
def _fernet(key: str, debug: bool, secret_key: str) -> Fernet:
    if not key:
        if not debug:
            raise KeyEncryptionKeyMissing()
        key = base64.urlsafe_b64encode(hashlib.sha256(f"zatca-keys:{secret_key}".encode()).digest()).decode()
    return Fernet(key.encode())


def fernet() -> Fernet:
    return _fernet(settings.ZATCA_KEY_ENCRYPTION_KEY, settings.DEBUG, settings.SECRET_KEY)


def seal(value: str) -> str:
    return fernet().encrypt(value.encode()).decode() if value else ""


def unseal(value: str) -> str:
    return fernet().decrypt(value.encode()).decode() if value else ""
