"""The platform's books: double-entry accounts, transactions and entries in integer halalas (SAR), and
what paying salons out needs (their payout accounts, commission rates, payout batches and payouts).

A transaction's entries sum to zero (an entry's amount is signed: a debit is positive, a credit
negative). Transactions and entries are append-only: the model refuses to change or delete them
(and a queryset refuses `update` and `delete`); on PostgreSQL triggers refuse UPDATE and DELETE too,
and a deferred trigger checks at commit that every transaction balances (migration 0002). A mistake
is corrected by a reversing transaction. Each transaction has a unique `key` derived from its cause
(`payment:<id>:captured`, `refund:<id>:succeeded`, `payout:<id>:sent`, …), so a cause is posted once
however often it is heard. The posting scheme is in `docs/adr/0007-ledger.md`.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import Exact
from django.utils.translation import gettext_lazy as _

from apps.bookings.models import Booking
from apps.payments.models import Payment, Refund
from apps.salons.models import Salon


class LedgerIsAppendOnly(RuntimeError):
    """Ledger transactions and entries are never changed or deleted: post a reversing transaction."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerIsAppendOnly("Ledger rows are never updated.")

    def delete(self):
        raise LedgerIsAppendOnly("Ledger rows are never deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise LedgerIsAppendOnly("Ledger rows are never updated.")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerIsAppendOnly("Ledger rows are never updated.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerIsAppendOnly("Ledger rows are never deleted.")


class AccountKind(models.TextChoices):
    PLATFORM_CASH = "platform_cash", _("Platform cash at the gateway")
    SALON_PAYABLE = "salon_payable", _("Payable to the salon")
    COMMISSION_REVENUE = "commission_revenue", _("Commission revenue")
    COMMISSION_VAT = "commission_vat", _("VAT on commission")
    REFUNDS_CLEARING = "refunds_clearing", _("Refunds clearing")
    PAYOUTS_IN_TRANSIT = "payouts_in_transit", _("Payouts in transit")
    # Packages and gift cards paid and not used yet (deferred revenue; ADR 0018).
    CUSTOMER_PREPAID = "customer_prepaid", _("Prepaid by customers (packages, gift cards)")


class LedgerAccount(models.Model):
    """One account of the books: the platform's own (no salon) or a salon's payable balance."""

    kind = models.CharField(_("kind"), max_length=32, choices=AccountKind.choices)
    salon = models.ForeignKey(
        Salon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_accounts",
        verbose_name=_("salon"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger account")
        verbose_name_plural = _("ledger accounts")
        ordering = ["kind", "salon_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "salon"], condition=Q(salon__isnull=False), name="ledger_account_one_per_salon"
            ),
            models.UniqueConstraint(
                fields=["kind"], condition=Q(salon__isnull=True), name="ledger_account_one_platform"
            ),
            models.CheckConstraint(
                condition=Q(kind=AccountKind.SALON_PAYABLE, salon__isnull=False)
                | (~Q(kind=AccountKind.SALON_PAYABLE) & Q(salon__isnull=True)),
                name="ledger_account_salon_only_for_payables",
            ),
        ]

    def __str__(self) -> str:
        label = self.get_kind_display()
        return f"{label}: {self.salon}" if self.salon_id else str(label)


class Cause(models.TextChoices):
    PAYMENT_CAPTURED = "payment_captured", _("Payment captured")
    COMMISSION_CHARGED = "commission_charged", _("Commission charged")
    REFUND_SUCCEEDED = "refund_succeeded", _("Refund succeeded")
    COMMISSION_REVERSED = "commission_reversed", _("Commission reversed on a refund")
    DUPLICATE_RECEIVED = "duplicate_received", _("Duplicate payment received")
    DUPLICATE_REFUNDED = "duplicate_refunded", _("Duplicate payment refunded")
    PAYOUT_CREATED = "payout_created", _("Payout created")
    PAYOUT_SENT = "payout_sent", _("Payout sent")
    PAYOUT_RETURNED = "payout_returned", _("Payout returned")
    NO_SHOW_FEE_CAPTURED = "no_show_fee_captured", _("No-show or late-cancellation fee captured")
    CORRECTION = "correction", _("Correction (reversal)")
    PREPAID_SOLD = "prepaid_sold", _("Package or gift card sold")
    PREPAID_REDEEMED = "prepaid_redeemed", _("Package session or gift card used")
    PREPAID_REFUNDED = "prepaid_refunded", _("Package or gift card refunded")


class EntryKind(models.TextChoices):
    """What an entry is, as a salon's statement names it (the last three touch no salon)."""

    PAYMENT_CAPTURED = "payment_captured", _("Payment")
    COMMISSION = "commission", _("Commission")
    COMMISSION_VAT = "commission_vat", _("VAT on commission")
    REFUND = "refund", _("Refund")
    COMMISSION_REVERSAL = "commission_reversal", _("Commission returned")
    COMMISSION_VAT_REVERSAL = "commission_vat_reversal", _("VAT on commission returned")
    NO_SHOW_FEE = "no_show_fee", _("No-show or late-cancellation fee")
    PAYOUT = "payout", _("Payout")
    PAYOUT_RETURNED = "payout_returned", _("Payout returned")
    PAYOUT_SENT = "payout_sent", _("Payout sent")
    DUPLICATE_PAYMENT = "duplicate_payment", _("Duplicate payment")
    DUPLICATE_REFUND = "duplicate_refund", _("Duplicate payment refunded")
    PREPAID_SALE = "prepaid_sale", _("Package or gift card sold")
    PREPAID_REDEEMED = "prepaid_redeemed", _("Package session or gift card used")
    PREPAID_REFUND = "prepaid_refund", _("Package or gift card refunded")


class LedgerTransaction(AppendOnlyModel):
    key = models.CharField(
        _("key"), max_length=120, unique=True, help_text=_("Derived from the cause: a cause is posted once.")
    )
    cause = models.CharField(_("cause"), max_length=32, choices=Cause.choices)
    occurred_at = models.DateTimeField(_("occurred at"), db_index=True, help_text=_("When the cause happened."))
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)
    salon = models.ForeignKey(
        Salon, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("salon")
    )
    booking = models.ForeignKey(
        Booking, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("booking")
    )
    payment = models.ForeignKey(
        Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("payment")
    )
    refund = models.ForeignKey(
        Refund, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("refund")
    )
    payout = models.ForeignKey(
        "Payout", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("payout")
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("reverses"),
    )
    data = models.JSONField(_("data"), default=dict, blank=True, help_text=_("E.g. the commission rate applied."))

    class Meta:
        verbose_name = _("ledger transaction")
        verbose_name_plural = _("ledger transactions")
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["salon", "occurred_at"])]

    def __str__(self) -> str:
        return self.key


