"""Packages (N sessions of a service, valid for M days) and gift cards (an amount at a salon, with a
code), what customers bought of them, and every use at a booking (docs/adr/0018).

A `Purchase` is the online payment of one package or one gift card, through the same gateway as a
booking's payment (its id is the gateway's `given_id`). The database makes the money rules true:
sessions used never exceed the sessions bought, a card's balance never goes below zero or above its
amount, a booking uses an instrument at most once, and a code is unique.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.bookings.models import Booking
from apps.salons.models import Salon, Service


class Package(models.Model):
    """What a salon sells: `sessions` of one service for `price_amount`, usable for `validity_days`."""

    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="packages", verbose_name=_("salon"))
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="packages", verbose_name=_("service"))
    name_ar = models.CharField(_("name (Arabic)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    sessions = models.PositiveSmallIntegerField(_("sessions"))
    validity_days = models.PositiveSmallIntegerField(_("valid for (days)"))
    price_amount = models.PositiveIntegerField(_("price (halalas, VAT included)"))
    currency = models.CharField(_("currency"), max_length=3, default="SAR")
    is_active = models.BooleanField(_("on sale"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("package")
        verbose_name_plural = _("packages")
        ordering = ["salon_id", "price_amount", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(sessions__gte=1, sessions__lte=100), name="package_sessions_range"),
            models.CheckConstraint(
                condition=Q(validity_days__gte=1, validity_days__lte=1095), name="package_validity_range"
            ),
            models.CheckConstraint(condition=Q(price_amount__gt=0), name="package_price_positive"),
        ]

    def __str__(self) -> str:
        return self.name_ar


class PurchaseKind(models.TextChoices):
    PACKAGE = "package", _("Package")
    GIFT_CARD = "gift_card", _("Gift card")


class PurchaseStatus(models.TextChoices):
    INITIATED = "initiated", _("Awaiting payment")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Payment failed")
    REFUNDING = "refunding", _("Being refunded")
    REFUNDED = "refunded", _("Refunded")


class Purchase(models.Model):
    """The online payment of one package or gift card (`given_id` at the gateway: `id`)."""

    id = models.UUIDField(_("id"), primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=PurchaseKind.choices)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="purchases", verbose_name=_("customer")
    )
    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="purchases", verbose_name=_("salon"))
    provider = models.CharField(_("provider"), max_length=16)
    amount = models.PositiveIntegerField(_("amount (halalas, VAT included)"))
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(
        _("status"), max_length=16, choices=PurchaseStatus.choices, default=PurchaseStatus.INITIATED, db_index=True
    )
    transaction_url = models.URLField(_("transaction URL"), max_length=2000, blank=True)
    failure_message = models.CharField(_("failure message"), max_length=255, blank=True)
    refunded_amount = models.PositiveIntegerField(_("refunded (halalas)"), default=0)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("purchase")
        verbose_name_plural = _("purchases")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="purchase_amount_positive"),
            models.CheckConstraint(condition=Q(refunded_amount__lte=F("amount")), name="purchase_refund_within_amount"),
        ]

    def __str__(self) -> str:
        return str(self.id)


class InstrumentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    ACTIVE = "active", _("Active")
    REFUNDED = "refunded", _("Refunded")


class PackagePurchase(models.Model):
    """A customer's package: the sessions bought, used, and until when they can be used."""

    purchase = models.OneToOneField(
        Purchase, on_delete=models.PROTECT, related_name="package_purchase", verbose_name=_("purchase")
    )
    package = models.ForeignKey(Package, on_delete=models.PROTECT, related_name="purchases", verbose_name=_("package"))
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="package_purchases", verbose_name=_("customer")
    )
    sessions_total = models.PositiveSmallIntegerField(_("sessions bought"))
    sessions_used = models.PositiveSmallIntegerField(_("sessions used"), default=0)
    price_amount = models.PositiveIntegerField(_("price paid (halalas)"))
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, help_text=_("Set when paid."))
    status = models.CharField(
        _("status"), max_length=16, choices=InstrumentStatus.choices, default=InstrumentStatus.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("package purchase")
        verbose_name_plural = _("package purchases")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(sessions_used__lte=F("sessions_total")), name="package_purchase_sessions_within_total"
            ),
            models.CheckConstraint(condition=Q(sessions_total__gte=1), name="package_purchase_sessions_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.package} ({self.sessions_used}/{self.sessions_total})"

    @property
    def sessions_left(self) -> int:
        return self.sessions_total - self.sessions_used


class GiftCard(models.Model):
    """An amount to spend at one salon, by whoever holds its code, until it expires."""

    purchase = models.OneToOneField(
        Purchase, on_delete=models.PROTECT, related_name="gift_card", verbose_name=_("purchase")
    )
    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="gift_cards", verbose_name=_("salon"))
    code = models.CharField(_("code"), max_length=16, unique=True)
    initial_amount = models.PositiveIntegerField(_("amount (halalas)"))
    balance = models.PositiveIntegerField(_("balance (halalas)"))
    currency = models.CharField(_("currency"), max_length=3)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True, help_text=_("Set when paid."))
    purchaser = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="gift_cards_bought", verbose_name=_("buyer")
    )
    recipient_name = models.CharField(_("recipient's name"), max_length=150, blank=True)
    recipient_phone = models.CharField(_("recipient's mobile number"), max_length=32, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=16, choices=InstrumentStatus.choices, default=InstrumentStatus.PENDING
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("gift card")
        verbose_name_plural = _("gift cards")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(balance__gte=0, balance__lte=F("initial_amount")), name="gift_card_balance_range"
            ),
            models.CheckConstraint(condition=Q(initial_amount__gt=0), name="gift_card_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"…{self.code[-4:]}"


class Redemption(models.Model):
    """One use of a package session or of a card's balance by one booking; `returned_at` when the
    booking was cancelled (or expired unpaid) and the session or the amount went back."""

    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="+", verbose_name=_("booking"))
    package_purchase = models.ForeignKey(
        PackagePurchase,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="redemptions",
        verbose_name=_("package"),
    )
    gift_card = models.ForeignKey(
        GiftCard,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="redemptions",
        verbose_name=_("gift card"),
    )
    amount = models.PositiveIntegerField(_("taken off the price (halalas)"))
    value_amount = models.PositiveIntegerField(
        _("prepaid value used (halalas)"),
        help_text=_("What the customer had paid for this use: moved from prepaid to the salon in the books."),
    )
    returned_at = models.DateTimeField(_("given back at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("redemption")
        verbose_name_plural = _("redemptions")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(package_purchase__isnull=False, gift_card__isnull=True)
                | Q(package_purchase__isnull=True, gift_card__isnull=False),
                name="redemption_one_instrument",
            ),
            models.UniqueConstraint(
                fields=["booking", "package_purchase"],
                condition=Q(package_purchase__isnull=False),
                name="redemption_one_package_per_booking",
            ),
            models.UniqueConstraint(
                fields=["booking", "gift_card"],
                condition=Q(gift_card__isnull=False),
                name="redemption_one_gift_card_per_booking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booking_id}: {self.amount}"
