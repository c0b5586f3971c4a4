"""The compliance checks' sample documents: one simplified invoice, credit note and debit note, chained
from the initial hash, as ZATCA asks of a unit that will issue those three types."""

import uuid
from datetime import datetime

from .document import DocumentType, InvoiceInput, Line, Seller
from .hashing import INITIAL_PREVIOUS_HASH

SAMPLE_LINE = Line(name="خدمة تجريبية | Compliance sample", quantity=1, unit_price=10000)


def compliance_samples(*, seller: Seller, now: datetime, prefix: str) -> list[InvoiceInput]:
    """The three documents, not yet chained (their PIH is set as each is signed)."""
    common = {"seller": seller, "issued_at": now, "lines": (SAMPLE_LINE,), "previous_hash": INITIAL_PREVIOUS_HASH}
    invoice_number = f"{prefix}-CMP-1"
    return [
        InvoiceInput(type=DocumentType.INVOICE, number=invoice_number, uuid=uuid.uuid4(), counter=1, **common),
        InvoiceInput(
            type=DocumentType.CREDIT_NOTE,
            number=f"{prefix}-CMP-2",
            uuid=uuid.uuid4(),
            counter=2,
            billing_reference=invoice_number,
            reason="Compliance check: refund | فحص الامتثال: استرداد",
            **common,
        ),
        InvoiceInput(
            type=DocumentType.DEBIT_NOTE,
            number=f"{prefix}-CMP-3",
            uuid=uuid.uuid4(),
            counter=3,
            billing_reference=invoice_number,
            reason="Compliance check: additional fee | فحص الامتثال: رسوم إضافية",
            **common,
        ),
    ]
