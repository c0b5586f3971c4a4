"""The shared right-to-left PDF renderer: Arabic shaped and extracted in logical order, A4 and an
80 mm receipt roll that fits its content, a QR code, the same bytes for the same input."""

import io
from datetime import UTC, datetime

import pytest

from apps.core.pdf import A4, RECEIPT, RtlDocument, Table

pypdf = pytest.importorskip("pypdf")
MM = 72 / 25.4
SELLER = "مؤسسة لمسة الياسمين للتجميل"


def _document(page) -> RtlDocument:
    document = RtlDocument(page=page, title="فاتورة", created_at=datetime(2026, 3, 10, 11, 5, tzinfo=UTC))
    document.heading("فاتورة ضريبية مبسطة", "Simplified tax invoice")
    document.key_values([("البائع Seller", SELLER), ("رقم الفاتورة Invoice number", "INV-12-000123")])
    document.table(
        Table(
            headers=("الخدمة Service", "الإجمالي Total"),
            rows=[("قص وتصفيف الشعر", "115.00"), ("الإجمالي", "115.00")],
            widths=(3, 1),
            bold_last_row=True,
        )
    )
    document.qr_code("AQVTYWxvbg==", caption="رمز الاستجابة السريعة")
    document.rule()
    document.text("شكرًا لزيارتكم")
    return document


def _pages(content: bytes):
    return pypdf.PdfReader(io.BytesIO(content)).pages


def test_an_a4_document_has_its_arabic_text_in_logical_order():
    content = _document(A4).render()

    assert content.startswith(b"%PDF-")
    (page,) = _pages(content)
    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (210, 297)
    text = page.extract_text()
    assert SELLER in text
    assert "INV-12-000123" in text
    assert "فاتورة ضريبية مبسطة" in text
    assert "شكرًا لزيارتكم" in text


def test_a_receipt_roll_is_80_mm_wide_and_as_long_as_its_content():
    content = _document(RECEIPT).render()

    (page,) = _pages(content)
    width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
    assert round(width) == 80
    assert 60 < height < 200
    assert SELLER in page.extract_text()


def test_the_same_document_gives_the_same_bytes():
    assert _document(A4).render() == _document(A4).render()


def test_a_long_table_flows_onto_a_second_page():
    document = RtlDocument(page=A4, created_at=datetime(2026, 1, 1, tzinfo=UTC))
    document.table(
        Table(headers=("البند", "المبلغ"), rows=[(f"بند {n}", f"{n}.00") for n in range(120)], widths=(3, 1))
    )

    pages = _pages(document.render())

    assert len(pages) >= 2
    assert "119.00" in pages[-1].extract_text()
    assert "119.00" not in pages[0].extract_text()
