# ruff: noqa: F811  (the back office's fixtures, imported, are parameters of the tests)
"""`/api/manage/salons/{id}/exports/<kind>.csv|.xlsx`: bookings, payments and customers over a range of
days, as streamed CSV (UTF-8 with a BOM, formulas neutralised) or Excel (typed cells, totals, headers
in the request's language, right to left in Arabic); the back office's door."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.http import StreamingHttpResponse
from openpyxl import load_workbook

from apps.backoffice.tests.conftest import (  # noqa: F401  (fixtures)
    admin_user,
    customer,
    make_booking,
    make_payment,
    manager,
    manager_client,
    other_salon,
    salon,
    service,
    stylist,
    stylist_user,
)
from apps.bookings.models import BookingStatus, CancelledByRole
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user
from apps.payments.models import Payment

pytestmark = pytest.mark.django_db

DAY = date(2026, 3, 10)
RANGE = "from=2026-03-01&to=2026-03-31"


def export_url(salon, name: str, query: str = RANGE) -> str:
    return f"/api/manage/salons/{salon.pk}/exports/{name}?{query}"


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def sheet_rows(response):
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    return sheet, [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def history(salon, service, stylist, customer):
    """In March (Riyadh): a booking paid and half refunded, one by a customer with a hostile name,
    a no-show; one in April (out of range)."""
    service.name_ar, service.name_en, service.price_amount = "قص شعر", "Haircut", 11500
    service.save()
    customer.last_name = "العتيبي"
    customer.save()
    paid = make_booking(stylist, service, customer, at(DAY, "10:00"), status=BookingStatus.COMPLETED)
    payment = make_payment(paid, refunded_amount=5000)
    payment.paid_at = at(DAY, "09:00")
    payment.save()
    hostile = make_user(first_name='=HYPERLINK("x")', last_name='a;b "c"\nd')
    make_booking(stylist, service, hostile, at(DAY, "23:30"), status=BookingStatus.NO_SHOW)
    make_booking(
        stylist,
        service,
        customer,
        at(date(2026, 3, 20), "12:00"),
        status=BookingStatus.CANCELLED,
        cancelled_by_role=CancelledByRole.CUSTOMER,
    )
    make_booking(stylist, service, customer, at(date(2026, 4, 1), "00:30"))
    return paid, payment


def test_bookings_csv_is_streamed_with_a_bom_arabic_quoting_and_no_formulas(manager_client, salon, history):
    paid, _ = history

    response = manager_client.get(export_url(salon, "bookings.csv"), HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{salon.slug}-bookings-2026-03-01-2026-03-31.csv"'
    rows = csv_rows(response)
    assert rows[0] == [
        "المرجع", "التاريخ", "العميلة", "الجوال", "الخدمة", "المصففة", "الحالة",
        "السعر (ر.س)", "الضريبة (ر.س)", "المدفوع (ر.س)", "المسترد (ر.س)",
    ]  # fmt: skip
    assert rows[1] == [
        paid.reference, "2026-03-10 10:00", "Noura العتيبي", paid.customer.phone_number, "قص شعر",
        paid.staff.display_name, "مكتمل", "115.00", "15.00", "115.00", "50.00",
    ]  # fmt: skip
    assert rows[2][1:3] == ["2026-03-10 23:30", '\'=HYPERLINK("x") a;b "c"\nd']
    assert rows[2][6] == "لم يحضر"
    assert len(rows) == 4


def test_a_day_is_the_salons_day(manager_client, salon, history):
    response = manager_client.get(export_url(salon, "bookings.csv", "from=2026-04-01&to=2026-04-01"))

    rows = csv_rows(response)
    assert [row[1] for row in rows[1:]] == ["2026-04-01 00:30"]


def test_bookings_xlsx_has_typed_cells_totals_and_english_headers(manager_client, salon, history):
    paid, _ = history

    response = manager_client.get(export_url(salon, "bookings.xlsx"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="{salon.slug}-bookings-2026-03-01-2026-03-31.xlsx"'
    sheet, rows = sheet_rows(response)
    assert rows[0] == [
        "Reference", "Date", "Customer", "Phone", "Service", "Stylist", "Status",
        "Price (SAR)", "VAT (SAR)", "Paid (SAR)", "Refunded (SAR)",
    ]  # fmt: skip
    assert rows[1] == [
        paid.reference, datetime(2026, 3, 10, 10, 0), "Noura العتيبي", paid.customer.phone_number, "Haircut",
        paid.staff.display_name, "Completed", 115, 15, 115, 50,
    ]  # fmt: skip
    assert rows[2][2] == '\'=HYPERLINK("x") a;b "c"\nd'
    assert rows[-1] == ["Total", None, None, None, None, None, None, 345, 45, 115, 50]
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["H2"].number_format == "#,##0.00"
    assert sheet.sheet_view.rightToLeft is not True


def test_xlsx_in_arabic_is_right_to_left(manager_client, salon, history):
    response = manager_client.get(export_url(salon, "customers.xlsx"), HTTP_ACCEPT_LANGUAGE="ar")

    sheet, rows = sheet_rows(response)
    assert sheet.sheet_view.rightToLeft is True
    assert rows[0][0] == "العميلة"
    assert rows[-1][0] == "الإجمالي"


def test_payments_csv(manager_client, salon, history):
    _, payment = history

    rows = csv_rows(manager_client.get(export_url(salon, "payments.csv"), HTTP_ACCEPT_LANGUAGE="en"))

    assert rows == [
        ["Reference", "Paid at", "Method", "Status", "Amount (SAR)", "VAT (SAR)", "Refunded (SAR)", "Net (SAR)"],
        [payment.booking.reference, "2026-03-10 09:00", "Card (mada, Visa, Mastercard)", "Paid", "115.00", "15.00",
         "50.00", "65.00"],
    ]  # fmt: skip


def test_payments_xlsx_totals(manager_client, salon, history):
    _, rows = sheet_rows(manager_client.get(export_url(salon, "payments.xlsx"), HTTP_ACCEPT_LANGUAGE="en"))

    assert rows[1][1] == datetime(2026, 3, 10, 9, 0)
    assert rows[-1] == ["Total", None, None, None, 115, 15, 50, 65]


def test_customers_csv_counts_within_the_range(manager_client, salon, customer, history):
    rows = csv_rows(manager_client.get(export_url(salon, "customers.csv"), HTTP_ACCEPT_LANGUAGE="en"))

    assert rows[0] == ["Customer", "Phone", "Visits", "No-shows", "Cancellations", "Total paid (SAR)", "Last visit"]
    assert rows[2] == ["Noura العتيبي", customer.phone_number, "1", "0", "1", "65.00", "2026-03-10 10:00"]
    assert rows[1][0] == '\'=HYPERLINK("x") a;b "c"\nd'
    assert rows[1][2:] == ["0", "1", "0", "0.00", ""]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-03-02&to=2026-03-01", "from"),
        ("from=2025-01-01&to=2026-02-05", "to"),
        ("to=2026-03-01", "from"),
        ("from=2026-03-01", "to"),
        ("from=yesterday&to=2026-03-01", "from"),
    ],
)
def test_a_bad_range_is_a_field_error(manager_client, salon, query, field):
    response = manager_client.get(export_url(salon, "bookings.csv", query), HTTP_ACCEPT="text/csv")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()["errors"]) == [field]


def test_400_days_is_the_most(manager_client, salon):
    response = manager_client.get(export_url(salon, "payments.xlsx", "from=2025-01-01&to=2026-02-04"))

    assert response.status_code == 200


def test_another_salon_is_not_found(manager_client, other_salon):
    response = manager_client.get(export_url(other_salon, "customers.csv"))

    assert response.status_code == 404
    assert response.json()["code"] == "salon_not_found"


@pytest.mark.parametrize("who", ["stylist_user", "customer"])
def test_stylists_and_customers_are_refused(request, salon, stylist, who):
    response = client_for(request.getfixturevalue(who)).get(export_url(salon, "bookings.xlsx"))

    assert response.status_code == 403
    assert response.json()["code"] == "not_a_manager"


def test_a_platform_admin_may_export(salon, admin_user):
    response = client_for(admin_user).get(export_url(salon, "bookings.csv"))

    assert response.status_code == 200


@pytest.mark.parametrize("name", ["bookings.csv", "payments.csv", "customers.csv", "bookings.xlsx"])
def test_queries_do_not_grow_with_rows(manager_client, salon, service, stylist, django_assert_max_num_queries, name):
    for number in range(30):
        booker = make_user(first_name=f"C{number}")
        booking = make_booking(stylist, service, booker, at(DAY, "00:00") + timedelta(hours=number))
        make_payment(booking)
    Payment.objects.update(paid_at=at(DAY, "09:00"))

    with django_assert_max_num_queries(6):
        response = manager_client.get(export_url(salon, name))
        body = b"".join(response.streaming_content) if response.streaming else response.content

    assert len(body) > 1000
    assert RIYADH  # the days above are Riyadh's
