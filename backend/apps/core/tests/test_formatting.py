"""The backend writes numbers, money and dates exactly as the SPA does: both check the same examples
(`frontend/src/lib/format/examples.json`, generated from the browsers' Intl output)."""

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from apps.core.formatting import (
    format_clock,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    format_time,
)

EXAMPLES = json.loads(
    (Path(__file__).resolve().parents[4] / "frontend/src/lib/format/examples.json").read_text(encoding="utf-8")
)
NOW = datetime.fromisoformat(EXAMPLES["now"])
TZ = ZoneInfo(EXAMPLES["timeZone"])
LANGUAGES = ("ar", "en")


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize("case", EXAMPLES["money"], ids=lambda case: str(case["halalas"]))
def test_money_as_the_spa_writes_it(case):
    for language in LANGUAGES:
        assert format_money(case["halalas"], language=language) == case[language]


@pytest.mark.parametrize("case", EXAMPLES["numbers"], ids=lambda case: case["value"])
def test_numbers_as_the_spa_writes_them(case):
    for language in LANGUAGES:
        written = format_number(Decimal(case["value"]), language=language, fraction_digits=case["fractionDigits"])
        assert written == case[language]


@pytest.mark.parametrize("case", EXAMPLES["percents"], ids=lambda case: case["percent"])
def test_percentages_as_the_spa_writes_them(case):
    for language in LANGUAGES:
        written = format_percent(case["percent"], language=language, max_fraction_digits=case["maxFractionDigits"])
        assert written == case[language]


@pytest.mark.parametrize("case", EXAMPLES["dates"], ids=lambda case: f"{case['date']}-{case['weekday']}")
def test_dates_as_the_spa_writes_them_with_the_year_only_when_not_this_one(case):
    today = NOW.astimezone(TZ).date()
    for language in LANGUAGES:
        written = format_date(date.fromisoformat(case["date"]), language=language, today=today, weekday=case["weekday"])
        assert written == case[language]


@pytest.mark.parametrize("case", EXAMPLES["times"], ids=lambda case: case["instant"])
def test_times_as_the_spa_writes_them(case):
    for language in LANGUAGES:
        assert format_time(_instant(case["instant"]), tz=TZ, language=language) == case[language]


@pytest.mark.parametrize("case", EXAMPLES["datetimes"], ids=lambda case: f"{case['instant']}-{case['weekday']}")
def test_dates_with_times_as_the_spa_writes_them(case):
    for language in LANGUAGES:
        written = format_datetime(_instant(case["instant"]), tz=TZ, language=language, now=NOW, weekday=case["weekday"])
        assert written == case[language]


def test_the_examples_cover_what_the_convention_promises():
    halalas = {case["halalas"] for case in EXAMPLES["money"]}
    assert {0, 5000, 6050, 123456789} <= halalas
    assert any(amount < 0 for amount in halalas)
    years = {case["date"][:4] for case in EXAMPLES["dates"]}
    assert {"2026", "2027"} <= years  # this year (2026 in `now`) and the next


def test_documents_always_write_the_year():
    assert format_date(date(2026, 12, 10), language="en", today=date(2026, 12, 7), year=True) == (
        "Thursday, December 10, 2026"
    )
    assert format_date(date(2026, 12, 10), language="ar", today=date(2026, 12, 7), weekday=False, year=True) == (
        "١٠ ديسمبر ٢٠٢٦"
    )


def test_this_year_is_the_salons_not_utcs():
    # 22:30 UTC on 31 December is already 1 January in Riyadh: "this year" is then the new one.
    new_year_eve_utc = datetime(2026, 12, 31, 22, 30, tzinfo=ZoneInfo("UTC"))
    written = format_datetime(
        datetime(2027, 1, 2, 7, 0, tzinfo=ZoneInfo("UTC")), tz=TZ, language="en", now=new_year_eve_utc
    )
    assert written == "Saturday, January 2 at 10:00 AM"


def test_rounding_is_half_away_from_zero_as_intl():
    assert format_number(Decimal("2.5"), language="en") == "3"
    assert format_number(Decimal("-2.5"), language="en") == "-3"
    assert format_number(Decimal("-0.4"), language="en") == "-0"  # Intl keeps the sign of what rounds to zero
    assert format_clock(0, 5, language="ar") == "١٢:٠٥ ص"
