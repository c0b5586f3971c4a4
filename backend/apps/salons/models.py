"""The catalog: salons, their services and staff, and when the staff work.

Bilingual text is held in `<field>_ar` / `<field>_en` pairs; `apps.core.i18n.localized`
picks the request's language and falls back to the other one.
Working hours are local wall-clock times in the salon's time zone.
"""

import zoneinfo
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.i18n import current_language, localized

from .search_index import salon_own_search_fields, salon_search_text, salon_search_text_refresh, service_search_name

# Fields whose change rewrites a salon's search texts.
_SALON_SEARCHED_FIELDS = frozenset({"name_ar", "name_en", "district_ar", "district_en", "city"})
_SERVICE_SEARCHED_FIELDS = frozenset({"name_ar", "name_en", "is_active"})


def validate_timezone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(_("Unknown time zone."), code="invalid_timezone") from None


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


class Weekday(models.IntegerChoices):
    """Python's `date.weekday()` numbering; the Saudi week starts on Sunday."""

    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class UnconfirmedPolicy(models.TextChoices):
    """What becomes of a booking awaiting the salon's confirmation when its confirmation window lapses."""

    AUTO_CONFIRM = "auto_confirm", _("Confirm it")
    EXPIRE = "expire", _("Let it expire")


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
        ]

    def __str__(self) -> str:
        return self.name_ar or self.name_en

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
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


class WorkingHours(models.Model):
    """A weekly working interval. An end at or before the start means the shift ends after
    midnight and still belongs to the day it started (a Ramadan evening 20:00–02:00)."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="working_hours", verbose_name=_("staff member")
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    start_time = models.TimeField(_("start"))
    end_time = models.TimeField(_("end"), help_text=_("An end at or before the start means after midnight."))

    class Meta:
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")
        ordering = ["staff", "weekday", "start_time"]
        indexes = [models.Index(fields=["staff", "weekday"])]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    def clean(self):
        # Overlaps with the staff member's other intervals are checked across all submitted rows
        # together (apps.salons.forms), since rows saved so far may be about to change.
        super().clean()
        if self.start_time is not None and self.start_time == self.end_time:
            raise ValidationError({"end_time": _("An interval cannot start and end at the same time.")})


class SpecialHours(models.Model):
    """Hours for one date that replace the weekday's hours (Eid, Ramadan, national day).
    A row without start and end means the staff member does not work that date."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="special_hours", verbose_name=_("staff member")
    )
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(
        _("end"), null=True, blank=True, help_text=_("An end at or before the start means after midnight.")
    )
    note = models.CharField(_("note"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("special hours")
        verbose_name_plural = _("special hours")
        ordering = ["staff", "date", "start_time"]
        indexes = [models.Index(fields=["staff", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_time__isnull=True, end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__isnull=False),
                name="special_hours_both_or_neither",
            ),
        ]

    def __str__(self) -> str:
        if self.is_closed:
            return f"{self.date} ({_('day off')})"
        return f"{self.date} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def is_closed(self) -> bool:
        return self.start_time is None and self.end_time is None

    def clean(self):
        # Conflicts with the same date's other rows are checked across all submitted rows together
        # (apps.salons.forms).
        super().clean()
        if (self.start_time is None) != (self.end_time is None):
            raise ValidationError(
                _("Give both a start and an end, or neither for a day off."), code="incomplete_interval"
            )
        if self.start_time is not None and self.start_time == self.end_time:
            raise ValidationError({"end_time": _("An interval cannot start and end at the same time.")})


class TimeOff(models.Model):
    """A range of time a staff member is away (vacation, a doctor's appointment)."""

    staff = models.ForeignKey(
        StaffMember, on_delete=models.CASCADE, related_name="time_off", verbose_name=_("staff member")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("time off")
        verbose_name_plural = _("time off")
        ordering = ["staff", "start"]
        indexes = [models.Index(fields=["staff", "start", "end"])]
        constraints = [models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="time_off_end_after_start")]

    def __str__(self) -> str:
        return f"{self.staff.display_name}: {self.start:%Y-%m-%d %H:%M} – {self.end:%Y-%m-%d %H:%M}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must be after the start.")})


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
