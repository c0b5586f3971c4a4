"""Halalas to SAR text and the document's totals, reconciled to the halala (`Decimal` only)."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .document import InvoiceInput

HALALA = Decimal("0.01")


def sar(halalas: int) -> str:
    """12345 -> "123.45": SAR with two decimals, from integer halalas through `Decimal`."""
    return str((Decimal(halalas) / 100).quantize(HALALA))


def percent(rate: Decimal) -> str:
    return str(rate.quantize(HALALA))


@dataclass(frozen=True)
class Subtotal:
    vat_rate: Decimal
    taxable: int
    vat: int


@dataclass(frozen=True)
class Totals:
    net: int
    vat: int
    total: int
    subtotals: tuple[Subtotal, ...]


class Unreconciled(ValueError):
    """A rate's VAT is more than one halala away from its taxable amount × rate."""


def totals(document: InvoiceInput) -> Totals:
    """Per rate: taxable = sum of line nets, VAT = sum of line VAT, which must be within one halala
    of taxable × rate rounded half up (BR-CO-17's tolerance); the document: sums of those."""
    rates: dict[Decimal, list[int]] = {}
    for line in document.lines:
        taxable, vat = rates.setdefault(line.vat_rate, [0, 0])
        rates[line.vat_rate] = [taxable + line.net_amount, vat + line.vat]
    subtotals = []
    for rate, (taxable, vat) in sorted(rates.items()):
        expected = int((Decimal(taxable) * rate / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        if abs(expected - vat) > 1:
            raise Unreconciled(f"VAT {vat} at {rate}% of {taxable} should be {expected}")
        subtotals.append(Subtotal(vat_rate=rate, taxable=taxable, vat=vat))
    net = sum(item.taxable for item in subtotals)
    vat = sum(item.vat for item in subtotals)
    return Totals(net=net, vat=vat, total=net + vat, subtotals=tuple(subtotals))
