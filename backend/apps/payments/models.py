"""Payments for bookings, their event log, refunds, idempotency keys, and the fake gateway's state.

The database makes the money rules true: a booking has at most one payment holding money, a
payment at most one refund in flight, a webhook event is recorded once, and an idempotency key is
unique per user.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.bookings.models import Booking


class PaymentStatus(models.TextChoices):
    INITIATED = "initiated", _("Initiated")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Payment failed")
    AUTHORIZED = "authorized", _("Authorized")
    CAPTURED = "captured", _("Captured")
    REFUNDED = "refunded", _("Refunded")
    VOIDED = "voided", _("Voided")
    # Paid at the gateway for a booking another payment had already paid: refunded automatically.
    DUPLICATE = "duplicate", _("Paid twice (refunded automatically)")


# Statuses in which a payment holds the customer's money for its booking (at most one per booking).
HELD_STATUSES = (PaymentStatus.PAID, PaymentStatus.AUTHORIZED, PaymentStatus.CAPTURED)
# Statuses after which the gateway cannot change anything the booking depends on. Not `failed`: we
# also fail a payment on an error or a "not found", and Moyasar may still report it paid later.
FINAL_STATUSES = (PaymentStatus.REFUNDED, PaymentStatus.VOIDED)


class PaymentMethod(models.TextChoices):
    CREDITCARD = "creditcard", _("Card (mada, Visa, Mastercard)")
    APPLEPAY = "applepay", _("Apple Pay")
    STCPAY = "stcpay", _("STC Pay")


class Payment(models.Model):
    id = models.UUIDField(
        _("id"), primary_key=True, default=uuid.uuid4, editable=False, help_text=_("Sent to Moyasar as `given_id`.")
    )
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="payments", verbose_name=_("booking"))
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payments", verbose_name=_("customer")
    )
    provider = models.CharField(_("provider"), max_length=16)
    provider_payment_id = models.CharField(_("Moyasar id"), max_length=64, blank=True, db_index=True)
    amount = models.PositiveIntegerField(_("amount (halalas, VAT included)"))
    currency = models.CharField(_("currency"), max_length=3)
    vat_amount = models.PositiveIntegerField(_("VAT (halalas)"), help_text=_("The 15% VAT included in the amount."))
    status = models.CharField(
        _("status"), max_length=16, choices=PaymentStatus.choices, default=PaymentStatus.INITIATED, db_index=True
    )
    method = models.CharField(_("method"), max_length=16, choices=PaymentMethod.choices)
    card_brand = models.CharField(_("card brand"), max_length=32, blank=True)
    card_last4 = models.CharField(_("card last four digits"), max_length=4, blank=True)
    transaction_url = models.URLField(
        _("transaction URL"), max_length=2000, blank=True, help_text=_("Where the payer completes 3-D Secure or OTP.")
    )
    refunded_amount = models.PositiveIntegerField(_("refunded (halalas)"), default=0)
    failure_message = models.CharField(_("failure message"), max_length=255, blank=True)
    provider_payload = models.JSONField(_("last provider payload"), default=dict, blank=True)
    flagged = models.BooleanField(
        _("flagged"), default=False, help_text=_("The gateway reported something that does not match; check by hand.")
    )
    flag_reason = models.CharField(_("flag reason"), max_length=255, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    next_check_at = models.DateTimeField(
        _("next reconciliation check"),
        null=True,
        blank=True,
        help_text=_("Reconciliation does not look at this payment again before this moment."),
    )
    check_count = models.PositiveIntegerField(_("reconciliation checks"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-created_at"]
        # Reports take money by when it moved (a range of `paid_at`), over years of payments.
        indexes = [models.Index(fields=["paid_at"], name="payment_paid_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["booking"], condition=Q(status__in=HELD_STATUSES), name="payment_one_held_per_booking"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_amount_positive"),
            models.CheckConstraint(condition=Q(refunded_amount__lte=F("amount")), name="payment_refund_within_amount"),
        ]

    def __str__(self) -> str:
        return str(self.id)

    @property
    def refundable_amount(self) -> int:
        return self.amount - self.refunded_amount


class EventSource(models.TextChoices):
    API = "api", _("API")
    WEBHOOK = "webhook", _("Webhook")
    REFRESH = "refresh", _("Return from the payment page")
    RECONCILE = "reconcile", _("Reconciliation")
    REFUND = "refund", _("Refund")
    BOOKING = "booking", _("Booking change")
    ADMIN = "admin", _("Administrator")


class PaymentEvent(models.Model):
    """Every state change of a payment and every webhook delivery, with where it came from."""

    payment = models.ForeignKey(
        Payment,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("payment"),
        help_text=_("Empty for webhook events about no payment of ours."),
    )
    source = models.CharField(_("source"), max_length=16, choices=EventSource.choices)
    kind = models.CharField(_("kind"), max_length=64)
    from_status = models.CharField(_("from status"), max_length=16, blank=True)
    to_status = models.CharField(_("to status"), max_length=16, blank=True)
    provider_event_id = models.CharField(
        _("provider event id"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The webhook event's id: each event is recorded once."),
    )
    claimed_at = models.DateTimeField(
        _("processing started at"), null=True, blank=True, help_text=_("Webhook events: the latest delivery's start.")
    )
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    data = models.JSONField(_("data"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment event")
        verbose_name_plural = _("payment events")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_source_display()})"


class RefundReason(models.TextChoices):
    BOOKING_CANCELLED = "booking_cancelled", _("Booking cancelled")
    SLOT_TAKEN = "slot_taken", _("The time was taken before the payment arrived")
    DUPLICATE_PAYMENT = "duplicate_payment", _("Paid twice")
    ADMIN = "admin", _("Issued by an administrator")


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed (needs an operator)")


class Refund(models.Model):
    id = models.UUIDField(_("id"), primary_key=True, default=uuid.uuid4, editable=False)
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds", verbose_name=_("payment"))
    amount = models.PositiveIntegerField(_("amount (halalas)"))
    reason = models.CharField(_("reason"), max_length=32, choices=RefundReason.choices)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=RefundStatus.choices, default=RefundStatus.PENDING, db_index=True
    )
    refunded_before = models.PositiveIntegerField(
        _("refunded before (halalas)"),
        help_text=_("The payment's refunded amount when this refund was requested; the gateway's must exceed it."),
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"), null=True, blank=True, help_text=_("Empty: as soon as possible.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
        help_text=_("Empty when the system requested it."),
    )
    succeeded_at = models.DateTimeField(_("succeeded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("refund")
        verbose_name_plural = _("refunds")
        ordering = ["-created_at"]
        # Reports take refunds by when they succeeded (a range of `succeeded_at`).
        indexes = [models.Index(fields=["succeeded_at"], name="refund_succeeded_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["payment"], condition=Q(status="pending"), name="refund_one_pending_per_payment"
            ),
            models.CheckConstraint(condition=Q(amount__gt=0), name="refund_amount_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.payment_id}: {self.amount}"


class IdempotencyStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    # Ended without a response after starting something (a payment): a retry with the key continues it.
    INTERRUPTED = "interrupted", _("Interrupted (a retry continues it)")
    COMPLETED = "completed", _("Completed")


class IdempotencyKey(models.Model):
    """A client's `Idempotency-Key` and the response it got, replayed for a repeat of the same request."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    key = models.CharField(_("key"), max_length=255)
    fingerprint = models.CharField(_("request fingerprint"), max_length=64)
    status = models.CharField(_("status"), max_length=16, choices=IdempotencyStatus.choices)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True, blank=True)
    response_body = models.TextField(_("response body"), blank=True)
    resource_id = models.CharField(
        _("started resource"),
        max_length=64,
        blank=True,
        help_text=_("What the request started (a payment's id); a retry after an interruption continues it."),
    )
    locked_at = models.DateTimeField(_("claimed at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique_per_user")]

    def __str__(self) -> str:
        return self.key


