"""A salon's statement in words and in files: each entry described in the reader's language, and the
statement as CSV (UTF-8 with a byte order mark, streamed) or Excel (typed cells, opening and closing
balances, a totals row), like the reports' exports (`apps/reports/exports.py`)."""

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext, pgettext_lazy

from apps.core.money import major_units

from .models import Cause, EntryKind, LedgerEntry
from .selectors import Statement, StatementLine

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def entry_description(entry: LedgerEntry) -> str:
    """What an entry of the salon's statement is, in the active language."""
    txn = entry.transaction
    booking = txn.booking.reference if txn.booking_id else ""
    payout = txn.payout.reference if txn.payout_id else ""
    if txn.cause == Cause.CORRECTION:
        return gettext("Correction of an earlier entry")
    rate = txn.data.get("rate_bps")
    texts = {
        EntryKind.PAYMENT_CAPTURED: gettext("Payment for booking %(booking)s"),
        EntryKind.COMMISSION: (
            gettext("Platform commission (%(rate)s%%) on booking %(booking)s")
            if rate is not None
            else gettext("Platform commission on booking %(booking)s")
        ),
        EntryKind.COMMISSION_VAT: gettext("VAT (15%%) on the commission on booking %(booking)s"),
        EntryKind.REFUND: gettext("Refund to the customer of booking %(booking)s"),
        EntryKind.COMMISSION_REVERSAL: gettext("Commission returned with the refund of booking %(booking)s"),
        EntryKind.COMMISSION_VAT_REVERSAL: gettext(
            "VAT on the commission returned with the refund of booking %(booking)s"
        ),
        EntryKind.PAYOUT: gettext("Payout %(payout)s to the salon's bank account"),
        EntryKind.PAYOUT_RETURNED: gettext("Payout %(payout)s returned by the bank"),
    }
    text = texts.get(entry.kind, str(EntryKind(entry.kind).label) if entry.kind in EntryKind.values else entry.kind)
    return text % {"booking": booking, "payout": payout, "rate": f"{(rate or 0) / 100:g}"}


def _columns() -> list[str]:
    return [
        str(pgettext_lazy("statement column", "Date")),
        str(pgettext_lazy("statement column", "Kind")),
        str(pgettext_lazy("statement column", "Description")),
        str(pgettext_lazy("statement column", "Booking")),
        str(pgettext_lazy("statement column", "Payout")),
        str(pgettext_lazy("statement column", "Amount (SAR)")),
        str(pgettext_lazy("statement column", "Balance (SAR)")),
    ]


def _kind_label(kind: str) -> str:
    return str(EntryKind(kind).label) if kind in EntryKind.values else kind


def _rows(statement: Statement, tz) -> Iterator[tuple]:
    """(date, kind, description, booking, payout, amount or None, balance) per line, between the
    opening and the closing balance."""
    yield (None, "", gettext("Opening balance"), "", "", None, statement.opening_balance)
    for line in statement.lines:
        yield _line_row(line, tz)
    yield (None, "", gettext("Closing balance"), "", "", None, statement.closing_balance)


def _line_row(line: StatementLine, tz) -> tuple:
    txn = line.entry.transaction
    return (
        txn.occurred_at.astimezone(tz),
        _kind_label(line.entry.kind),
        entry_description(line.entry),
        txn.booking.reference if txn.booking_id else "",
        txn.payout.reference if txn.payout_id else "",
        line.amount,
        line.balance_after,
    )


def _text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


class _Line:
    def write(self, text: str) -> str:
        return text


def statement_csv_chunks(statement: Statement, *, tz) -> Iterator[bytes]:
    """The statement as UTF-8 CSV with a BOM (so that Excel reads Arabic), one chunk per line."""
    writer = csv.writer(_Line(), quoting=csv.QUOTE_MINIMAL)
    yield "\ufeff".encode() + writer.writerow(_columns()).encode()
    for when, kind, description, booking, payout, amount, balance in _rows(statement, tz):
        yield writer.writerow(
            [
                when.strftime("%Y-%m-%d %H:%M") if when else "",
                _text(kind),
                _text(description),
                booking,
                payout,
                "" if amount is None else _signed(amount),
                _signed(balance),
            ]
        ).encode()


def _signed(halalas: int) -> str:
    return major_units(halalas) if halalas >= 0 else "-" + major_units(-halalas)


def statement_xlsx_bytes(statement: Statement, *, tz, right_to_left: bool) -> bytes:
    """The statement as an Excel workbook: typed cells, the opening and closing balances, a totals row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="statement")
    sheet.sheet_view.rightToLeft = right_to_left
    bold = Font(bold=True)

    def cell(value, *, money=False, when=False, font=None):
        result = WriteOnlyCell(sheet, value=value)
        if money and value is not None:
            result.value = int(value) / 100
            result.number_format = "#,##0.00"
        elif when and value is not None:
            result.value = value.replace(tzinfo=None)
            result.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, str):
            result.value = _text(value)
        if font is not None:
            result.font = font
        return result

    sheet.append([cell(header, font=bold) for header in _columns()])
    total = 0
    rows = list(_rows(statement, tz))
    for index, (when, kind, description, booking, payout, amount, balance) in enumerate(rows):
        edge = bold if index in (0, len(rows) - 1) else None
        sheet.append(
            [
                cell(when, when=True),
                cell(kind),
                cell(description, font=edge),
                cell(booking),
                cell(payout),
                cell(amount, money=True),
                cell(balance, money=True, font=edge),
            ]
        )
        total += amount or 0
    sheet.append(
        [
            cell(gettext("Total"), font=bold),
            *[cell(None) for _ in range(4)],
            cell(total, money=True, font=bold),
            cell(None),
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
