"""Reads of social sign-in: which providers are on, and a user's linked identities."""

from django.db.models import QuerySet

from apps.core.exceptions import NotFound

from .models import SocialIdentity
from .providers import PROVIDERS, client_ids, provider_enabled, uses_development


def provider_list() -> list[dict]:
    """The providers the SPA may offer: name, the client id its button needs, and whether it is the
    development stand-in."""
    return [
        {"name": name, "client_id": (client_ids(name) or [""])[0], "development": uses_development(name)}
        for name in PROVIDERS
        if provider_enabled(name)
    ]


def identity_list(*, user) -> QuerySet[SocialIdentity]:
    return SocialIdentity.objects.filter(user=user).order_by("created_at", "id")


def identity_get(*, user, identity_id) -> SocialIdentity:
    """Someone else's identity is answered like a missing one: NotFound (404)."""
    identity = SocialIdentity.objects.filter(user=user, pk=identity_id).first()
    if identity is None:
        raise NotFound()
    return identity
