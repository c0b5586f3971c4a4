"""Salons: who they are, where, their booking policy, their photos; the choices they use."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.i18n import localized

from ..search_index import salon_own_search_fields, salon_search_text, salon_search_text_refresh, tallies_changed

# Fields whose change rewrites a salon's search texts.
_SALON_SEARCHED_FIELDS = frozenset({"name_ar", "name_en", "district_ar", "district_en", "city"})
# Fields whose change changes the typeahead's tallies of offered names and districts.
_SALON_TALLIED_FIELDS = frozenset({"is_active", "city", "district_ar", "district_en"})


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone."), code="invalid_timezone") from None


cr_number_validator = RegexValidator(
    r"^\d{10}$", _("A commercial registration number has 10 digits."), code="invalid_cr_number"
)
building_number_validator = RegexValidator(
    r"^\d{4}$", _("A building number has 4 digits."), code="invalid_building_number"
)
postal_code_validator = RegexValidator(r"^\d{5}$", _("A postal code has 5 digits."), code="invalid_postal_code")
vat_number_validator = RegexValidator(
    r"^3\d{13}3$", _("A Saudi VAT number has 15 digits and starts and ends with 3."), code="invalid_vat_number"
)


class City(models.TextChoices):
    RIYADH = "riyadh", _("Riyadh")
    JEDDAH = "jeddah", _("Jeddah")
    DAMMAM = "dammam", _("Dammam")
    KHOBAR = "khobar", _("Khobar")
    MAKKAH = "makkah", _("Makkah")
    MADINAH = "madinah", _("Madinah")


class Audience(models.TextChoices):
    WOMEN = "women", _("Women")
    MEN = "men", _("Men")
    ALL = "all", _("Everyone")


class UnconfirmedPolicy(models.TextChoices):
    """What becomes of a booking awaiting the salon's confirmation when its confirmation window lapses."""

    AUTO_CONFIRM = "auto_confirm", _("Confirm it")
    EXPIRE = "expire", _("Let it expire")


class NoShowPolicy(models.TextChoices):
    NONE = "none", _("None")
    DEPOSIT = "deposit", _("A deposit paid online at booking")
    CARD_HOLD = "card_hold", _("A card hold, charged only for a no-show or a late cancellation")


