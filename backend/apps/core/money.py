"""Money: integer halalas (1 SAR = 100 halalas), prices VAT-inclusive as Saudi law expects.

The one place that splits VAT out of an amount and writes amounts for people.
"""

from django.utils.translation import gettext

VAT_RATE_PERCENT = 15


def vat_included(amount: int) -> int:
    """The VAT inside a VAT-inclusive amount, in halalas, rounded half up: amount × 15 / 115."""
    return (amount * VAT_RATE_PERCENT * 2 + 100 + VAT_RATE_PERCENT) // (2 * (100 + VAT_RATE_PERCENT))


def major_units(halalas: int) -> str:
    """10050 -> "100.50", -1550 -> "-15.50": riyals with exactly two decimals, Western digits."""
    riyals, rest = divmod(abs(halalas), 100)
    return f"{'-' if halalas < 0 else ''}{riyals}.{rest:02d}"


def format_sar(halalas: int) -> str:
    """10050 -> "100.50 SAR" in the active language (Arabic: "100.50 ر.س")."""
    return gettext("%(amount)s SAR") % {"amount": major_units(halalas)}
