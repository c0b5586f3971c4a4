"""`GET /api/bookings/{id}/invoice/` and `.pdf`: the booking's customer only (404 for anyone else or a
booking not paid online), the contract's shape, the QR code as a payload and an image, credit notes,
and a PDF whose Arabic comes out in logical order."""

import io
import re

import pytest

from apps.bookings.tests.conftest import client_for, make_user
from apps.core.formatting import format_datetime, format_money
from apps.invoicing.models import Document
from apps.invoicing.zatca import tlv_decode

from .conftest import PRICE, VAT_NUMBER, pay, refund

pytestmark = pytest.mark.django_db


def url(booking, suffix: str = "invoice/") -> str:
    return f"/api/bookings/{booking.pk}/{suffix}"


def test_the_customer_reads_the_invoice_of_their_booking_paid_online(customer_client, salon, booking):
    pay(booking)
    invoice = Document.objects.get()

    response = customer_client.get(url(booking))

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {
        "kind",
        "number",
        "uuid",
        "issued_at",
        "seller",
        "buyer",
        "booking_reference",
        "lines",
        "subtotal_excl_vat",
        "total",
        "vat",
        "currency",
        "qr",
        "qr_svg",
        "pdf_url",
        "credit_notes",
    }
    assert {key: body[key] for key in ("kind", "number", "uuid", "subtotal_excl_vat", "total", "vat", "currency")} == {
        "kind": "invoice",
        "number": f"INV-{salon.pk}-000001",
        "uuid": str(invoice.uuid),
        "subtotal_excl_vat": 10000,
        "total": PRICE,
        "vat": 1500,
        "currency": "SAR",
    }
    assert body["issued_at"] == invoice.issued_at.astimezone(salon.tz).isoformat()
    assert body["issued_at"].endswith("+03:00")
    assert body["seller"] == {"name": "صالون لمسة الياسمين", "vat_number": VAT_NUMBER}
    assert body["buyer"] == {"name": "سارة العتيبي"}
    assert body["booking_reference"] == booking.reference
    assert body["lines"] == [
        {
            "description": "قص وتصفيف الشعر",
            "description_en": "Haircut and styling",
            "quantity": 1,
            "unit_price_excl_vat": 10000,
            "vat_rate": "15.00",
            "vat": 1500,
            "total_incl_vat": PRICE,
        }
    ]
    assert tlv_decode(body["qr"])[4] == "115.00"
    assert body["qr_svg"].startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert body["pdf_url"] == f"/api/bookings/{booking.pk}/invoice.pdf"
    assert body["credit_notes"] == []


def test_credit_notes_are_listed_in_order_with_their_qr(customer_client, salon, booking, admin_user):
    payment = pay(booking)
    refund(payment, 5000, actor=admin_user)
    refund(payment, PRICE - 5000, actor=admin_user)

    body = customer_client.get(url(booking)).json()

    assert [(note["number"], note["amount"], note["vat"]) for note in body["credit_notes"]] == [
        (f"CRN-{salon.pk}-000002", 5000, 652),
        (f"CRN-{salon.pk}-000003", PRICE - 5000, 1500 - 652),
    ]
    note = body["credit_notes"][0]
    assert set(note) == {"number", "uuid", "issued_at", "amount", "vat", "qr", "qr_svg"}
    assert tlv_decode(note["qr"])[5] == "6.52"
    assert note["qr_svg"].startswith("<svg")


def test_a_receipt_has_no_vat_and_no_qr(customer_client, salon, booking):
    salon.vat_number = ""
    salon.save()
    pay(booking)

    body = customer_client.get(url(booking)).json()

    assert (body["kind"], body["vat"], body["qr"], body["qr_svg"]) == ("receipt", 0, None, None)
    assert body["seller"]["vat_number"] == ""


@pytest.mark.parametrize("suffix", ["invoice/", "invoice.pdf"])
def test_anyone_else_and_a_booking_not_paid_online_find_no_invoice(booking, new_booking, manager_client, suffix):
    pay(booking)
    unpaid = new_booking()
    stranger = client_for(make_user())

    for client, target in ((stranger, booking), (manager_client, booking), (client_for(booking.customer), unpaid)):
        response = client.get(url(target, suffix))
        assert (response.status_code, response.json()["code"]) == (404, "invoice_not_found")


def test_signing_in_is_required(api_client, booking):
    pay(booking)

    assert api_client.get(url(booking)).status_code == 401


def _pdf_text(content: bytes) -> str:
    """The PDF's text. pypdf reads a right-to-left line's glyphs back into logical order, reversing with it
    the Arabic-Indic numbers the PDF draws left to right: they are turned back."""
    pypdf = pytest.importorskip("pypdf")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)
    return re.sub("[٠-٩٫٬:]+", lambda number: number[0][::-1], text)


def test_the_pdf_has_the_arabic_seller_and_the_number_in_logical_order(customer_client, salon, booking, admin_user):
    salon.legal_name = "مؤسسة لمسة الياسمين للتجميل"
    salon.save()
    payment = pay(booking)
    refund(payment, 5000, actor=admin_user)

    response = customer_client.get(url(booking, "invoice.pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="INV-{salon.pk}-000001.pdf"'
    text = _pdf_text(response.content)
    assert "مؤسسة لمسة الياسمين للتجميل" in text
    assert f"INV-{salon.pk}-000001" in text
    assert f"CRN-{salon.pk}-000002" in text  # the credit note follows the invoice
    assert "فاتورة ضريبية مبسطة" in text
    assert VAT_NUMBER in text
    # The document's Arabic: amounts, rate and date as the Arabic SPA writes them, the date with its year.
    total = format_money(PRICE, language="ar").replace("\u00a0", " ")  # pypdf reads the no-break space so
    assert f"الإجمالي شامل الضريبة{total}" in text
    assert "١٥٪\u061c" in text
    issued = Document.objects.get(number=f"INV-{salon.pk}-000001").issued_at
    assert format_datetime(issued, tz=salon.tz, language="ar", weekday=False, year=True) in text


def test_the_pdf_comes_as_an_80_mm_receipt_roll_too(customer_client, booking):
    pypdf = pytest.importorskip("pypdf")
    pay(booking)

    response = customer_client.get(url(booking, "invoice.pdf") + "?size=receipt")

    (page,) = pypdf.PdfReader(io.BytesIO(response.content)).pages
    assert round(float(page.mediabox.width) * 25.4 / 72) == 80
    bad = customer_client.get(url(booking, "invoice.pdf") + "?size=a3", headers={"Accept": "application/pdf"})
    assert (bad.status_code, bad.json()["code"]) == (400, "invalid_choice")