class Salon(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_ar = models.TextField(_("description (Arabic)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    city = models.CharField(_("city"), max_length=32, choices=City.choices, db_index=True)
    district_ar = models.CharField(_("district (Arabic)"), max_length=80, blank=True)
    district_en = models.CharField(_("district (English)"), max_length=80, blank=True)
    address_ar = models.CharField(_("address (Arabic)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    phone_number = models.CharField(_("phone number"), max_length=16, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="Asia/Riyadh", validators=[validate_timezone])
    audience = models.CharField(_("audience"), max_length=8, choices=Audience.choices, default=Audience.WOMEN)
    cover_photo = models.ImageField(_("cover photo"), upload_to="salons/covers/", blank=True)
    vat_number = models.CharField(_("VAT number"), max_length=15, blank=True, validators=[vat_number_validator])
    legal_name = models.CharField(
        _("legal name"),
        max_length=200,
        blank=True,
        help_text=_("The name registered with the Ministry of Commerce; the seller on tax invoices."),
    )
    # The seller's details a ZATCA phase-2 invoice carries (national address), edited by the manager.
    cr_number = models.CharField(
        _("commercial registration number"), max_length=10, blank=True, validators=[cr_number_validator]
    )
    building_number = models.CharField(
        _("building number"), max_length=4, blank=True, validators=[building_number_validator]
    )
    street = models.CharField(_("street"), max_length=120, blank=True)
    district_name = models.CharField(_("district (national address)"), max_length=120, blank=True)
    city_name = models.CharField(_("city (national address)"), max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True, validators=[postal_code_validator])
    is_active = models.BooleanField(_("active"), default=True)
    rating_average = models.DecimalField(_("rating average"), max_digits=3, decimal_places=2, default=0)
    rating_count = models.PositiveIntegerField(_("rating count"), default=0)

    # Booking policy
    lead_time_minutes = models.PositiveIntegerField(
        _("minimum lead time (minutes)"),
        default=60,
        help_text=_("How long before the start a booking can still be made."),
    )
    booking_horizon_days = models.PositiveIntegerField(
        _("booking horizon (days)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("How far ahead customers can book."),
    )
    slot_step_minutes = models.PositiveIntegerField(
        _("slot step (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
        help_text=_("Start times are offered on this grid, counted from midnight."),
    )
    cancellation_window_hours = models.PositiveIntegerField(
        _("cancellation window (hours)"),
        default=24,
        help_text=_("Customers may cancel or reschedule until this many hours before the start."),
    )
    requires_prepayment = models.BooleanField(
        _("requires online prepayment"),
        default=False,
        help_text=_("If set, a booking is confirmed only once it is paid online."),
    )
    hold_minutes = models.PositiveIntegerField(
        _("hold time for unpaid bookings (minutes)"),
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(1440)],
    )
    confirmation_window_hours = models.PositiveIntegerField(
        _("confirmation window (hours)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
        help_text=_(
            "How long a booking awaits the salon's confirmation (never past its start) before the salon's "
            "choice below applies."
        ),
    )
    unconfirmed_policy = models.CharField(
        _("when a booking is not confirmed in time"),
        max_length=16,
        choices=UnconfirmedPolicy.choices,
        default=UnconfirmedPolicy.AUTO_CONFIRM,
    )

    # No-show protection (docs/adr/0016-no-show-protection.md; rules in `apps.salons.no_show`)
    no_show_policy = models.CharField(
        _("no-show protection"), max_length=16, choices=NoShowPolicy.choices, default=NoShowPolicy.NONE
    )
    deposit_percent = models.PositiveSmallIntegerField(
        _("deposit (percent of the price)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("With a deposit policy: this share of the price, or a fixed amount below, not both."),
    )
    deposit_amount = models.PositiveIntegerField(
        _("deposit (halalas)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(100)],
        help_text=_("With a deposit policy: a fixed amount (never more than the price)."),
    )
    no_show_fee_percent = models.PositiveSmallIntegerField(
        _("no-show fee (percent of the price)"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("What a no-show or a late cancellation costs."),
    )
    no_show_limit = models.PositiveSmallIntegerField(
        _("no-shows before full prepayment"),
        default=0,
        help_text=_("After this many no-shows a customer must prepay in full here; 0 turns it off."),
    )

    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="managed_salons",
        blank=True,
        verbose_name=_("managers"),
        limit_choices_to={"role": "manager"},
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    # The search's folded texts (see `search_index`), written by `save` and by a service's save.
    search_names = models.TextField(editable=False, blank=True, default="")
    search_district = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    class Meta:
        verbose_name = _("salon")
        verbose_name_plural = _("salons")
        ordering = ["name_ar"]
        # "Near me" prefilters on a bounding box. PostgreSQL also has trigram indexes on the search
        # texts (migration 0007: extension-specific, so not declared here).
        indexes = [models.Index(fields=["latitude", "longitude"], name="salon_location_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating_average__gte=0) & Q(rating_average__lte=5), name="salon_rating_average_range"
            ),
            # A deposit policy has exactly one of percent and amount; other policies have neither.
            models.CheckConstraint(
                condition=(
                    Q(no_show_policy="deposit")
                    & (
                        Q(deposit_percent__isnull=False, deposit_amount__isnull=True)
                        | Q(deposit_percent__isnull=True, deposit_amount__isnull=False)
                    )
                )
                | (~Q(no_show_policy="deposit") & Q(deposit_percent__isnull=True, deposit_amount__isnull=True)),
                name="salon_deposit_one_of",
            ),
            models.CheckConstraint(
                condition=Q(deposit_percent__isnull=True) | Q(deposit_percent__gte=1, deposit_percent__lte=100),
                name="salon_deposit_percent_range",
            ),
            models.CheckConstraint(
                condition=Q(no_show_fee_percent__gte=1, no_show_fee_percent__lte=100),
                name="salon_no_show_fee_percent_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name_ar or self.name_en

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or not _SALON_TALLIED_FIELDS.isdisjoint(update_fields):
            tallies_changed()
        if update_fields is not None and _SALON_SEARCHED_FIELDS.isdisjoint(update_fields):
            return super().save(*args, **kwargs)
        own = salon_own_search_fields(self)
        for field, value in own.items():
            setattr(self, field, value)
        creating = self._state.adding
        if creating:
            self.search_text = salon_search_text(self, [])
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, *own}
        super().save(*args, **kwargs)
        if not creating:
            salon_search_text_refresh(salon_id=self.pk)

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def district(self) -> str:
        return localized(self, "district")

    @property
    def address(self) -> str:
        return localized(self, "address")

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class SalonPhoto(models.Model):
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="photos", verbose_name=_("salon"))
    image = models.ImageField(_("image"), upload_to="salons/gallery/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="salons/gallery/thumbnails/", blank=True)
    width = models.PositiveIntegerField(_("width (px)"), null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(_("height (px)"), null=True, blank=True, editable=False)
    caption_ar = models.CharField(_("caption (Arabic)"), max_length=200, blank=True)
    caption_en = models.CharField(_("caption (English)"), max_length=200, blank=True)
    display_order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("salon photo")
        verbose_name_plural = _("salon photos")
        ordering = ["display_order", "id"]

    def __str__(self) -> str:
        return f"{self.salon} #{self.display_order}"

    @property
    def caption(self) -> str:
        return localized(self, "caption")
