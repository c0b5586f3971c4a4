"""A private calendar feed: a stylist's bookings, or a salon's (every stylist).

The link's token is never stored: it is derived from `secret` with a key from the settings
(`tokens.py`), and only its SHA-256 (`token_hash`) is kept for the lookup (ADR 0010)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.salons.models import Salon, StaffMember


class FeedKind(models.TextChoices):
    STAFF = "staff", _("Stylist")
    SALON = "salon", _("Salon")


class CalendarFeed(models.Model):
    kind = models.CharField(_("kind"), max_length=8, choices=FeedKind.choices)
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="calendar_feeds", verbose_name=_("salon"))
    staff = models.OneToOneField(
        StaffMember,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feed",
        verbose_name=_("stylist"),
    )
    secret = models.CharField(_("secret"), max_length=64, help_text=_("Random; the link is derived from it."))
    token_hash = models.CharField(_("link hash"), max_length=64, unique=True)
    language = models.CharField(_("language"), max_length=8, default="ar")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    rotated_at = models.DateTimeField(_("link reset at"))

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")
        constraints = [
            models.CheckConstraint(
                condition=(Q(kind="staff") & Q(staff__isnull=False)) | (Q(kind="salon") & Q(staff__isnull=True)),
                name="calendar_feed_kind_matches_staff",
            ),
            models.UniqueConstraint(fields=["salon"], condition=Q(kind="salon"), name="calendar_feed_one_per_salon"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.staff or self.salon}"
