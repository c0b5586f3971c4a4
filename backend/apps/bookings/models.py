"""Bookings, their audit trail and reviews.

The database itself refuses double bookings: check constraints here, and on PostgreSQL two
exclusion constraints (migration 0002) over the stylist's and the customer's busy time, and one
over each stylist's part of a visit (`BookingItem`, migration 0007).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.salons.models import Salon, Service, StaffMember

# Names of the PostgreSQL exclusion constraints; an IntegrityError naming one is a taken slot.
STAFF_OVERLAP_CONSTRAINT = "booking_staff_no_overlap"
CUSTOMER_OVERLAP_CONSTRAINT = "booking_customer_no_overlap"
ITEM_STAFF_OVERLAP_CONSTRAINT = "booking_item_staff_no_overlap"
# The most services one visit (booking) holds.
MAX_VISIT_ITEMS = 4


class BookingStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    CONFIRMED = "confirmed", _("Confirmed")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    NO_SHOW = "no_show", _("No-show")
    EXPIRED = "expired", _("Expired")


# Statuses that hold the stylist's and the customer's time (a pending one only while its hold lives).
BLOCKING_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


class CancelledByRole(models.TextChoices):
    CUSTOMER = "customer", _("Customer")
    SALON = "salon", _("Salon")
    ADMIN = "admin", _("Administrator")
    SYSTEM = "system", _("System")


def blocking_q(now: datetime) -> Q:
    """Bookings that hold time at `now`: confirmed, or pending with no hold expiry or a live one."""
    return Q(status=BookingStatus.CONFIRMED) | (
        Q(status=BookingStatus.PENDING) & (Q(hold_expires_at__isnull=True) | Q(hold_expires_at__gt=now))
    )


class PaymentMode(models.TextChoices):
    """What the online payment at booking is (decided by `booking_create`, see `payment_mode`)."""

    SALON = "", _("As the salon's prepayment setting says")
    FULL = "full", _("The full price, paid online")
    DEPOSIT = "deposit", _("A deposit, paid online; the rest at the salon")
    CARD_HOLD = "card_hold", _("A card hold, charged only for a no-show or a late cancellation")


class Booking(models.Model):
    reference = models.CharField(_("reference"), max_length=12, unique=True, editable=False)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("customer")
    )
    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("salon"))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("service"))
    staff = models.ForeignKey(
        StaffMember, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("staff member")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), help_text=_("The start plus the service's duration."))
    buffer_minutes = models.PositiveIntegerField(
        _("buffer after (minutes)"), default=0, help_text=_("The service's buffer when the booking was made.")
    )
    blocked_until = models.DateTimeField(
        _("stylist busy until"), help_text=_("The end plus the buffer; the stylist cannot be booked before it.")
    )
    price_amount = models.PositiveIntegerField(_("price (halalas, VAT included)"))
    payment_mode = models.CharField(
        _("online payment"), max_length=16, choices=PaymentMode.choices, blank=True, default=PaymentMode.SALON
    )
    online_amount = models.PositiveIntegerField(
        _("online amount (halalas)"),
        null=True,
        blank=True,
        help_text=_("What is paid or authorized online at booking; empty: the price."),
    )
    no_show_fee = models.PositiveIntegerField(
        _("no-show fee (halalas)"),
        null=True,
        blank=True,
        help_text=_("What a no-show or a late cancellation costs, as the salon's policy said at booking."),
    )
    currency = models.CharField(_("currency"), max_length=3, default="SAR")
    status = models.CharField(
        _("status"), max_length=16, choices=BookingStatus.choices, default=BookingStatus.PENDING, db_index=True
    )
    note = models.CharField(_("customer note"), max_length=500, blank=True)
    hold_expires_at = models.DateTimeField(
        _("hold expires at"),
        null=True,
        blank=True,
        help_text=_("An unpaid booking releases its time after this moment."),
    )
    confirm_by = models.DateTimeField(
        _("salon to confirm by"),
        null=True,
        blank=True,
        help_text=_(
            "A booking awaiting the salon's confirmation: when the salon's window lapses (its start at the "
            "latest); then it is confirmed or expires, as the salon chose."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cancelled by"),
    )
    cancelled_by_role = models.CharField(
        _("cancelled by (role)"), max_length=16, choices=CancelledByRole.choices, blank=True
    )
    cancellation_reason = models.CharField(_("cancellation reason"), max_length=500, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    item_count = models.PositiveSmallIntegerField(
        _("services"), default=1, help_text=_("How many services the visit holds (its items).")
    )
    several_stylists = models.BooleanField(
        _("several stylists"),
        default=False,
        help_text=_(
            "A visit whose services are done by more than one stylist: each stylist's time is its items' "
            "(`BookingItem`), not the booking's start to its end."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["staff", "start"]),
            models.Index(fields=["customer", "start"]),
            # Reports: "a customer's earlier visits at this salon" (new vs returning customers).
            models.Index(fields=["customer", "salon", "start"], name="booking_customer_salon_start"),
            models.Index(fields=["salon", "start"]),
            models.Index(fields=["status", "hold_expires_at"]),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_end_after_start"),
            models.CheckConstraint(condition=Q(blocked_until__gte=F("end")), name="booking_blocked_until_after_end"),
            models.CheckConstraint(
                condition=Q(online_amount__isnull=True) | Q(online_amount__lte=F("price_amount")),
                name="booking_online_amount_within_price",
            ),
            models.CheckConstraint(
                condition=Q(no_show_fee__isnull=True) | Q(no_show_fee__lte=F("price_amount")),
                name="booking_no_show_fee_within_price",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def amount_due_online(self) -> int:
        """What the online payment at booking is: the deposit, the card hold's amount, or the price."""
        return self.price_amount if self.online_amount is None else self.online_amount

    def hold_is_live(self, now: datetime) -> bool:
        return self.hold_expires_at is None or self.hold_expires_at > now


