from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SocialAuthConfig(AppConfig):
    name = "apps.social_auth"
    label = "social_auth"
    verbose_name = _("Google and Apple sign-in")
