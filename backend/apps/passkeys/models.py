"""A user's passkeys (WebAuthn credentials) and the single-use challenges of the ceremonies."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Passkey(models.Model):
    """A public-key credential registered by a user with a verified phone.

    A removed passkey keeps its row (`removed_at`) so that a later attempt with it is refused as removed,
    not as unknown; one whose sign counter went backwards is flagged (`cloned_at`) and refused from then on.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys")
    # The credential id, base64url without padding (at most 1023 bytes, so at most 1364 characters).
    credential_id = models.CharField(max_length=1400, unique=True)
    # COSE-encoded public key, as the authenticator gave it.
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    # The user handle given to the authenticator (base64url): opaque, not the phone or the id.
    user_handle = models.CharField(max_length=100)
    name = models.CharField(max_length=100, blank=True)
    transports = models.JSONField(default=list, blank=True)
    aaguid = models.CharField(max_length=36, blank=True)
    backed_up = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    cloned_at = models.DateTimeField(null=True, blank=True)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("passkey")
        verbose_name_plural = _("passkeys")
        indexes = [models.Index(fields=["user", "removed_at"], name="passkey_user_removed")]

    def __str__(self) -> str:
        return f"Passkey {self.pk} of user {self.user_id}"


class ChallengePurpose(models.TextChoices):
    REGISTER = "register", _("Register")
    LOGIN = "login", _("Sign in")


class PasskeyChallenge(models.Model):
    """A challenge handed out by an options endpoint; its verify call uses it once (`used_at`)."""

    challenge = models.CharField(max_length=100, unique=True)  # base64url
    purpose = models.CharField(max_length=10, choices=ChallengePurpose.choices)
    # Registration only: who asked for the options (and so who may finish the ceremony).
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("passkey challenge")
        verbose_name_plural = _("passkey challenges")

    def __str__(self) -> str:
        return f"{self.purpose} challenge {self.pk}"