class BookingItem(models.Model):
    """One service of a visit, in order (`position` from 0): its stylist, its time (back to back: an
    item starts where the one before is blocked until) and its price. A booking of one service has one
    item; the booking keeps the first item's service, stylist and start, the last item's end and blocked
    time, and the sums of the prices. On PostgreSQL an exclusion constraint refuses overlapping active
    items of one stylist; `is_active` is the booking's status being pending or confirmed, kept in step by
    a database trigger on the booking's status (migration 0007)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="items", verbose_name=_("booking"))
    position = models.PositiveSmallIntegerField(_("position"))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+", verbose_name=_("service"))
    staff = models.ForeignKey(StaffMember, on_delete=models.PROTECT, related_name="+", verbose_name=_("staff member"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    buffer_minutes = models.PositiveIntegerField(_("buffer after (minutes)"), default=0)
    blocked_until = models.DateTimeField(_("stylist busy until"))
    price_amount = models.PositiveIntegerField(_("price (halalas, VAT included)"))
    is_active = models.BooleanField(_("holds time"), default=True)

    class Meta:
        verbose_name = _("booking item")
        verbose_name_plural = _("booking items")
        ordering = ["booking", "position"]
        indexes = [models.Index(fields=["staff", "start"], name="booking_item_staff_start")]
        constraints = [
            models.UniqueConstraint(fields=["booking", "position"], name="booking_item_once_per_position"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="booking_item_end_after_start"),
            models.CheckConstraint(
                condition=Q(blocked_until__gte=F("end")), name="booking_item_blocked_until_after_end"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking_id}#{self.position}"


class BookingEvent(models.Model):
    """One row per status change (and per creation and reschedule): the booking's audit trail."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events", verbose_name=_("booking"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
        help_text=_("Empty when the system acted."),
    )
    from_status = models.CharField(_("from status"), max_length=16, choices=BookingStatus.choices, blank=True)
    to_status = models.CharField(_("to status"), max_length=16, choices=BookingStatus.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("booking event")
        verbose_name_plural = _("booking events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.from_status or '-'} → {self.to_status}"


class Review(models.Model):
    booking = models.OneToOneField(Booking, on_delete=models.CASCADE, related_name="review", verbose_name=_("booking"))
    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("salon"))
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("customer")
    )
    rating = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["salon", "-created_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(rating__gte=1) & Q(rating__lte=5), name="review_rating_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.booking} ★{self.rating}"


class SalonCustomer(models.Model):
    """What a salon keeps about one of its customers: private notes and tags for its managers and
    stylists (never shown to the customer), and whether it refuses the customer's online bookings."""

    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="customer_records", verbose_name=_("salon"))
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="salon_records",
        verbose_name=_("customer"),
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True, help_text=_("Short labels, e.g. VIP."))
    blocked = models.BooleanField(
        _("blocked"), default=False, help_text=_("The salon refuses this customer's online bookings.")
    )
    no_shows_forgiven = models.PositiveIntegerField(
        _("no-shows forgiven"),
        default=0,
        help_text=_("No-shows the salon forgave; they no longer count towards full prepayment."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("salon customer")
        verbose_name_plural = _("salon customers")
        constraints = [
            models.UniqueConstraint(fields=["salon", "customer"], name="salon_customer_once_per_salon"),
        ]

    def __str__(self) -> str:
        return f"{self.customer} @ {self.salon}"


class AvailabilityDay(models.Model):
    """One salon-day's availability version and summary (`availability_summary`).

    `version` grows with every change that can change the day's free starts (the hook
    `availability_changes.availability_changed`, in the change's transaction); the availability
    endpoint's ETag is made of it. The summary holds the day's free starts whatever the time (no lead
    time, past or horizon) and the instants that apply those rules when it is read: the day has a free
    start at `now` when `visible_from <= now < visible_until` and either `full_from <= now` and
    `bookable_until >= now`, or `bookable_until_in_day >= now` (the horizon's last day, whose starts
    after midnight are beyond it). `categories` holds, per service category id, its count and first
    and last free start (ISO 8601)."""

    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    version = models.PositiveBigIntegerField(default=1)
    computed_at = models.DateTimeField()
    free_starts = models.PositiveIntegerField(default=0)
    first_start = models.DateTimeField(null=True)
    last_start = models.DateTimeField(null=True)
    visible_from = models.DateTimeField(null=True)
    full_from = models.DateTimeField(null=True)
    visible_until = models.DateTimeField(null=True)
    bookable_until = models.DateTimeField(null=True)
    bookable_until_in_day = models.DateTimeField(null=True)
    categories = models.JSONField(default=dict)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["salon", "day"], name="availability_day_once_per_salon")]
        indexes = [models.Index(fields=["day", "bookable_until"], name="availability_day_bookable")]

    def __str__(self) -> str:
        return f"{self.salon_id} {self.day} v{self.version}"


class WorkingSpan(models.Model):
    """A piece (at most `availability_summary.SPAN_PIECE`) of the time at least one active stylist of the
    salon works on a local day (working hours or special hours, minus time off): "open now" is one
    indexed range query over these."""

    salon = models.ForeignKey(Salon, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    start = models.DateTimeField()
    end = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["start", "end"], name="working_span_start_end"),
            models.Index(fields=["salon", "day"], name="working_span_salon_day"),
        ]

    def __str__(self) -> str:
        return f"{self.salon_id} {self.start:%Y-%m-%d %H:%M}–{self.end:%H:%M}"
