"""Issuing documents: the invoice (or receipt) of a payment that paid its booking, the credit note
of a succeeded refund, and the catch-up of whatever is missing.

Each document takes the next counter value of its issuer's sequence under a row lock
(`select_for_update`), inside the transaction that records the money: the payment's capture (from
the `payment_received` reaction) or the refund's success (`refund_issued`). Locks come after the
payment's own (booking, payment, refunds, then the sequence), and the catch-up takes only the
sequence's, so they cannot deadlock. Issuing is idempotent: a payment has at most one invoice or
receipt and a refund at most one credit note (checked under the lock, and unique in the database).

A salon with a VAT number issues simplified tax invoices (seller: its legal name, else its Arabic
name, and its VAT number) with the phase-1 QR code; one without issues receipts (no VAT shown, no
QR). A credit note follows the document it corrects: same issuer and seller, VAT only if that was a
tax invoice, and VAT amounts that add up to the invoice's exactly once everything is refunded.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone

from apps.bookings.models import Booking, BookingItem
from apps.core.money import VAT_RATE_PERCENT, vat_included
from apps.payments.models import Payment, PaymentEvent, PaymentStatus, Refund, RefundStatus
from apps.salons.models import Salon

from .chain import document_hash_of
from .models import NUMBER_PREFIXES, SALE_KINDS, Document, DocumentKind, DocumentSequence
from .zatca import simplified_invoice_qr

logger = logging.getLogger(__name__)

VAT_RATE = Decimal(VAT_RATE_PERCENT).quantize(Decimal("0.01"))
NO_VAT = Decimal("0.00")


def seller_name_of(salon: Salon) -> str:
    """The seller on the salon's documents: its legal name, else its Arabic name."""
    return salon.legal_name.strip() or salon.name_ar


def _sequence_locked(salon: Salon) -> DocumentSequence:
    """The salon's sequence, locked until the transaction ends; created on its first document."""
    sequence = DocumentSequence.objects.select_for_update().filter(salon=salon).first()
    if sequence is None:
        try:
            with transaction.atomic():
                DocumentSequence.objects.create(salon=salon, code=str(salon.pk))
        except IntegrityError:  # another transaction created it meanwhile
            pass
        sequence = DocumentSequence.objects.select_for_update().get(salon=salon)
    return sequence


def _line(*, description_ar: str, description_en: str, total: int, vat: int, rate: Decimal) -> dict:
    return {
        "description_ar": description_ar,
        "description_en": description_en,
        "quantity": 1,
        "unit_price_excl_vat": total - vat,
        "vat_rate": f"{rate:.2f}",
        "vat": vat,
        "total_incl_vat": total,
    }


def _sale_lines(booking: Booking, *, total: int, vat: int, rate: Decimal) -> list[dict]:
    """One line per service of the visit (ADR 0017), in order: `total` and `vat` shared out in
    proportion to the services' prices (a payment may be less than the price), the last line taking
    what rounding leaves so that the lines add up to the document exactly."""
    items = list(BookingItem.objects.filter(booking=booking).select_related("service").order_by("position"))
    if len(items) <= 1:
        service = booking.service
        return [_line(description_ar=service.name_ar, description_en=service.name_en, total=total, vat=vat, rate=rate)]
    prices = sum(item.price_amount for item in items) or 1
    lines, total_left, vat_left = [], total, vat
    for index, item in enumerate(items):
        last = index == len(items) - 1
        line_total = total_left if last else total * item.price_amount // prices
        line_vat = vat_left if last else (vat_included(line_total) if vat else 0)
        total_left, vat_left = total_left - line_total, vat_left - line_vat
        lines.append(
            _line(
                description_ar=item.service.name_ar,
                description_en=item.service.name_en,
                total=line_total,
                vat=line_vat,
                rate=rate,
            )
        )
    return lines


