"""Where social sign-in talks to the outside: the providers' published signing keys (JWKS).

`key_source(provider)` answers the key that signed an ID token (by its `kid`) and says which issuers
and audiences to accept. Google and Apple: `JWKSKeySource`, their JWKS fetched over HTTPS with a
timeout and kept in the shared cache. In development, a provider without client ids is served by
`DevelopmentKeySource` (a local key; refused with DJANGO_DEBUG=0 like the console providers).
The facts relied on: docs/integrations/social-sign-in.md.
"""

from dataclasses import dataclass

from django.conf import settings

from ..errors import ProviderNotConfigured
from .development import DevelopmentKeySource
from .jwks import JWKSKeySource, KeySource, ProviderError

__all__ = ["PROVIDERS", "KeySource", "ProviderError", "ProviderSpec", "key_source", "provider_enabled"]


@dataclass(frozen=True)
class ProviderSpec:
    name: str
    jwks_url: str
    issuers: tuple[str, ...]
    client_ids_setting: str


PROVIDERS: dict[str, ProviderSpec] = {
    "google": ProviderSpec(
        name="google",
        jwks_url="https://www.googleapis.com/oauth2/v3/certs",
        issuers=("https://accounts.google.com", "accounts.google.com"),
        client_ids_setting="GOOGLE_SIGNIN_CLIENT_IDS",
    ),
    "apple": ProviderSpec(
        name="apple",
        jwks_url="https://appleid.apple.com/auth/keys",
        issuers=("https://appleid.apple.com",),
        client_ids_setting="APPLE_SIGNIN_CLIENT_IDS",
    ),
}


def client_ids(provider: str) -> list[str]:
    return list(getattr(settings, PROVIDERS[provider].client_ids_setting, []) or [])


def uses_development(provider: str) -> bool:
    return not client_ids(provider) and bool(settings.SOCIAL_SIGNIN_DEVELOPMENT)


def provider_enabled(provider: str) -> bool:
    return provider in PROVIDERS and (bool(client_ids(provider)) or uses_development(provider))


def key_source(provider: str) -> KeySource:
    """Raises ProviderNotConfigured (404) for an unknown provider or one with no client id."""
    if not provider_enabled(provider):
        raise ProviderNotConfigured()
    spec = PROVIDERS[provider]
    if uses_development(provider):
        return DevelopmentKeySource(provider)
    return JWKSKeySource(
        name=spec.name, jwks_url=spec.jwks_url, issuers=spec.issuers, audiences=tuple(client_ids(provider))
    )
