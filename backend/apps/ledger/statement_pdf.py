"""A salon's statement as a PDF (A4, right to left, Arabic shaped: the shared `apps/core/pdf.py`), in
the reader's language: the salon's legal name, the period, the opening and closing balances, the
entries between them (the rows of the CSV and Excel files) and the totals. Amounts and dates are written
by `apps.core.formatting` as the SPA writes them, the dates always with their year (a statement is
kept)."""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext, pgettext

from apps.core.formatting import format_date, format_datetime, format_money, format_number
from apps.core.i18n import current_language, localized
from apps.core.money import major_units
from apps.core.pdf import A4, RtlDocument, Table
from apps.salons.models import Salon

from .selectors import Statement
from .statement import statement_rows

# Date, kind, description, amount, balance: the rightmost first.
WIDTHS = (2.3, 2.2, 5.5, 1.6, 1.6)


def _when(value: datetime | None, tz, language: str) -> str:
    return format_datetime(value, tz=tz, language=language, weekday=False, year=True) if value else ""


def _money(halalas: int | None, language: str) -> str:
    """A table's amount, its currency in the header: "١٠١٫٧٧" / "101.77"."""
    return "" if halalas is None else format_number(Decimal(major_units(halalas)), language=language, fraction_digits=2)


def statement_pdf(statement: Statement, *, salon: Salon, first: date, last: date) -> bytes:
    """The statement of `first`–`last` (local days) as a PDF's bytes."""
    tz = salon.tz
    language = current_language()

    def _sar(halalas: int) -> str:
        return format_money(halalas, language=language)

    def _day(day: date) -> str:
        return format_date(day, language=language, weekday=False, year=True)

    title = gettext("Statement of account")
    document = RtlDocument(page=A4, title=title, author=salon.legal_name or localized(salon, "name"))
    document.heading(title, localized(salon, "name"))
    pairs = [(gettext("Salon"), salon.legal_name or localized(salon, "name"))]
    if salon.vat_number:
        pairs.append((gettext("VAT number"), salon.vat_number))
    pairs += [
        (gettext("Period"), gettext("%(first)s to %(last)s") % {"first": _day(first), "last": _day(last)}),
        (gettext("Opening balance"), _sar(statement.opening_balance)),
        (gettext("Closing balance"), _sar(statement.closing_balance)),
    ]
    document.key_values(pairs)
    document.space(2)
    rows = []
    money_in = money_out = 0
    for when, kind, description, _booking, _payout, amount, balance in statement_rows(statement):
        rows.append((_when(when, tz, language), kind, description, _money(amount, language), _money(balance, language)))
        money_in += max(amount or 0, 0)
        money_out += min(amount or 0, 0)
    rows.append((gettext("Total"), "", "", _money(money_in + money_out, language), ""))
    document.table(
        Table(
            headers=(
                pgettext("statement column", "Date"),
                pgettext("statement column", "Kind"),
                pgettext("statement column", "Description"),
                pgettext("statement column", "Amount (SAR)"),
                pgettext("statement column", "Balance (SAR)"),
            ),
            rows=rows,
            widths=WIDTHS,
            bold_last_row=True,
        )
    )
    document.key_values(
        [
            (gettext("Money in"), _sar(money_in)),
            (gettext("Money out"), _sar(-money_out)),
            (gettext("Change in the balance"), _sar(money_in + money_out)),
        ]
    )
    document.space(2)
    document.text(gettext("Issued on %(when)s") % {"when": _when(timezone.now(), tz, language)}, size=8)
    return document.render()