class LedgerEntry(AppendOnlyModel):
    transaction = models.ForeignKey(
        LedgerTransaction, on_delete=models.PROTECT, related_name="entries", verbose_name=_("transaction")
    )
    account = models.ForeignKey(
        LedgerAccount, on_delete=models.PROTECT, related_name="entries", verbose_name=_("account")
    )
    amount = models.BigIntegerField(_("amount (halalas)"), help_text=_("A debit is positive, a credit negative."))
    kind = models.CharField(_("kind"), max_length=32, choices=EntryKind.choices)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["transaction_id", "id"]
        constraints = [models.CheckConstraint(condition=~Q(amount=0), name="ledger_entry_amount_not_zero")]

    def __str__(self) -> str:
        return f"{self.account}: {self.amount}"


# --- Salons' terms and payout accounts ---------------------------------------------------------------


class SalonCommission(models.Model):
    """A salon's own commission rate, instead of the platform's `PLATFORM_COMMISSION_RATE_BPS`."""

    salon = models.OneToOneField(Salon, on_delete=models.CASCADE, related_name="commission", verbose_name=_("salon"))
    rate_bps = models.PositiveIntegerField(
        _("commission rate (basis points)"),
        validators=[MaxValueValidator(10_000)],
        help_text=_("1000 = 10%. Applies to payments received from now on."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("salon commission rate")
        verbose_name_plural = _("salon commission rates")
        constraints = [models.CheckConstraint(condition=Q(rate_bps__lte=10_000), name="salon_commission_rate_range")]

    def __str__(self) -> str:
        return f"{self.salon}: {self.rate_bps / 100:g}%"


class SalonPayoutAccount(models.Model):
    """Where the salon's money goes: its IBAN (a Saudi IBAN, validated and stored compact)."""

    salon = models.OneToOneField(
        Salon, on_delete=models.PROTECT, related_name="payout_account", verbose_name=_("salon")
    )
    iban = models.CharField(_("IBAN"), max_length=24)
    iban_changed_at = models.DateTimeField(_("IBAN changed at"))
    iban_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("IBAN changed by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("salon payout account")
        verbose_name_plural = _("salon payout accounts")
        constraints = [
            models.CheckConstraint(
                condition=Q(Exact(Length("iban"), 24), iban__startswith="SA"), name="salon_payout_account_saudi_iban"
            )
        ]

    def __str__(self) -> str:
        return str(self.salon)


# --- Payouts -------------------------------------------------------------------------------------------


class PayoutBatch(models.Model):
    """One run of `create_payouts` (or its admin action): the payouts to send to the bank together."""

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    minimum_amount = models.PositiveBigIntegerField(_("minimum payout (halalas)"))

    class Meta:
        verbose_name = _("payout batch")
        verbose_name_plural = _("payout batches")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"PB-{self.pk:06d}" if self.pk else "PB-?"


class PayoutStatus(models.TextChoices):
    CREATED = "created", _("Created (to send)")
    SENT = "sent", _("Sent")
    RETURNED = "returned", _("Returned")


class Payout(models.Model):
    batch = models.ForeignKey(
        PayoutBatch,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="payouts",
        verbose_name=_("batch"),
    )
    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="payouts", verbose_name=_("salon"))
    amount = models.PositiveBigIntegerField(_("amount (halalas)"))
    currency = models.CharField(_("currency"), max_length=3, default="SAR")
    iban = models.CharField(_("IBAN"), max_length=24, help_text=_("The salon's IBAN when the payout was created."))
    beneficiary_name = models.CharField(_("beneficiary"), max_length=200)
    status = models.CharField(
        _("status"), max_length=16, choices=PayoutStatus.choices, default=PayoutStatus.CREATED, db_index=True
    )
    bank_reference = models.CharField(_("bank reference"), max_length=64, blank=True)
    return_reference = models.CharField(_("return reference"), max_length=64, blank=True)
    return_reason = models.CharField(_("return reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked sent by"),
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked returned by"),
    )

    class Meta:
        verbose_name = _("payout")
        verbose_name_plural = _("payouts")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payout_amount_positive"),
            # One payout waiting to be sent per salon: a second run cannot pay the same money twice.
            models.UniqueConstraint(
                fields=["salon"], condition=Q(status=PayoutStatus.CREATED), name="payout_one_created_per_salon"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"PO-{self.pk:06d}" if self.pk else "PO-?"