def _issue(
    sequence: DocumentSequence,
    *,
    kind: str,
    booking: Booking,
    payment: Payment,
    seller_name: str,
    seller_vat_number: str,
    total: int,
    vat: int,
    rate: Decimal,
    lines: list[dict],
    now: datetime,
    refund: Refund | None = None,
    original: Document | None = None,
) -> Document:
    """Write the next document of the locked `sequence` and move the sequence on."""
    issued_at = now.replace(microsecond=0)
    counter = sequence.next_counter
    document = Document(
        uuid=uuid.uuid4(),
        kind=kind,
        sequence=sequence,
        counter=counter,
        number=f"{NUMBER_PREFIXES[kind]}-{sequence.code}-{counter:06d}",
        issued_at=issued_at,
        salon_id=booking.salon_id,
        booking=booking,
        payment=payment,
        refund=refund,
        original=original,
        seller_name=seller_name,
        seller_vat_number=seller_vat_number,
        buyer_name=booking.customer.get_full_name(),
        currency=payment.currency,
        subtotal=total - vat,
        vat_amount=vat,
        total=total,
        vat_rate=rate,
        lines=lines,
        qr=(
            simplified_invoice_qr(
                seller_name=seller_name, vat_number=seller_vat_number, issued_at=issued_at, total=total, vat=vat
            )
            if seller_vat_number
            else ""
        ),
        previous_hash=sequence.last_hash,
    )
    document.hash = document_hash_of(document)
    document.save()
    sequence.next_counter = counter + 1
    sequence.last_hash = document.hash
    sequence.save(update_fields=["next_counter", "last_hash", "updated_at"])
    return document


# What a document's line says for money that is not the service's full price (ADR 0016).
DEPOSIT_LABEL = ("عربون", "Deposit")
FEE_LABELS = {
    "no_show": ("رسوم عدم الحضور", "No-show fee"),
    "late_cancellation": ("رسوم الإلغاء المتأخر", "Late cancellation fee"),
}


def _labelled(label: tuple[str, str], service) -> tuple[str, str]:
    arabic, english = label
    return f"{arabic}: {service.name_ar}", f"{english}: {service.name_en}" if service.name_en else english


def invoice_issue_for_payment(
    *, payment_id: uuid.UUID | str, fee: tuple[int, str] | None = None, now: datetime | None = None
) -> Document:
    """The simplified tax invoice (or, for a salon without a VAT number, the receipt) of a payment
    that paid its booking, issued now unless it was already. A deposit's line says so. `fee`: (amount,
    reason) of a fee a card hold was charged, invoiced alone on its own line ("No-show fee: …"); ZATCA
    would call a later fee a debit note, a separate invoice is what we issue (ADR 0016)."""
    now = now or timezone.now()
    with transaction.atomic():
        payment = Payment.objects.select_related("booking__salon", "booking__service", "booking__customer").get(
            pk=payment_id
        )
        booking, salon = payment.booking, payment.booking.salon
        sequence = _sequence_locked(salon)
        existing = Document.objects.filter(payment=payment, kind__in=SALE_KINDS).first()
        if existing is not None:
            return existing
        taxed = bool(salon.vat_number)
        total = payment.amount if fee is None else fee[0]
        vat = vat_included(total) if taxed else 0
        rate = VAT_RATE if taxed else NO_VAT
        if fee is not None:
            labels = _labelled(FEE_LABELS.get(fee[1], FEE_LABELS["no_show"]), booking.service)
        elif payment.amount < booking.price_amount:
            labels = _labelled(DEPOSIT_LABEL, booking.service)
        else:
            labels = None
        if labels is None:
            lines = _sale_lines(booking, total=total, vat=vat, rate=rate)
        else:
            lines = [_line(description_ar=labels[0], description_en=labels[1], total=total, vat=vat, rate=rate)]
        return _issue(
            sequence,
            kind=DocumentKind.INVOICE if taxed else DocumentKind.RECEIPT,
            booking=booking,
            payment=payment,
            seller_name=seller_name_of(salon),
            seller_vat_number=salon.vat_number if taxed else "",
            total=total,
            vat=vat,
            rate=rate,
            lines=lines,
            now=now,
        )


