from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PasskeysConfig(AppConfig):
    """Sign-in with passkeys (WebAuthn) for accounts that have a verified phone (ADR 0013): the
    registration and authentication ceremonies, single-use challenges, and the user's list of passkeys."""

    name = "apps.passkeys"
    label = "passkeys"
    verbose_name = _("Passkeys")
