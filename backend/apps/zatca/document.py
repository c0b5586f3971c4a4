"""The input of one ZATCA document: plain frozen dataclasses, no Django.

Amounts are integer halalas. A line's net amount (VAT excluded) is what the seller charges; its VAT is
the net times the rate, rounded half up to the halala (the standard's rule for a line, BR-KSA-50 and
BR-KSA-51: `RoundingAmount` = net + VAT). The document's VAT per rate is the sum of its lines' VAT
(`amounts.py` checks it against taxable × rate within the standard's one-halala tolerance)."""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from uuid import UUID


class DocumentType(StrEnum):
    """`cbc:InvoiceTypeCode`: simplified tax invoice, credit note, debit note."""

    INVOICE = "388"
    CREDIT_NOTE = "381"
    DEBIT_NOTE = "383"


@dataclass(frozen=True)
class Seller:
    legal_name: str
    vat_number: str
    cr_number: str
    building_number: str
    street: str
    district: str
    city: str
    postal_code: str


@dataclass(frozen=True)
class Line:
    """One line: `quantity` × `unit_price` (halalas, VAT excluded) at `vat_rate` percent."""

    name: str
    quantity: int
    unit_price: int
    vat_rate: Decimal = Decimal("15.00")
    vat_amount: int | None = field(default=None)

    @property
    def net_amount(self) -> int:
        return self.quantity * self.unit_price

    @property
    def vat(self) -> int:
        """The given VAT, else the net × rate rounded half up to the halala."""
        if self.vat_amount is not None:
            return self.vat_amount
        return int((Decimal(self.net_amount) * self.vat_rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    @property
    def total(self) -> int:
        return self.net_amount + self.vat

    @classmethod
    def from_inclusive(cls, *, name: str, total: int, vat: int, vat_rate: Decimal = Decimal("15.00")) -> "Line":
        """A single-unit line from a VAT-inclusive amount already split (as `invoicing` stores it)."""
        return cls(name=name, quantity=1, unit_price=total - vat, vat_rate=vat_rate, vat_amount=vat)


@dataclass(frozen=True)
class InvoiceInput:
    """One document to build. `number` is the seller's document number (`cbc:ID`), `counter` the
    unit's invoice counter value (ICV), `previous_hash` the unit's last document hash (PIH).
    Credit and debit notes name the original invoice's number in `billing_reference` and say why in
    `reason`. `issued_at` is aware; the document shows it on the seller's wall clock (`timezone`)."""

    type: DocumentType
    number: str
    uuid: UUID
    counter: int
    previous_hash: str
    issued_at: datetime
    seller: Seller
    lines: tuple[Line, ...]
    buyer_name: str = ""
    billing_reference: str = ""
    reason: str = ""
    timezone: str = "Asia/Riyadh"

    def __post_init__(self):
        if self.issued_at.tzinfo is None:
            raise ValueError("issued_at must be aware")
        if not self.lines:
            raise ValueError("a document needs at least one line")
        if self.counter < 1:
            raise ValueError("the counter starts at 1")
        if self.type != DocumentType.INVOICE and not (self.billing_reference and self.reason):
            raise ValueError("a credit or debit note needs the original invoice's number and a reason")
