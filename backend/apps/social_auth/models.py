"""Google and Apple identities linked to phone accounts, and the single-use nonces of their sign-ins.

An identity is (provider, subject): the provider's stable user id (`sub`). It belongs to exactly one
account, and the database makes that true (docs/adr/0014-social-sign-in-linking.md). Emails are kept
for display only; they never decide which account an identity joins.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SocialProvider(models.TextChoices):
    GOOGLE = "google", _("Google")
    APPLE = "apple", _("Apple")


class SocialIdentity(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="social_identities", verbose_name=_("user")
    )
    provider = models.CharField(_("provider"), max_length=16, choices=SocialProvider.choices)
    subject = models.CharField(_("subject"), max_length=255)
    # Only a provider-verified email is kept; Apple's private-relay addresses are kept as such.
    email = models.EmailField(_("email"), blank=True)
    is_private_relay = models.BooleanField(_("private relay email"), default=False)
    # Apple sends the name once, on the first sign-in: kept here.
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("linked at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("linked sign-in")
        verbose_name_plural = _("linked sign-ins")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="social_identity_unique_provider_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.subject}"


class SocialNonce(models.Model):
    """A nonce given to the SPA before it asks Google or Apple for an ID token; used at most once."""

    value = models.CharField(_("value"), max_length=64, primary_key=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("sign-in nonce")
        verbose_name_plural = _("sign-in nonces")

    def __str__(self) -> str:
        return self.value
