from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The customer's rights under the PDPL (access, correction, deletion, consent) and the operator's
    duties (the register of requests, retention, the audit trail of personal data)."""

    name = "apps.privacy"
    label = "privacy"
    verbose_name = _("Privacy")
