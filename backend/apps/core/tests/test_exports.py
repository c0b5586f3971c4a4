"""Exports keep numbers for spreadsheets in either language (see `apps/core/exports.py`): money and dates
are machine-readable, not written as the SPA writes them for people."""

import io
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.utils import translation
from openpyxl import load_workbook

from apps.core.exports import COUNT, DATETIME, MONEY, Column, Export, Money, csv_chunks, xlsx_bytes
from apps.core.formatting import format_percent

RIYADH = ZoneInfo("Asia/Riyadh")
WHEN = datetime(2026, 12, 10, 13, 30, tzinfo=UTC)


def _export() -> Export:
    columns = (Column("Description"), Column("Date", DATETIME), Column("Visits", COUNT), Column("Amount", MONEY))
    description = f"عمولة المنصة ({format_percent(10, language='ar')})"
    return Export("sheet", columns, [(description, WHEN, 3, Money(123450)), ("", None, 1, Money(-1550))])


def test_csv_in_arabic_keeps_western_numbers_and_iso_dates():
    with translation.override("ar"):
        text = b"".join(csv_chunks(_export(), tz=RIYADH)).decode("utf-8-sig")

    assert text.splitlines()[1:3] == ["عمولة المنصة (١٠٪\u061c),2026-12-10 16:30,3,1234.50", ",,1,-15.50"]


def test_excel_cells_are_numbers_and_dates_a_spreadsheet_can_sum():
    with translation.override("ar"):
        sheet = load_workbook(io.BytesIO(xlsx_bytes(_export(), tz=RIYADH, right_to_left=True))).active

    header, first, second, totals = sheet.iter_rows()
    assert (first[1].value, first[1].number_format) == (datetime(2026, 12, 10, 16, 30), "yyyy-mm-dd hh:mm")
    assert (first[3].value, first[3].number_format) == (1234.5, "#,##0.00")
    assert (second[2].value, second[3].value) == (1, -15.5)
    assert (totals[2].value, totals[3].value) == (4, 1219.0)
