"""Reads of passkeys."""

from django.db.models import QuerySet

from .errors import PasskeyNotFound
from .models import Passkey


def passkey_list(*, user) -> QuerySet[Passkey]:
    """The user's passkeys that can still be used or removed, newest first."""
    return Passkey.objects.filter(user=user, removed_at__isnull=True).order_by("-created_at", "-pk")


def passkey_get_own(*, user, passkey_id: int) -> Passkey:
    """One of the user's own passkeys; someone else's (or a removed one) is not found."""
    passkey = passkey_list(user=user).filter(pk=passkey_id).first()
    if passkey is None:
        raise PasskeyNotFound()
    return passkey
