"""Spreadsheet exports shared by the apps that offer them (reports, invoicing, the ledger): a typed
description of the rows, and the CSV and Excel writers. Rows are streamed from their source (e.g.
`.iterator()` querysets), never held in memory as a whole.

A row is a tuple (or an `Emphasized` one, in bold in Excel) of typed values: `str`, `int` (a count), `Money` (halalas), an aware `datetime`
(written in the time zone given to the writer) or `None`. Writers turn them into cells: CSV is UTF-8
with a byte order mark (so that Excel reads Arabic), Excel has typed cells and a totals row; a text
that a spreadsheet would run as a formula is neutralised.

Numbers here are the one exception to the convention of `apps.core.formatting` (Arabic-Indic digits and
"ر.س." in Arabic): an export is read by a spreadsheet before a person, and a spreadsheet must be able to
sum a column and sort by date, whatever the reader's language. So money is a number (Excel: a numeric cell
formatted `#,##0.00`; CSV: "1234.50", Western digits, no grouping, no currency, which the header names),
counts are integers, and dates are real date cells (Excel) or ISO "YYYY-MM-DD HH:MM" in the salon's time
zone (CSV). Only a text cell that says a number inside words (a statement entry's "عمولة المنصة (١٠٪)")
is written with `apps.core.formatting`, by whoever builds the row.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from .money import major_units

TEXT, PHONE, COUNT, MONEY, DATETIME = "text", "phone", "count", "money", "datetime"
E164 = re.compile(r"\+[0-9]{8,15}")


class Money(int):
    """An amount in halalas."""


@dataclass(frozen=True)
class Column:
    header: str | Promise
    kind: str = TEXT
    totalled: bool = True  # a money or count column summed in Excel's totals row (not e.g. a running balance)


class Emphasized(tuple):
    """A row that Excel writes in bold (e.g. a statement's opening and closing balances)."""


@dataclass(frozen=True)
class Export:
    name: str
    columns: tuple[Column, ...]
    rows: Iterable[tuple]


# --- Writers --------------------------------------------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralized(text: str) -> str:
    """A text a spreadsheet will not run as a formula: one starting with `=`, `+`, `-`, `@` (or a tab
    or carriage return) gets a leading `'`."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _text(value, kind: str) -> str:
    """A text cell: a phone number (E.164, a `+` and digits) as is, anything else neutralised."""
    text = str(value)
    return text if kind == PHONE and E164.fullmatch(text) else neutralized(text)


def _csv_cell(value, kind: str, tz: ZoneInfo) -> str:
    if value is None:
        return ""
    if isinstance(value, Money):
        return major_units(value)
    if isinstance(value, datetime):
        return value.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, int):
        return str(value)
    return _text(value, kind)


class _Line:
    """A file-like object that hands back what the csv writer wrote."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(export: Export, *, tz: ZoneInfo) -> Iterator[bytes]:
    """The export as UTF-8 CSV with a BOM (so that Excel reads Arabic), one chunk per line."""
    writer = csv.writer(_Line(), quoting=csv.QUOTE_MINIMAL)
    yield "\ufeff".encode() + writer.writerow([neutralized(str(column.header)) for column in export.columns]).encode()
    for row in export.rows:
        yield writer.writerow(
            [_csv_cell(value, column.kind, tz) for value, column in zip(row, export.columns, strict=True)]
        ).encode()


MONEY_FORMAT = "#,##0.00"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def xlsx_bytes(export: Export, *, tz: ZoneInfo, right_to_left: bool) -> bytes:
    """The export as an Excel workbook (write-only: rows are not kept), typed cells, a totals row."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(export.name))
    sheet.sheet_view.rightToLeft = right_to_left
    bold = Font(bold=True)

    def cell(value, kind: str, *, font=None):
        if value is None:
            result = WriteOnlyCell(sheet, value=None)
        elif kind == MONEY:
            result = WriteOnlyCell(sheet, value=int(value) / 100)
            result.number_format = MONEY_FORMAT
        elif kind == DATETIME:
            result = WriteOnlyCell(sheet, value=value.astimezone(tz).replace(tzinfo=None))
            result.number_format = DATETIME_FORMAT
        elif kind == COUNT:
            result = WriteOnlyCell(sheet, value=int(value))
        else:
            result = WriteOnlyCell(sheet, value=_text(value, kind))
        if font is not None:
            result.font = font
        return result

    sheet.append([cell(str(column.header), TEXT, font=bold) for column in export.columns])
    totals = [0 if column.kind in (MONEY, COUNT) and column.totalled else None for column in export.columns]
    for row in export.rows:
        font = bold if isinstance(row, Emphasized) else None
        sheet.append(
            [
                cell(value, column.kind, font=None if value in (None, "") else font)
                for value, column in zip(row, export.columns, strict=True)
            ]
        )
        for index, value in enumerate(row):
            if totals[index] is not None and value is not None:
                totals[index] += value
    total_cells = [cell(total, column.kind, font=bold) for total, column in zip(totals, export.columns, strict=True)]
    total_cells[0] = cell(str(pgettext_lazy("export column", "Total")), TEXT, font=bold)
    sheet.append(total_cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