def credit_note_issue_for_refund(*, refund_id: uuid.UUID | str, now: datetime | None = None) -> Document | None:
    """The credit note of a succeeded refund, referring to the payment's invoice or receipt; None
    when the payment has none (a duplicate payment, which sold nothing) or nothing is left to credit."""
    now = now or timezone.now()
    with transaction.atomic():
        refund = Refund.objects.select_related("payment__booking__customer").get(pk=refund_id)
        if refund.status != RefundStatus.SUCCEEDED:
            return None
        original = Document.objects.filter(payment_id=refund.payment_id, kind__in=SALE_KINDS).first()
        if original is None:
            return None
        sequence = DocumentSequence.objects.select_for_update().get(pk=original.sequence_id)
        existing = Document.objects.filter(refund=refund).first()
        if existing is not None:
            return existing
        credited = original.credit_notes.aggregate(total=Sum("total"))["total"] or 0
        amount = min(refund.amount, original.total - credited)
        if amount <= 0:
            logger.error("Refund %s: its invoice %s is already credited in full", refund.pk, original.number)
            return None
        # The VAT of everything credited so far, less that of what was credited before: the notes'
        # VAT adds up to the invoice's exactly once the whole amount is refunded.
        vat = vat_included(credited + amount) - vat_included(credited) if original.is_tax_document else 0
        # One line for the refund, naming what was sold (every service of a visit).
        sold = {
            key: " + ".join(line[key] for line in original.lines if line[key])
            for key in ("description_ar", "description_en")
        }
        return _issue(
            sequence,
            kind=DocumentKind.CREDIT_NOTE,
            booking=refund.payment.booking,
            payment=refund.payment,
            refund=refund,
            original=original,
            seller_name=original.seller_name,
            seller_vat_number=original.seller_vat_number,
            total=amount,
            vat=vat,
            rate=original.vat_rate,
            lines=[
                _line(
                    description_ar=f"استرداد: {sold['description_ar']}",
                    description_en=f"Refund: {sold['description_en']}" if sold["description_en"] else "",
                    total=amount,
                    vat=vat,
                    rate=original.vat_rate,
                )
            ],
            now=now,
        )


# --- Catch-up -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackfillResult:
    invoices: int = 0
    credit_notes: int = 0


def _sold_payments():
    """Payments that paid their booking: money taken (`paid_at`), not as a duplicate of another."""
    duplicate = PaymentEvent.objects.filter(
        payment=OuterRef("pk"), kind="status_changed", to_status=PaymentStatus.DUPLICATE
    )
    return (
        Payment.objects.filter(paid_at__isnull=False).exclude(status=PaymentStatus.DUPLICATE).exclude(Exists(duplicate))
    )


def invoices_backfill(*, now: datetime | None = None) -> BackfillResult:
    """Issue every missing invoice, receipt and credit note (payments that paid their booking,
    succeeded refunds), oldest money movement first, each in its own transaction. Idempotent: run it
    as often as you like (e.g. after an outage, or once after installing invoicing)."""
    now = now or timezone.now()
    sold = Document.objects.filter(payment=OuterRef("pk"), kind__in=SALE_KINDS)
    payments = _sold_payments().exclude(Exists(sold)).values_list("pk", "paid_at")
    credited = Document.objects.filter(refund=OuterRef("pk"))
    refunds = (
        Refund.objects.filter(status=RefundStatus.SUCCEEDED)
        .exclude(Exists(credited))
        .values_list("pk", "succeeded_at", "created_at")
    )
    movements = [(paid_at, 0, "payment", pk) for pk, paid_at in payments]
    movements += [(succeeded_at or created_at, 1, "refund", pk) for pk, succeeded_at, created_at in refunds]
    invoices = credit_notes = 0
    for _when, _order, what, pk in sorted(movements, key=lambda movement: movement[:2]):
        if what == "payment":
            invoice_issue_for_payment(payment_id=pk, now=now)
            invoices += 1
        elif credit_note_issue_for_refund(refund_id=pk, now=now) is not None:
            credit_notes += 1
    return BackfillResult(invoices=invoices, credit_notes=credit_notes)
