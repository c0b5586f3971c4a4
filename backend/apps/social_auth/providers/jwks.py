"""A provider's JSON Web Key Set, fetched with a timeout and kept in the shared cache.

The set is cached for the response's `Cache-Control: max-age` (an hour when it gives none). A token
signed with a key the cached set does not hold makes one fresh fetch (providers rotate keys), at most
once per REFRESH_COOLDOWN_SECONDS per provider, so made-up `kid`s cannot make us hammer the provider.
"""

import re
from typing import Protocol

import jwt
import requests
from django.conf import settings
from django.core.cache import cache

DEFAULT_MAX_AGE_SECONDS = 3600
REFRESH_COOLDOWN_SECONDS = 30
_MAX_AGE = re.compile(r"max-age=(\d+)")


class ProviderError(Exception):
    """The provider's keys could not be fetched (timeout, connection, bad answer)."""


class KeySource(Protocol):
    name: str
    issuers: tuple[str, ...]
    audiences: tuple[str, ...]

    def key_for(self, kid: str) -> jwt.PyJWK | None:
        """The key with this id, or None when the provider has no such key."""


def _max_age(cache_control: str) -> int:
    match = _MAX_AGE.search(cache_control or "")
    return int(match[1]) if match else DEFAULT_MAX_AGE_SECONDS


class JWKSKeySource:
    def __init__(self, *, name: str, jwks_url: str, issuers: tuple[str, ...], audiences: tuple[str, ...]):
        self.name = name
        self.jwks_url = jwks_url
        self.issuers = issuers
        self.audiences = audiences

    @property
    def _cache_key(self) -> str:
        return f"social-jwks:{self.name}"

    def _fetch(self) -> dict:
        try:
            response = requests.get(self.jwks_url, timeout=settings.SOCIAL_SIGNIN_JWKS_TIMEOUT_SECONDS)
            response.raise_for_status()
            keys = response.json()
        except (requests.RequestException, ValueError) as exc:
            raise ProviderError(f"{self.name} JWKS: {exc}") from exc
        if not isinstance(keys, dict) or not isinstance(keys.get("keys"), list):
            raise ProviderError(f"{self.name} JWKS: no `keys` list")
        cache.set(self._cache_key, keys, timeout=max(1, _max_age(response.headers.get("Cache-Control", ""))))
        return keys

    @staticmethod
    def _find(keys: dict, kid: str) -> jwt.PyJWK | None:
        for data in keys.get("keys", []):
            if isinstance(data, dict) and data.get("kid") == kid:
                try:
                    return jwt.PyJWK(data)
                except jwt.PyJWTError:
                    return None
        return None

    def key_for(self, kid: str) -> jwt.PyJWK | None:
        keys = cache.get(self._cache_key)
        if keys is None:
            return self._find(self._fetch(), kid)
        found = self._find(keys, kid)
        if found is not None:
            return found
        # An unknown key: the provider may have rotated its keys. One refresh per cooldown.
        if not cache.add(f"{self._cache_key}:refreshed", True, timeout=REFRESH_COOLDOWN_SECONDS):
            return None
        return self._find(self._fetch(), kid)
