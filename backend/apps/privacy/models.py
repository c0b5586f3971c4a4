"""The register of data-subject requests (PDPL records of processing): who asked for what, when, and
whether it was answered within the legal 30 days."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RESPONSE_DAYS = 30


class RequestKind(models.TextChoices):
    EXPORT = "export", _("Access and copy (export)")
    CORRECTION = "correction", _("Correction")
    DELETION = "deletion", _("Deletion")


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


def _due(requested_at):
    return requested_at + timedelta(days=RESPONSE_DAYS)


class DataSubjectRequest(models.Model):
    """One request by a person about their own data. The subject's id is kept as a plain integer so the
    entry still says whose request it was after the account is deleted."""

    kind = models.CharField(_("kind"), max_length=16, choices=RequestKind.choices)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subject"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    subject_user_id = models.PositiveBigIntegerField(_("subject's user id"), db_index=True)
    status = models.CharField(_("status"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now, db_index=True)
    due_at = models.DateTimeField(_("due at"), db_index=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.subject_user_id} {self.requested_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.due_at is None:
            self.due_at = _due(self.requested_at)
        super().save(*args, **kwargs)

    @property
    def is_overdue(self) -> bool:
        return self.status == RequestStatus.RECEIVED and self.due_at < timezone.now()