class FakeGatewayPayment(models.Model):
    """The fake gateway's own record of a payment (what Moyasar would hold), for development and tests."""

    id = models.UUIDField(_("id"), primary_key=True)
    amount = models.PositiveIntegerField(_("amount (halalas)"))
    currency = models.CharField(_("currency"), max_length=3)
    status = models.CharField(_("status"), max_length=16)
    source_type = models.CharField(_("source type"), max_length=16)
    company = models.CharField(_("card brand"), max_length=32, blank=True)
    number = models.CharField(_("masked number"), max_length=32, blank=True)
    message = models.CharField(_("gateway message"), max_length=255, blank=True)
    refunded = models.PositiveIntegerField(_("refunded (halalas)"), default=0)
    captured = models.PositiveIntegerField(_("captured (halalas)"), default=0)
    manual = models.BooleanField(_("authorize only"), default=False)
    description = models.CharField(_("description"), max_length=255, blank=True)
    callback_url = models.URLField(_("callback URL"), max_length=2000, blank=True)
    metadata = models.JSONField(_("metadata"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("fake gateway payment")
        verbose_name_plural = _("fake gateway payments")

    def __str__(self) -> str:
        return str(self.id)


class HoldAction(models.TextChoices):
    VOID = "void", _("Release (void)")
    CAPTURE = "capture", _("Charge the fee (capture)")


class HoldReason(models.TextChoices):
    VISIT_COMPLETED = "visit_completed", _("The visit was completed")
    CANCELLED = "cancelled", _("Cancelled in time, or by the salon")
    BOOKING_NOT_CONFIRMED = "booking_not_confirmed", _("The booking could not be confirmed")
    NO_SHOW = "no_show", _("No-show")
    LATE_CANCELLATION = "late_cancellation", _("Late cancellation")


class HoldSettlementStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed (needs an operator)")


class HoldSettlement(models.Model):
    """What happens to a card hold (an authorized payment, ADR 0016): released, or charged the fee.
    One per payment (the database says so), so a double click or a second server finds the first."""

    id = models.UUIDField(_("id"), primary_key=True, default=uuid.uuid4, editable=False)
    payment = models.OneToOneField(
        Payment, on_delete=models.PROTECT, related_name="hold_settlement", verbose_name=_("payment")
    )
    action = models.CharField(_("action"), max_length=16, choices=HoldAction.choices)
    reason = models.CharField(_("reason"), max_length=32, choices=HoldReason.choices)
    amount = models.PositiveIntegerField(_("amount to capture (halalas)"), default=0)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=HoldSettlementStatus.choices,
        default=HoldSettlementStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"), null=True, blank=True, help_text=_("Empty: as soon as possible.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    succeeded_at = models.DateTimeField(_("succeeded at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("card hold settlement")
        verbose_name_plural = _("card hold settlements")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action="void", amount=0) | Q(action="capture", amount__gt=0),
                name="hold_settlement_amount_matches_action",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.payment_id}: {self.action}"
