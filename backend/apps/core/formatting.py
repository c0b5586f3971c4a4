"""Numbers, money, dates and times as people read them, in Arabic and English: the one place the
backend writes them (messages, PDFs, the text cells of exports). Pure functions, no database.

The convention is the SPA's (`frontend/src/lib/format`, browsers' Intl with CLDR data), reproduced
character for character, invisible marks included, so that an SMS, an invoice and a screen say the
same thing the same way; `frontend/src/lib/format/examples.json` holds cases both sides' tests check.

- Arabic: Arabic-Indic digits (٠–٩), "٬" between thousands, "٫" before decimals; a minus is preceded
  by an Arabic letter mark (U+061C); money is "‏١٨٠٫٠٠ ر.س.‏" (right-to-left marks U+200F around it,
  a no-break space before the symbol).
- English: Western digits, "," and "."; money is "SAR 180.00" (a no-break space), "-SAR 15.00".
- Dates are Gregorian with the weekday and the month's name: "الخميس، ١٠ ديسمبر" / "Thursday, December 10";
  the year only when it is not the current one (in the salon's time zone) or when asked for.
- Times are on a 12-hour clock: "٤:٣٠ م" / "4:30 PM"; a date and a time: "… في ٤:٣٠ م" / "… at 4:30 PM".
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

AR_DIGITS = str.maketrans("0123456789.,", "٠١٢٣٤٥٦٧٨٩٫٬")
RLM = "\u200f"  # right-to-left mark
ALM = "\u061c"  # Arabic letter mark
NBSP = "\u00a0"

CURRENCY_SYMBOLS = {"SAR": {"ar": "ر.س.", "en": "SAR"}}

AR_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Indexed by `date.weekday()`: Monday is 0.
AR_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
EN_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _digits(text: str, language: str) -> str:
    """Western digits and separators ("1,234.50") in the language's own."""
    return text.translate(AR_DIGITS) if language == "ar" else text


def _minus(language: str) -> str:
    return f"{ALM}-" if language == "ar" else "-"


def _grouped(value: Decimal, fraction_digits: int) -> str:
    """|value| rounded half away from zero, thousands grouped: "1,234.50"."""
    exponent = Decimal(1).scaleb(-fraction_digits)
    return f"{abs(value).quantize(exponent, rounding=ROUND_HALF_UP):,.{fraction_digits}f}"


def format_number(value: int | Decimal | str, *, language: str, fraction_digits: int = 0) -> str:
    """A number with exactly `fraction_digits` decimals: "١٬٢٣٤٫٥" / "1,234.5"; "؜-٤٢" / "-42"."""
    number = Decimal(value)
    sign = _minus(language) if number < 0 else ""  # as Intl: -0.4 is "-0"
    return sign + _digits(_grouped(number, fraction_digits), language)


def format_percent(percent: int | Decimal | str, *, language: str, max_fraction_digits: int = 2) -> str:
    """A percentage (15 for 15 %) without trailing zeros: "١٥٪؜" / "15%", "١٫٥٪؜" / "1.5%"."""
    number = Decimal(percent)
    text = _grouped(number, max_fraction_digits)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    sign = _minus(language) if number < 0 else ""
    if language == "ar":
        return f"{sign}{_digits(text, language)}٪{ALM}"
    return f"{sign}{text}%"


def format_money(halalas: int, *, language: str, currency: str = "SAR") -> str:
    """Integer halalas (1 SAR = 100) as an amount with two decimals and the currency:
    "‏١٨٠٫٥٠ ر.س.‏" / "SAR 180.50"; negative "؜-‏١٥٫٠٠ ر.س.‏" / "-SAR 15.00"."""
    number = _digits(_grouped(Decimal(halalas).scaleb(-2), 2), language)
    symbol = CURRENCY_SYMBOLS.get(currency, {}).get(language, currency)
    sign = _minus(language) if halalas < 0 else ""
    if language == "ar":
        return f"{sign}{RLM}{number}{NBSP}{symbol}{RLM}"
    return f"{sign}{symbol}{NBSP}{number}"


def format_date(
    day: date, *, language: str, today: date | None = None, weekday: bool = True, year: bool | None = None
) -> str:
    """A calendar day: "الخميس، ١٠ ديسمبر" / "Thursday, December 10", with ", 2027" / " ٢٠٢٧" when it is
    not in `today`'s year (default: today in the active time zone). `year=True` always writes the year
    (documents kept after the year ends: invoices, statements), `weekday=False` leaves the weekday out."""
    if year is None:
        year = day.year != (today or timezone.localdate()).year
    if language == "ar":
        text = f"{day.day} {AR_MONTHS[day.month - 1]}"
        if year:
            text += f" {day.year}"
        if weekday:
            text = f"{AR_WEEKDAYS[day.weekday()]}، {text}"
        return _digits(text, language)
    text = f"{EN_MONTHS[day.month - 1]} {day.day}"
    if year:
        text += f", {day.year}"
    return f"{EN_WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def format_clock(hour: int, minute: int, *, language: str) -> str:
    """A wall-clock time on a 12-hour clock: "٩:٣٠ ص", "١٢:٠٠ ص" (midnight) / "9:30 AM", "12:00 PM" (noon)."""
    text = f"{hour % 12 or 12}:{minute:02d}"
    if language == "ar":
        return f"{_digits(text, language)} {'ص' if hour < 12 else 'م'}"
    return f"{text} {'AM' if hour < 12 else 'PM'}"


def format_time(instant: datetime, *, tz: ZoneInfo, language: str) -> str:
    """An instant's time in the time zone `tz` (the salon's): "٤:٣٠ م" / "4:30 PM"."""
    local = instant.astimezone(tz)
    return format_clock(local.hour, local.minute, language=language)


def format_datetime(
    instant: datetime,
    *,
    tz: ZoneInfo,
    language: str,
    now: datetime | None = None,
    weekday: bool = True,
    year: bool | None = None,
) -> str:
    """An instant's day and time in `tz`: "الخميس، ١٠ ديسمبر في ٤:٣٠ م" / "Thursday, December 10 at 4:30 PM";
    the year as in `format_date`, "today" being `now` (default: now) in `tz`."""
    local = instant.astimezone(tz)
    today = (now or timezone.now()).astimezone(tz).date()
    day = format_date(local.date(), language=language, today=today, weekday=weekday, year=year)
    clock = format_clock(local.hour, local.minute, language=language)
    return f"{day} في {clock}" if language == "ar" else f"{day} at {clock}"
