"""`/api/manage/salons/{id}/balance/`, its statement (JSON, CSV, Excel, also at the short paths) and
the payouts list, as the finance page reads them."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from apps.bookings.tests.conftest import client_for
from apps.core.formatting import format_date

from ..models import SalonPayoutAccount
from ..payouts import payout_batch_create, payout_mark_sent
from .conftest import IBAN, PRICE, receive, refund, visit

pytestmark = pytest.mark.django_db
NET = PRICE - 1150 - 173


def url(salon, path: str) -> str:
    return f"/api/manage/salons/{salon.pk}/{path}"


@pytest.fixture
def money(salon, stylist, customer):
    """A visit paid and partly refunded ten days ago, paid out and sent; a visit paid for next week."""
    past = receive(visit(stylist, customer), now=timezone.now() - timedelta(days=10))
    refund(past, 1500, now=timezone.now() - timedelta(days=9))
    SalonPayoutAccount.objects.create(salon=salon, iban=IBAN, iban_changed_at=timezone.now())
    payout = payout_batch_create(minimum=1).payouts[0]
    payout_mark_sent(payout_id=payout.pk, bank_reference="TRF-77")
    upcoming = receive(visit(stylist, customer, days=7))
    return past, payout, upcoming


def test_the_balance(manager_client, salon, money):
    response = manager_client.get(url(salon, "balance/"))

    assert response.status_code == 200
    assert response.json() == {
        "currency": "SAR",
        "balance": NET,
        "available": 0,
        "pending": NET,
        "in_transit": 0,
        "paid_out": PRICE - 1500 - 1150 - 173 + 150 + 23,
        "commission_rate_bps": 1000,
        "minimum_payout": 10000,
        "payouts_enabled": True,
        "refund_window_hours": 72,
    }


def test_the_balance_names_the_refund_window_setting(manager_client, salon, settings):
    settings.LEDGER_REFUND_WINDOW_HOURS = 24

    assert manager_client.get(url(salon, "balance/")).json()["refund_window_hours"] == 24


def test_a_new_salon_has_a_zero_balance_and_no_payouts_without_an_iban(manager_client, salon):
    body = manager_client.get(url(salon, "balance/")).json()

    assert (body["balance"], body["available"], body["payouts_enabled"]) == (0, 0, False)


def test_the_statement_lists_the_entries_with_a_running_balance(manager_client, salon, money):
    past, payout, upcoming = money
    today = timezone.localdate()
    start = (today - timedelta(days=30)).isoformat()

    body = manager_client.get(
        url(salon, f"balance/statement/?from={start}&to={today}"), HTTP_ACCEPT_LANGUAGE="en"
    ).json()

    ref = past.booking.reference
    assert (body["currency"], body["from"], body["to"], body["opening_balance"]) == ("SAR", start, today.isoformat(), 0)
    assert [(e["kind"], e["amount"], e["balance_after"], e["booking_reference"]) for e in body["entries"]] == [
        ("payment_captured", PRICE, PRICE, ref),
        ("commission", -1150, PRICE - 1150, ref),
        ("commission_vat", -173, NET, ref),
        ("refund", -1500, NET - 1500, ref),
        ("commission_reversal", 150, NET - 1350, ref),
        ("commission_vat_reversal", 23, NET - 1327, ref),
        ("payout", -(NET - 1327), 0, None),
        ("payment_captured", PRICE, PRICE, upcoming.booking.reference),
        ("commission", -1150, PRICE - 1150, upcoming.booking.reference),
        ("commission_vat", -173, NET, upcoming.booking.reference),
    ]
    assert body["closing_balance"] == NET
    assert body["entries"][1]["description"] == f"Platform commission (10%) on booking {ref}"
    assert body["entries"][6]["payout_reference"] == payout.reference
    assert body["entries"][6]["description"] == f"Payout {payout.reference} to the salon's bank account"
    assert body["entries"][0]["occurred_at"].endswith("+03:00")


def test_the_statement_of_a_later_period_opens_with_the_balance_so_far(manager_client, salon, money):
    today = timezone.localdate()

    body = manager_client.get(url(salon, f"statement/?from={today - timedelta(days=5)}&to={today}")).json()

    assert (body["opening_balance"], len(body["entries"]), body["closing_balance"]) == (NET - 1327, 4, NET)


def test_the_statement_defaults_to_this_month(manager_client, salon):
    body = manager_client.get(url(salon, "balance/statement/")).json()

    today = timezone.localdate()
    assert (body["from"], body["to"], body["entries"]) == (today.replace(day=1).isoformat(), today.isoformat(), [])


def test_a_statement_from_a_day_runs_to_today(manager_client, salon):
    start = timezone.localdate() - timedelta(days=40)

    body = manager_client.get(url(salon, f"balance/statement/?from={start}")).json()

    assert (body["from"], body["to"]) == (start.isoformat(), timezone.localdate().isoformat())


@pytest.mark.parametrize(
    "query, field",
    [
        ("from=2026-03-10&to=2026-03-01", "to"),
        ("from=2024-01-01&to=2026-01-01", "to"),
        ("from=2001-01-01", "from"),
        ("from=yesterday", "from"),
    ],
)
def test_a_bad_period_is_a_field_error(manager_client, salon, query, field):
    response = manager_client.get(url(salon, f"balance/statement/?{query}"))

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (400, "invalid", [field])


def test_the_statement_as_csv(manager_client, salon, money):
    past, _payout, _upcoming = money
    today = timezone.localdate()
    start = today - timedelta(days=30)

    response = manager_client.get(
        url(salon, f"balance/statement.csv?from={start}&to={today}"), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{salon.slug}-statement-{start}-{today}.csv"'
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0] == "Date,Kind,Description,Booking,Payout,Amount (SAR),Balance (SAR)"
    assert lines[1] == ",,Opening balance,,,,0.00"
    assert lines[2].endswith(
        f",Payment,Payment for booking {past.booking.reference},{past.booking.reference},,115.00,115.00"
    )
    assert lines[3].endswith(
        ",Commission,Platform commission (10%) on booking "
        + past.booking.reference
        + f",{past.booking.reference},,-11.50,103.50"
    )
    assert lines[-1] == ",,Closing balance,,,,101.77"
    assert len(lines) == 13


def test_the_statement_as_excel_in_arabic(manager_client, salon, money):
    today = timezone.localdate()
    response = manager_client.get(url(salon, f"statement.xlsx?from={today - timedelta(days=30)}&to={today}"))

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("التاريخ", "النوع", "الوصف", "الحجز", "الدفعة المحوَّلة", "المبلغ (ر.س)", "الرصيد (ر.س)")
    assert sheet.sheet_view.rightToLeft is True
    assert rows[-1][0] == "الإجمالي"
    assert rows[-1][5] == pytest.approx(sum(row[5] for row in rows[2:-2]))
    assert rows[-2][6] == pytest.approx(NET / 100)
    assert rows[-1][6] is None  # a running balance is not summed
    closing = list(sheet.iter_rows())[-2]
    assert (closing[2].font.b, closing[6].font.b, list(sheet.iter_rows())[2][2].font.b) == (True, True, False)


def _pdf_text(content: bytes) -> str:
    """The PDF's text. pypdf reads a right-to-left line's glyphs back into logical order, reversing with it
    the Arabic-Indic numbers the PDF draws left to right: they are turned back."""
    pypdf = pytest.importorskip("pypdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    return re.sub("[٠-٩٫٬:]+", lambda number: number[0][::-1], text)


@pytest.mark.parametrize("path", ["balance/statement.pdf", "statement.pdf"])
def test_the_statement_as_a_pdf_in_arabic(manager_client, salon, money, path):
    past, _payout, _upcoming = money
    salon.legal_name = "مؤسسة لمسة الياسمين للتجميل"
    salon.save()
    today = timezone.localdate()
    start = today - timedelta(days=30)

    response = manager_client.get(url(salon, f"{path}?from={start}&to={today}"), HTTP_ACCEPT_LANGUAGE="ar")

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    assert response["Content-Disposition"] == f'attachment; filename="{salon.slug}-statement-{start}-{today}.pdf"'
    text = _pdf_text(response.content)
    for words in (
        "كشف الحساب",
        "مؤسسة لمسة الياسمين للتجميل",
        "الفترة",
        "الرصيد الافتتاحي",
        "الرصيد الختامي",
        "الإجمالي",
    ):
        assert words in text
    assert past.booking.reference in text
    # Amounts, dates and times as the Arabic SPA writes them (apps.core.formatting), dates with their year.
    # (pypdf reads the no-break space before "ر.س." as a space, and a row's adjacent amounts as one.)
    assert "الرصيد الختامي\u200f١٠١٫٧٧ ر.س.\u200f" in text
    assert "المبالغ الصادرة\u200f١٢٩٫٩٦ ر.س.\u200f" in text
    assert "الإجمالي١٠١٫٧٧" in text
    assert "\u061c-" in text  # an amount out, with its sign
    assert f"من {format_date(start, language='ar', weekday=False, year=True)} إلى " in text


def test_the_statement_as_a_pdf_in_english(manager_client, salon, money):
    today = timezone.localdate()

    response = manager_client.get(
        url(salon, f"balance/statement.pdf?from={today - timedelta(days=30)}&to={today}"), HTTP_ACCEPT_LANGUAGE="en"
    )

    text = _pdf_text(response.content)
    for words in ("Statement of account", "Opening balance", "Closing balance", "Description", "Money in", "Total"):
        assert words in text
    first = today - timedelta(days=30)
    day = lambda value: format_date(value, language="en", weekday=False, year=True)  # noqa: E731
    assert f"Period{day(first)} to {day(today)}" in text  # "November 7, 2026 to December 7, 2026"
    assert "Closing balanceSAR 101.77" in text
    assert "Money outSAR 129.96" in text


def test_an_export_error_is_json_even_for_a_client_wanting_csv(manager_client, salon):
    response = manager_client.get(url(salon, "balance/statement.csv?from=x"), HTTP_ACCEPT="text/csv")

    assert (response.status_code, response["Content-Type"], response.json()["code"]) == (
        400,
        "application/json",
        "invalid",
    )


def test_the_payouts_newest_first_paginated(manager_client, salon, money):
    _past, payout, _upcoming = money

    body = manager_client.get(url(salon, "payouts/")).json()

    assert (body["count"], body["next"], body["previous"]) == (1, None, None)
    [row] = body["results"]
    assert row == {
        "id": payout.pk,
        "reference": payout.reference,
        "amount": payout.amount,
        "currency": "SAR",
        "status": "sent",
        "iban_masked": "SA03 **** **** **** **** 7519",
        "bank_reference": "TRF-77",
        "created_at": row["created_at"],
        "sent_at": row["sent_at"],
        "returned_at": None,
    }
    assert row["sent_at"] is not None


def test_a_platform_admin_sees_any_salons_balance(admin_user, salon, money):
    assert client_for(admin_user).get(url(salon, "balance/")).json()["balance"] == NET
