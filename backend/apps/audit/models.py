"""The audit log: who changed or read what, when, from which address, with the fields before and after.
Append-only: only `purge_expired_data` removes entries, once past `RETENTION_AUDIT_DAYS`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATED = "created", _("Created")
    UPDATED = "updated", _("Updated")
    DELETED = "deleted", _("Deleted")
    DEACTIVATED = "deactivated", _("Deactivated")
    REPLACED = "replaced", _("Replaced")
    # Reading personal data (a customer's profile, a file of customers) is recorded too.
    VIEWED = "viewed", _("Viewed")
    EXPORTED = "exported", _("Exported")


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    salon = models.ForeignKey(
        "salons.Salon",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_entries",
        verbose_name=_("salon"),
    )
    object_type = models.CharField(_("object type"), max_length=40)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    action = models.CharField(_("action"), max_length=16, choices=AuditAction.choices)
    changes = models.JSONField(
        _("changes"),
        default=dict,
        blank=True,
        help_text=_("Each changed field: [before, after]; for a view or an export, what was asked for."),
    )
    ip_address = models.CharField(
        _("IP address"), max_length=64, blank=True, help_text=_("Where the request came from; empty for the system.")
    )

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["salon", "-created_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_type} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries are never deleted.")
