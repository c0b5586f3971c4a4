"""Customers' favourite salons."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .salon import Salon


class Favourite(models.Model):
    """A salon a customer keeps to find again; at most one row per customer and salon."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites", verbose_name=_("user")
    )
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="favourites", verbose_name=_("salon"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("favourite salon")
        verbose_name_plural = _("favourite salons")
        constraints = [models.UniqueConstraint(fields=["user", "salon"], name="favourite_unique_user_salon")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.salon_id}"
