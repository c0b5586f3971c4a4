"""A salon's statement as a PDF (A4, right to left, Arabic shaped: the shared `apps/core/pdf.py`), in
the reader's language: the salon's legal name, the period, the opening and closing balances, the
entries between them (the rows of the CSV and Excel files) and the totals."""

from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext, pgettext

from apps.core.i18n import localized
from apps.core.money import format_sar, major_units
from apps.core.pdf import A4, RtlDocument, Table
from apps.salons.models import Salon

from .selectors import Statement
from .statement import statement_rows

# Date, kind, description, amount, balance: the rightmost first.
WIDTHS = (2.3, 2.2, 5.5, 1.6, 1.6)


def _when(value: datetime | None, tz) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M") if value else ""


def _money(halalas: int | None) -> str:
    return "" if halalas is None else major_units(halalas)


def statement_pdf(statement: Statement, *, salon: Salon, first: date, last: date) -> bytes:
    """The statement of `first`–`last` (local days) as a PDF's bytes."""
    tz = salon.tz
    title = gettext("Statement of account")
    document = RtlDocument(page=A4, title=title, author=salon.legal_name or localized(salon, "name"))
    document.heading(title, localized(salon, "name"))
    pairs = [(gettext("Salon"), salon.legal_name or localized(salon, "name"))]
    if salon.vat_number:
        pairs.append((gettext("VAT number"), salon.vat_number))
    pairs += [
        (gettext("Period"), gettext("%(first)s to %(last)s") % {"first": first, "last": last}),
        (gettext("Opening balance"), format_sar(statement.opening_balance)),
        (gettext("Closing balance"), format_sar(statement.closing_balance)),
    ]
    document.key_values(pairs)
    document.space(2)
    rows = []
    money_in = money_out = 0
    for when, kind, description, _booking, _payout, amount, balance in statement_rows(statement):
        rows.append((_when(when, tz), kind, description, _money(amount), _money(balance)))
        money_in += max(amount or 0, 0)
        money_out += min(amount or 0, 0)
    rows.append((gettext("Total"), "", "", _money(money_in + money_out), ""))
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
            (gettext("Money in"), format_sar(money_in)),
            (gettext("Money out"), format_sar(-money_out)),
            (gettext("Change in the balance"), format_sar(money_in + money_out)),
        ]
    )
    document.space(2)
    document.text(gettext("Issued on %(when)s") % {"when": _when(timezone.now(), tz)}, size=8)
    return document.render()
