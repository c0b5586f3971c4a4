"""Names the admin shows for third-party apps that ship no Arabic for them.

`rest_framework_simplejwt.token_blacklist` names its app and models in English only (its Arabic
catalogue lacks them) and its fields not at all; they are named here, in our catalogue (short
words such as "user" with a context, not to change their Arabic elsewhere).
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


def name_token_blacklist() -> None:
    if not apps.is_installed("rest_framework_simplejwt.token_blacklist"):
        return
    config = apps.get_app_config("token_blacklist")
    config.verbose_name = _("Token blacklist")
    outstanding = config.get_model("OutstandingToken")
    blacklisted = config.get_model("BlacklistedToken")
    outstanding._meta.verbose_name = _("issued refresh token")
    outstanding._meta.verbose_name_plural = _("issued refresh tokens")
    blacklisted._meta.verbose_name = _("revoked refresh token")
    blacklisted._meta.verbose_name_plural = _("revoked refresh tokens")
    fields = {
        outstanding: {
            "id": pgettext_lazy("token blacklist", "ID"),
            "user": pgettext_lazy("token blacklist", "user"),
            "jti": pgettext_lazy("token blacklist", "token ID (jti)"),
            "token": pgettext_lazy("token blacklist", "token"),
            "created_at": pgettext_lazy("token blacklist", "created at"),
            "expires_at": pgettext_lazy("token blacklist", "expires at"),
        },
        blacklisted: {
            "id": pgettext_lazy("token blacklist", "ID"),
            "token": pgettext_lazy("token blacklist", "token"),
            "blacklisted_at": pgettext_lazy("token blacklist", "revoked at"),
        },
    }
    for model, names in fields.items():
        for name, verbose_name in names.items():
            model._meta.get_field(name).verbose_name = verbose_name
