"""Reads of documents: a customer's invoice of their booking (with its credit notes), a salon's
documents over a period, one of them."""

from datetime import datetime

from django.db.models import Prefetch, QuerySet

from apps.salons.models import Salon

from .errors import DocumentNotFound, InvoiceNotFound
from .models import SALE_KINDS, Document

_RELATED = ("booking", "salon", "original")


def booking_invoice_get(*, user, booking_id: int) -> Document:
    """The invoice (or receipt) of `user`'s booking paid online, its credit notes prefetched in order.
    Anyone else's booking, or a booking not paid online, has none (404)."""
    invoice = (
        Document.objects.filter(booking_id=booking_id, booking__customer_id=user.pk, kind__in=SALE_KINDS)
        .select_related(*_RELATED)
        .prefetch_related(Prefetch("credit_notes", queryset=Document.objects.order_by("counter")))
        .order_by("-counter")
        .first()
    )
    if invoice is None:
        raise InvoiceNotFound()
    return invoice


def salon_document_list(
    *, salon: Salon, start: datetime | None = None, end: datetime | None = None, kind: str | None = None
) -> QuerySet[Document]:
    """The salon's documents issued in [start, end) (either end open), of one kind if given, latest first."""
    documents = Document.objects.filter(salon=salon).select_related(*_RELATED)
    if start is not None:
        documents = documents.filter(issued_at__gte=start)
    if end is not None:
        documents = documents.filter(issued_at__lt=end)
    if kind:
        documents = documents.filter(kind=kind)
    return documents.order_by("-issued_at", "-counter")


def salon_document_get(*, salon: Salon, document_id: int) -> Document:
    document = Document.objects.filter(salon=salon, pk=document_id).select_related(*_RELATED).first()
    if document is None:
        raise DocumentNotFound()
    return document


def salon_vat_number_missing(salon: Salon) -> bool:
    """Whether the salon issues receipts instead of tax invoices: it has no VAT number."""
    return not salon.vat_number
