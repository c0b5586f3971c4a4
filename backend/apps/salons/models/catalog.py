"""What a salon offers and who offers it: categories, services, staff."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.i18n import current_language, localized

from ..search_index import salon_search_text_refresh, service_search_name
from .salon import Salon

# Fields whose change rewrites the salon's search texts.
_SERVICE_SEARCHED_FIELDS = frozenset({"name_ar", "name_en", "is_active"})


class ServiceCategory(models.Model):
    slug = models.SlugField(_("slug"), max_length=40, unique=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    display_order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")
        ordering = ["display_order", "id"]

    def __str__(self) -> str:
        return self.name_ar

    @property
    def name(self) -> str:
        return localized(self, "name")


class Service(models.Model):
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="services", verbose_name=_("salon"))
    category = models.ForeignKey(
        ServiceCategory, on_delete=models.PROTECT, related_name="services", verbose_name=_("category")
    )
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    price_amount = models.PositiveIntegerField(_("price (halalas, VAT included)"), help_text=_("100 halalas = 1 SAR."))
    currency = models.CharField(_("currency"), max_length=3, default="SAR", editable=False)
    buffer_minutes = models.PositiveIntegerField(
        _("buffer after (minutes)"),
        default=0,
        validators=[MaxValueValidator(240)],
        help_text=_("Cleaning or preparation time after the service, when the stylist cannot take another booking."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    display_order = models.PositiveIntegerField(_("display order"), default=0)
    # Folded names for the typeahead (see `search_index`); its salon's `search_text` follows every save.
    search_name = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["display_order", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(duration_minutes__gte=5), name="service_duration_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name_ar} – {self.salon}"

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and _SERVICE_SEARCHED_FIELDS.isdisjoint(update_fields):
            return super().save(*args, **kwargs)
        self.search_name = service_search_name(self)
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)
        salon_search_text_refresh(salon_id=self.salon_id)

    def delete(self, *args, **kwargs):
        salon_id = self.salon_id
        result = super().delete(*args, **kwargs)
        salon_search_text_refresh(salon_id=salon_id)
        return result

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def duration(self) -> timedelta:
        return timedelta(minutes=self.duration_minutes)

    @property
    def buffer(self) -> timedelta:
        return timedelta(minutes=self.buffer_minutes)


class StaffMember(models.Model):
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="staff", verbose_name=_("salon"))
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profile",
        verbose_name=_("user account"),
        limit_choices_to={"role__in": ["staff", "manager"]},
    )
    display_name = models.CharField(_("name (Arabic)"), max_length=80)
    display_name_en = models.CharField(
        _("name (English)"), max_length=80, blank=True, help_text=_("Shown in English; the Arabic name when empty.")
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=80, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=80, blank=True)
    bio_ar = models.TextField(_("bio (Arabic)"), max_length=1000, blank=True)
    bio_en = models.TextField(_("bio (English)"), max_length=1000, blank=True)
    photo = models.ImageField(_("photo"), upload_to="staff/", blank=True)
    services = models.ManyToManyField(Service, related_name="staff", blank=True, verbose_name=_("services offered"))
    is_active = models.BooleanField(_("active"), default=True)
    display_order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")
        ordering = ["display_order", "id"]

    def __str__(self) -> str:
        return f"{self.display_name} – {self.salon}"

    @property
    def name(self) -> str:
        """The name in the active language: `display_name` is the Arabic one, `display_name_en` the English."""
        if current_language() == "en" and self.display_name_en:
            return self.display_name_en
        return self.display_name or self.display_name_en

    @property
    def title(self) -> str:
        return localized(self, "title")
