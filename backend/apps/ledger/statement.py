"""A salon's statement in words and in files: each entry described in the reader's language, and the
statement's rows for the shared CSV and Excel writers (`apps/core/exports.py`: opening and closing
balances in bold, a totals row of the amounts) and for its PDF (`statement_pdf.py`)."""

from collections.abc import Iterator
from decimal import Decimal

from django.utils.translation import gettext, pgettext_lazy

from apps.core.exports import DATETIME, MONEY, Column, Emphasized, Export, Money
from apps.core.formatting import format_percent
from apps.core.i18n import current_language
from apps.core.money import VAT_RATE_PERCENT

from .models import Cause, EntryKind, LedgerEntry
from .selectors import Statement


def entry_description(entry: LedgerEntry) -> str:
    """What an entry of the salon's statement is, in the active language (its rates written as the SPA
    writes them: "١٠٪" in Arabic)."""
    txn = entry.transaction
    booking = txn.booking.reference if txn.booking_id else ""
    payout = txn.payout.reference if txn.payout_id else ""
    if txn.cause == Cause.CORRECTION:
        return gettext("Correction of an earlier entry")
    rate = txn.data.get("rate_bps")
    texts = {
        EntryKind.PAYMENT_CAPTURED: gettext("Payment for booking %(booking)s"),
        EntryKind.COMMISSION: (
            gettext("Platform commission (%(rate)s) on booking %(booking)s")
            if rate is not None
            else gettext("Platform commission on booking %(booking)s")
        ),
        EntryKind.COMMISSION_VAT: gettext("VAT (%(vat_rate)s) on the commission on booking %(booking)s"),
        EntryKind.REFUND: gettext("Refund to the customer of booking %(booking)s"),
        EntryKind.COMMISSION_REVERSAL: gettext("Commission returned with the refund of booking %(booking)s"),
        EntryKind.COMMISSION_VAT_REVERSAL: gettext(
            "VAT on the commission returned with the refund of booking %(booking)s"
        ),
        EntryKind.PAYOUT: gettext("Payout %(payout)s to the salon's bank account"),
        EntryKind.PAYOUT_RETURNED: gettext("Payout %(payout)s returned by the bank"),
    }
    text = texts.get(entry.kind, str(EntryKind(entry.kind).label) if entry.kind in EntryKind.values else entry.kind)
    language = current_language()
    return text % {
        "booking": booking,
        "payout": payout,
        "rate": format_percent(Decimal(rate or 0) / 100, language=language),
        "vat_rate": format_percent(VAT_RATE_PERCENT, language=language),
    }


COLUMNS = (
    Column(pgettext_lazy("statement column", "Date"), DATETIME),
    Column(pgettext_lazy("statement column", "Kind")),
    Column(pgettext_lazy("statement column", "Description")),
    Column(pgettext_lazy("statement column", "Booking")),
    Column(pgettext_lazy("statement column", "Payout")),
    Column(pgettext_lazy("statement column", "Amount (SAR)"), MONEY),
    Column(pgettext_lazy("statement column", "Balance (SAR)"), MONEY, totalled=False),
)


def _kind_label(kind: str) -> str:
    return str(EntryKind(kind).label) if kind in EntryKind.values else kind


def statement_rows(statement: Statement) -> Iterator[tuple]:
    """(when, kind, description, booking, payout, amount or None, balance) per line, between the
    opening and the closing balance (in bold)."""
    yield Emphasized((None, "", gettext("Opening balance"), "", "", None, Money(statement.opening_balance)))
    for line in statement.lines:
        txn = line.entry.transaction
        yield (
            txn.occurred_at,
            _kind_label(line.entry.kind),
            entry_description(line.entry),
            txn.booking.reference if txn.booking_id else "",
            txn.payout.reference if txn.payout_id else "",
            Money(line.amount),
            Money(line.balance_after),
        )
    yield Emphasized((None, "", gettext("Closing balance"), "", "", None, Money(statement.closing_balance)))


def statement_export(statement: Statement) -> Export:
    """The statement for the shared writers (`apps/core/exports.py`): CSV or Excel."""
    return Export(name="statement", columns=COLUMNS, rows=statement_rows(statement))
