"""A salon's documents as a spreadsheet (the shared writers of `core.exports`): one row per invoice,
credit note or receipt issued in a range of days, in the order they were numbered. A credit note's
amounts are negative, so that the totals row is what the salon kept."""

from collections.abc import Iterator
from datetime import datetime

from django.utils.translation import pgettext_lazy

from apps.core.exports import DATETIME, MONEY, Column, Export, Money
from apps.salons.models import Salon

from .models import DocumentKind
from .selectors import salon_document_list

CHUNK_SIZE = 2000


def documents_export(*, salon: Salon, start: datetime, end: datetime, kind: str | None = None) -> Export:
    columns = (
        Column(pgettext_lazy("export column", "Number")),
        Column(pgettext_lazy("export column", "Kind")),
        Column(pgettext_lazy("export column", "Issued at"), DATETIME),
        Column(pgettext_lazy("export column", "Booking")),
        Column(pgettext_lazy("export column", "Customer")),
        Column(pgettext_lazy("export column", "Refers to")),
        Column(pgettext_lazy("export column", "Excl. VAT (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "VAT (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "Total (SAR)"), MONEY),
        Column(pgettext_lazy("export column", "UUID")),
    )
    documents = salon_document_list(salon=salon, start=start, end=end, kind=kind).order_by("sequence_id", "counter")
    labels = dict(DocumentKind.choices)

    def rows() -> Iterator[tuple]:
        for document in documents.iterator(chunk_size=CHUNK_SIZE):
            sign = -1 if document.kind == DocumentKind.CREDIT_NOTE else 1
            yield (
                document.number,
                str(labels[document.kind]),
                document.issued_at,
                document.booking.reference,
                document.buyer_name,
                document.original.number if document.original_id else "",
                Money(sign * document.subtotal),
                Money(sign * document.vat_amount),
                Money(sign * document.total),
                str(document.uuid),
            )

    return Export("invoices", columns, rows())
