"""Fixed inputs for the tests: a seller, a key and certificate made once by the local test CA
(`fixtures/`), and one document of each type."""

from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from uuid import UUID

from cryptography import x509

from apps.zatca.csr import load_private_key
from apps.zatca.document import DocumentType, InvoiceInput, Line, Seller
from apps.zatca.hashing import INITIAL_PREVIOUS_HASH

FIXTURES = Path(__file__).parent / "fixtures"

SELLER = Seller(
    legal_name="صالون الاختبار | Test Salon LLC",
    vat_number="399999999900003",
    cr_number="1010010000",
    building_number="2322",
    street="الامير سلطان | Prince Sultan",
    district="المربع | Al-Murabba",
    city="الرياض | Riyadh",
    postal_code="23333",
)
ISSUED_AT = datetime(2026, 3, 10, 8, 5, 0, tzinfo=UTC)


@cache
def unit_key():
    return load_private_key((FIXTURES / "unit_key.pem").read_text())


@cache
def unit_certificate() -> x509.Certificate:
    return x509.load_pem_x509_certificate((FIXTURES / "unit_certificate.pem").read_bytes())


def invoice(**changes) -> InvoiceInput:
    fields = {
        "type": DocumentType.INVOICE,
        "number": "INV-S1-000001",
        "uuid": UUID("3cf5ee18-ee25-44ea-a444-2c37ba7f28be"),
        "counter": 1,
        "previous_hash": INITIAL_PREVIOUS_HASH,
        "issued_at": ISSUED_AT,
        "seller": SELLER,
        "buyer_name": "نورة",
        "lines": (
            Line(name="قص شعر | Haircut", quantity=1, unit_price=10000),
            Line(name="سشوار | Blow-dry", quantity=2, unit_price=3333, vat_rate=Decimal("15.00")),
        ),
    }
    return InvoiceInput(**{**fields, **changes})


def credit_note(**changes) -> InvoiceInput:
    fields = {
        "type": DocumentType.CREDIT_NOTE,
        "number": "CRN-S1-000002",
        "uuid": UUID("6f1c2a9e-54b1-4d57-9a3c-0b8a3d6f1e21"),
        "counter": 2,
        "billing_reference": "INV-S1-000001",
        "reason": "Booking cancelled and refunded | إلغاء الحجز واسترداد المبلغ",
        "lines": (Line.from_inclusive(name="قص شعر | Haircut", total=11500, vat=1500),),
    }
    return invoice(**{**fields, **changes})


def debit_note(**changes) -> InvoiceInput:
    fields = {
        "type": DocumentType.DEBIT_NOTE,
        "number": "DBN-S1-000003",
        "uuid": UUID("0b7a1f0c-3d8e-4b8a-8f7e-2a9c5d4e3f10"),
        "counter": 3,
        "billing_reference": "INV-S1-000001",
        "reason": "No-show fee | رسوم عدم الحضور",
        "lines": (Line.from_inclusive(name="رسوم عدم الحضور | No-show fee", total=5000, vat=652),),
    }
    return invoice(**{**fields, **changes})
