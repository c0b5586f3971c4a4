"""A document as a PDF (A4 or an 80 mm receipt roll), Arabic first with English beside, through the
shared renderer `core.pdf`. The wording is the document's own, not the reader's language: a tax
invoice is written in Arabic, the English is there to help. Its amounts, rates and dates are therefore
written as the Arabic SPA writes them (`apps.core.formatting`: Arabic-Indic digits, "ر.س."), its date
always with the year (a document is kept after its year ends)."""

from collections.abc import Sequence
from decimal import Decimal

from apps.core.formatting import format_datetime, format_money, format_number, format_percent
from apps.core.money import major_units
from apps.core.pdf import A4, PageSize, RtlDocument, Table

from .models import Document, DocumentKind

TITLES = {
    DocumentKind.INVOICE: ("فاتورة ضريبية مبسطة", "Simplified tax invoice", "رقم الفاتورة", "Invoice number"),
    DocumentKind.CREDIT_NOTE: ("إشعار دائن", "Credit note", "رقم الإشعار", "Credit note number"),
    DocumentKind.RECEIPT: ("إيصال", "Receipt", "رقم الإيصال", "Receipt number"),
}
NOT_A_TAX_INVOICE = (
    "البائع غير مسجل في ضريبة القيمة المضافة، وهذا المستند ليس فاتورة ضريبية. "
    "The seller is not registered for VAT: this is not a tax invoice."
)
QR_CAPTION = "رمز هيئة الزكاة والضريبة والجمارك  ZATCA QR code"


LANGUAGE = "ar"  # the document's, whoever reads it


def _sar(halalas: int) -> str:
    return format_money(halalas, language=LANGUAGE)


def _amount(halalas: int) -> str:
    """A table's amount, its currency in the header: "١١٥٫٠٠"."""
    return format_number(Decimal(major_units(halalas)), language=LANGUAGE, fraction_digits=2)


def _draw(pdf: RtlDocument, document: Document) -> None:
    # On an 80 mm roll the labels are Arabic only and the table has two columns, so that no word wraps.
    compact = pdf.page.height is None

    def _label(arabic: str, english: str) -> str:
        return arabic if compact else f"{arabic}  {english}"

    title_ar, title_en, number_ar, number_en = TITLES[document.kind]
    taxed = document.is_tax_document
    if document.kind == DocumentKind.CREDIT_NOTE and not taxed:
        title_ar, title_en = "إشعار استرداد", "Refund note"
    pdf.heading(title_ar, title_en)
    tz = document.salon.tz
    pairs = [(_label("البائع", "Seller"), document.seller_name)]
    if taxed:
        pairs.append((_label("الرقم الضريبي", "VAT number"), document.seller_vat_number))
    pairs += [
        (_label(number_ar, number_en), document.number),
        (
            _label("تاريخ الإصدار", "Issued"),
            format_datetime(document.issued_at, tz=tz, language=LANGUAGE, weekday=False, year=True),
        ),
    ]
    if document.original_id:
        pairs.append((_label("المستند الأصلي", "Original"), document.original.number))
    if document.buyer_name:
        pairs.append((_label("العميل", "Customer"), document.buyer_name))
    pairs.append((_label("رقم الحجز", "Booking"), document.booking.reference))
    pdf.key_values(pairs, label_share=0.4 if compact else 0.45)
    pdf.space(2)
    if taxed and compact:
        pdf.table(
            Table(
                headers=("الخدمة", "الإجمالي"),
                rows=[(_description(line), _amount(line["total_incl_vat"])) for line in document.lines],
                widths=(3, 1.2),
            )
        )
    elif taxed:
        pdf.table(
            Table(
                headers=(
                    _label("الخدمة", "Service"),
                    _label("السعر دون الضريبة", "Excl. VAT"),
                    _label("النسبة", "Rate"),
                    _label("الضريبة", "VAT"),
                    _label("الإجمالي", "Total"),
                ),
                rows=[
                    (
                        _description(line),
                        _amount(line["unit_price_excl_vat"] * line["quantity"]),
                        format_percent(line["vat_rate"], language=LANGUAGE),
                        _amount(line["vat"]),
                        _amount(line["total_incl_vat"]),
                    )
                    for line in document.lines
                ],
                widths=(4, 2, 1.4, 1.6, 2),
            )
        )
    if taxed:
        pdf.key_values(
            [
                (_label("الإجمالي دون الضريبة", "Total excl. VAT"), _sar(document.subtotal)),
                (_label("نسبة الضريبة", "VAT rate"), format_percent(document.vat_rate, language=LANGUAGE)),
                (_label("ضريبة القيمة المضافة", "VAT"), _sar(document.vat_amount)),
                (_label("الإجمالي شامل الضريبة", "Total incl. VAT"), _sar(document.total)),
            ],
            label_share=0.5 if compact else 0.45,
        )
        pdf.space(3)
        pdf.qr_code(document.qr, caption=QR_CAPTION)
    else:
        pdf.table(
            Table(
                headers=(_label("الخدمة", "Service"), _label("المبلغ", "Amount")),
                rows=[(_description(line), _amount(line["total_incl_vat"])) for line in document.lines],
                widths=(3, 1),
            )
        )
        pdf.key_values([(_label("الإجمالي", "Total"), _sar(document.total))], label_share=0.5 if compact else 0.45)
        pdf.space(2)
        pdf.text(NOT_A_TAX_INVOICE)


def _description(line: dict) -> str:
    english = line.get("description_en") or ""
    return f"{line['description_ar']}\n{english}" if english else line["description_ar"]


def documents_pdf(documents: Sequence[Document], *, page: PageSize = A4) -> bytes:
    """The documents one after another (each on its own page on A4, after a rule on a roll)."""
    first = documents[0]
    pdf = RtlDocument(page=page, title=first.number, author=first.seller_name, created_at=first.issued_at)
    for index, document in enumerate(documents):
        if index:
            pdf.page_break()
        _draw(pdf, document)
    return pdf.render()
