"""The back office's invoices: the list (filters, pagination, `vat_number_missing`), each document's
PDF and the exports, behind the door (403 for customers and stylists, 404 for another salon's)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import get_resolver, reverse
from django.utils import timezone
from openpyxl import load_workbook

from apps.bookings.tests.conftest import client_for, make_user
from apps.invoicing.models import Document, DocumentKind
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import PRICE, pay, refund

pytestmark = pytest.mark.django_db


def url(salon, path: str = "invoices/") -> str:
    return f"/api/manage/salons/{salon.pk}/{path}"


@pytest.fixture
def history(salon, new_booking, admin_user):
    """Two paid bookings, the first refunded in part: INV 1, INV 2, CRN 3."""
    first = pay(new_booking())
    pay(new_booking())
    refund(first, 5000, actor=admin_user)
    return Document.objects.order_by("counter")


def test_the_manager_lists_the_salons_documents_latest_first(manager_client, salon, history):
    response = manager_client.get(url(salon))

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["vat_number_missing"], body["next"], body["previous"]) == (3, False, None, None)
    assert [(row["number"], row["kind"], row["total"], row["vat"], row["references"]) for row in body["results"]] == [
        (f"CRN-{salon.pk}-000003", "credit_note", 5000, 652, f"INV-{salon.pk}-000001"),
        (f"INV-{salon.pk}-000002", "invoice", PRICE, 1500, None),
        (f"INV-{salon.pk}-000001", "invoice", PRICE, 1500, None),
    ]
    row = body["results"][0]
    assert set(row) == {
        "id",
        "kind",
        "number",
        "uuid",
        "issued_at",
        "booking_reference",
        "customer_name",
        "total",
        "vat",
        "currency",
        "references",
    }
    assert (row["customer_name"], row["currency"]) == ("سارة العتيبي", "SAR")


def test_the_list_filters_by_kind_and_period_and_pages(manager_client, salon, history):
    today = timezone.now().astimezone(salon.tz).date()
    tomorrow = today + timedelta(days=1)

    credit = manager_client.get(url(salon), {"kind": "credit_note"}).json()
    in_range = manager_client.get(url(salon), {"from": today.isoformat(), "to": today.isoformat()}).json()
    later = manager_client.get(url(salon), {"from": tomorrow.isoformat()}).json()
    paged = manager_client.get(url(salon), {"page_size": 2, "page": 2}).json()
    bad_kind = manager_client.get(url(salon), {"kind": "x"})
    backwards = manager_client.get(url(salon), {"from": tomorrow.isoformat(), "to": today.isoformat()})

    assert [row["kind"] for row in credit["results"]] == ["credit_note"]
    assert in_range["count"] == 3
    assert later["count"] == 0
    assert [row["number"] for row in paged["results"]] == [f"INV-{salon.pk}-000001"]
    assert (bad_kind.status_code, set(bad_kind.json()["errors"])) == (400, {"kind"})
    assert (backwards.status_code, set(backwards.json()["errors"])) == (400, {"from"})


def test_a_salon_without_a_vat_number_is_warned(manager_client, salon, booking):
    salon.vat_number = ""
    salon.save()
    pay(booking)

    body = manager_client.get(url(salon)).json()

    assert body["vat_number_missing"] is True
    assert [row["kind"] for row in body["results"]] == [DocumentKind.RECEIPT]


def test_a_document_as_a_pdf(manager_client, salon, history):
    pypdf = pytest.importorskip("pypdf")
    note = history.get(kind=DocumentKind.CREDIT_NOTE)

    response = manager_client.get(url(salon, f"invoices/{note.pk}.pdf"))

    assert (response.status_code, response["Content-Type"]) == (200, "application/pdf")
    text = pypdf.PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert note.number in text
    assert f"INV-{salon.pk}-000001" in text
    assert "إشعار دائن" in text


def test_exports_as_csv_and_excel_with_credit_notes_negative(manager_client, salon, history):
    today = timezone.now().astimezone(salon.tz).date().isoformat()
    query = {"from": today, "to": today}

    csv_response = manager_client.get(url(salon, "exports/invoices.csv"), query, headers={"Accept-Language": "en"})
    xlsx_response = manager_client.get(url(salon, "exports/invoices.xlsx"), query)

    assert csv_response.status_code == 200
    assert csv_response["Content-Disposition"] == f'attachment; filename="{salon.slug}-invoices-{today}-{today}.csv"'
    body = b"".join(csv_response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert rows[0] == [
        "Number",
        "Kind",
        "Issued at",
        "Booking",
        "Customer",
        "Refers to",
        "Excl. VAT (SAR)",
        "VAT (SAR)",
        "Total (SAR)",
        "UUID",
    ]
    assert [(row[0], row[1], row[5], row[6], row[7], row[8]) for row in rows[1:]] == [
        (f"INV-{salon.pk}-000001", "Simplified tax invoice", "", "100.00", "15.00", "115.00"),
        (f"INV-{salon.pk}-000002", "Simplified tax invoice", "", "100.00", "15.00", "115.00"),
        (f"CRN-{salon.pk}-000003", "Credit note", f"INV-{salon.pk}-000001", "-43.48", "-6.52", "-50.00"),
    ]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert sheet.sheet_view.rightToLeft is True
    assert values[0][0] == "الرقم"
    assert values[-1][0] == "الإجمالي"
    assert values[-1][8] == pytest.approx(180.0)


def test_an_export_needs_a_period(manager_client, salon):
    response = manager_client.get(url(salon, "exports/invoices.csv"), headers={"Accept": "text/csv"})

    assert (response.status_code, set(response.json()["errors"])) == (400, {"from", "to"})


def _routes():
    _prefix, namespace = get_resolver().namespace_dict["invoicing_manage"]
    return [(pattern.name, list(pattern.pattern.converters)) for pattern in namespace.url_patterns]


@pytest.mark.parametrize("name, kwarg_names", _routes(), ids=[route[0] for route in _routes()])
def test_the_door_refuses_customers_and_stylists_and_hides_other_salons(
    name, kwarg_names, salon, manager_client, history, customer
):
    other = make_salon(vat_number="300000000000003")
    other_service = make_service(other, price_amount=PRICE)
    from apps.backoffice.tests.conftest import make_booking
    from apps.bookings.tests.conftest import at

    other_booking = make_booking(
        make_staff(other, [other_service]), other_service, customer, at(timezone.now().date(), "22:00")
    )
    pay(other_booking)
    elsewhere = Document.objects.get(salon=other)
    stylist = make_user(role="staff")
    make_staff(salon, [], user=stylist)
    query = "?from=2026-01-01&to=2026-01-31"

    def target(of_salon, document):
        values = {"salon_id": of_salon.pk, "document_id": document.pk}
        return reverse(f"invoicing_manage:{name}", kwargs={key: values[key] for key in kwarg_names}) + query

    mine = target(salon, history.first())
    for user in (customer, stylist):
        response = client_for(user).get(mine)
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    response = manager_client.get(target(other, elsewhere))
    assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")
    if "document_id" in kwarg_names:  # another salon's document through my salon's address
        response = manager_client.get(target(salon, elsewhere))
        assert (response.status_code, response.json()["code"]) == (404, "document_not_found")
