"""Tax invoices, credit notes and receipts, and the sequences that number and chain them.

An issuer (a salon; later also the platform, as deemed supplier: issue 23) has one
`DocumentSequence`: its next counter value (ZATCA's ICV) and the hash of its last document (the
next one's PIH). Issuing locks that row, so numbers run without gaps and the chain never forks,
whatever runs at the same moment. Invoices, credit notes and receipts of an issuer share the
counter; the number people read is the kind's prefix, the issuer's code and the counter:
`INV-12-000001`, `CRN-12-000002`, `RCT-7-000001`.

A document is immutable once issued: the model refuses updates and deletes (and on PostgreSQL a
trigger refuses them too, see migration 0001); a correction is a new document.
"""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.bookings.models import Booking
from apps.payments.models import Payment, Refund
from apps.salons.models import Salon

from .zatca import INITIAL_PREVIOUS_HASH

PLATFORM_CODE = "P"


class DocumentSequence(models.Model):
    """One issuer's counter and hash chain (one e-invoicing unit in ZATCA's phase 2)."""

    salon = models.OneToOneField(
        Salon,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="document_sequence",
        verbose_name=_("salon"),
        help_text=_("Empty for the platform's own sequence (the platform as deemed supplier)."),
    )
    code = models.CharField(
        _("code"), max_length=16, unique=True, help_text=_("The issuer's part of every document number.")
    )
    next_counter = models.PositiveBigIntegerField(_("next counter value"), default=1)
    last_hash = models.CharField(
        _("last document's hash"),
        max_length=128,
        default=INITIAL_PREVIOUS_HASH,
        help_text=_("The previous-document hash of the next document (ZATCA's initial value before the first)."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("document sequence")
        verbose_name_plural = _("document sequences")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(next_counter__gte=1), name="document_sequence_counter_positive"),
            models.CheckConstraint(
                condition=Q(salon__isnull=True, code=PLATFORM_CODE) | (Q(salon__isnull=False) & ~Q(code=PLATFORM_CODE)),
                name="document_sequence_platform_code",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class DocumentKind(models.TextChoices):
    INVOICE = "invoice", _("Simplified tax invoice")
    CREDIT_NOTE = "credit_note", _("Credit note")
    RECEIPT = "receipt", _("Receipt")


SALE_KINDS = (DocumentKind.INVOICE, DocumentKind.RECEIPT)
NUMBER_PREFIXES = {DocumentKind.INVOICE: "INV", DocumentKind.CREDIT_NOTE: "CRN", DocumentKind.RECEIPT: "RCT"}


class ImmutableDocument(Exception):
    """An issued document was about to be changed or deleted."""


class DocumentQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableDocument("Issued documents cannot be changed; issue a new document instead.")

    def delete(self):
        raise ImmutableDocument("Issued documents cannot be deleted; issue a credit note instead.")


class Document(models.Model):
    """A simplified tax invoice (a sale by a seller with a VAT number), a credit note (a refund of
    one, or of a receipt) or a receipt (a sale by a seller without a VAT number: no tax invoice).

    Amounts are integer halalas, VAT included in `total`; a credit note's are positive (what is
    given back). `lines`: `[{"description_ar", "description_en", "quantity", "unit_price_excl_vat",
    "vat_rate", "vat", "total_incl_vat"}]`."""

    uuid = models.UUIDField(_("UUID"), default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=DocumentKind.choices)
    sequence = models.ForeignKey(
        DocumentSequence, on_delete=models.PROTECT, related_name="documents", verbose_name=_("sequence")
    )
    counter = models.PositiveBigIntegerField(_("counter value (ICV)"))
    number = models.CharField(_("number"), max_length=40, unique=True)
    issued_at = models.DateTimeField(_("issued at"), db_index=True)
    salon = models.ForeignKey(Salon, on_delete=models.PROTECT, related_name="documents", verbose_name=_("salon"))
    booking = models.ForeignKey(Booking, on_delete=models.PROTECT, related_name="documents", verbose_name=_("booking"))
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="documents", verbose_name=_("payment"))
    refund = models.ForeignKey(
        Refund,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("refund"),
        help_text=_("The refund a credit note records."),
    )
    original = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="credit_notes",
        verbose_name=_("original document"),
        help_text=_("The invoice or receipt a credit note refers to."),
    )
    seller_name = models.CharField(_("seller's name"), max_length=200)
    seller_vat_number = models.CharField(_("seller's VAT number"), max_length=15, blank=True)
    buyer_name = models.CharField(_("buyer's name"), max_length=300, blank=True)
    currency = models.CharField(_("currency"), max_length=3)
    subtotal = models.PositiveIntegerField(_("total excluding VAT (halalas)"))
    vat_amount = models.PositiveIntegerField(_("VAT (halalas)"))
    total = models.PositiveIntegerField(_("total including VAT (halalas)"))
    vat_rate = models.DecimalField(_("VAT rate (%)"), max_digits=5, decimal_places=2)
    lines = models.JSONField(_("lines"))
    qr = models.TextField(_("QR code payload"), blank=True, help_text=_("Base64 TLV; empty for a receipt."))
    previous_hash = models.CharField(_("previous document's hash (PIH)"), max_length=128)
    hash = models.CharField(_("hash"), max_length=128, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("invoice document")
        verbose_name_plural = _("invoice documents")
        ordering = ["sequence", "counter"]
        indexes = [models.Index(fields=["salon", "issued_at"], name="document_salon_issued")]
        constraints = [
            models.UniqueConstraint(fields=["sequence", "counter"], name="document_counter_unique_per_sequence"),
            models.UniqueConstraint(
                fields=["payment"], condition=Q(kind__in=SALE_KINDS), name="document_one_sale_per_payment"
            ),
            models.UniqueConstraint(fields=["refund"], name="document_one_per_refund"),
            models.CheckConstraint(condition=Q(counter__gte=1), name="document_counter_positive"),
            models.CheckConstraint(condition=Q(total=F("subtotal") + F("vat_amount")), name="document_total_adds_up"),
            models.CheckConstraint(
                condition=(
                    Q(kind=DocumentKind.CREDIT_NOTE, original__isnull=False, refund__isnull=False)
                    | (~Q(kind=DocumentKind.CREDIT_NOTE) & Q(original__isnull=True, refund__isnull=True))
                ),
                name="document_credit_note_refers",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableDocument("Issued documents cannot be changed; issue a new document instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableDocument("Issued documents cannot be deleted; issue a credit note instead.")

    @property
    def is_tax_document(self) -> bool:
        """An invoice or a credit note with the seller's VAT number (a receipt's refund has none)."""
        return bool(self.seller_vat_number)
