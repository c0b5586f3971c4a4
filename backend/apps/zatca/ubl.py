"""The UBL 2.1 XML of a simplified invoice (388), credit note (381) or debit note (383), as ZATCA's XML
implementation standard and the SDK's samples lay it out, without the stamp: `build_body` returns the
`Invoice` element with the ICV, PIH, an empty QR reference and the `cac:Signature` marker; `stamping`
hashes it, signs it and adds `ext:UBLExtensions`. Written without indentation, so that taking the
signature blocks out leaves no whitespace behind (the invoice hash is over that)."""

from zoneinfo import ZoneInfo

from lxml import etree

from .amounts import percent, sar, totals
from .document import DocumentType, InvoiceInput

INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
NSMAP = {None: INVOICE_NS, "cac": CAC, "cbc": CBC, "ext": EXT}
XPATH_NS = {"inv": INVOICE_NS, "cac": CAC, "cbc": CBC, "ext": EXT}

SIMPLIFIED_FLAGS = "0200000"  # simplified; not third party, nominal, export, summary or self-billed
SIGNATURE_ID = "urn:oasis:names:specification:ubl:signature:Invoice"
SIGNATURE_METHOD = "urn:oasis:names:specification:ubl:dsig:enveloped:xades"
PAYMENT_MEANS_CODE = "10"  # "in cash"; ZATCA's samples use it for simplified documents
UNECE = {"schemeID": "UN/ECE 5305", "schemeAgencyID": "6"}
UNECE_TAX_SCHEME = {"schemeID": "UN/ECE 5153", "schemeAgencyID": "6"}


def _sub(parent, tag: str, text: str | None = None, **attributes) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{XPATH_NS[prefix]}}}{name}", attrib=attributes or None)
    if text is not None:
        element.text = text
    return element


def _money(parent, tag: str, halalas: int) -> etree._Element:
    return _sub(parent, tag, sar(halalas), currencyID="SAR")


def _reference(parent, name: str, *, uuid: str | None = None, binary: str | None = None) -> etree._Element:
    reference = _sub(parent, "cac:AdditionalDocumentReference")
    _sub(reference, "cbc:ID", name)
    if uuid is not None:
        _sub(reference, "cbc:UUID", uuid)
    if binary is not None:
        attachment = _sub(reference, "cac:Attachment")
        _sub(attachment, "cbc:EmbeddedDocumentBinaryObject", binary, mimeCode="text/plain")
    return reference


def _tax_category(parent, tag: str, rate, *, scheme_attributes: bool) -> None:
    category = _sub(parent, tag)
    _sub(category, "cbc:ID", "S", **(UNECE if scheme_attributes else {}))
    _sub(category, "cbc:Percent", percent(rate))
    scheme = _sub(category, "cac:TaxScheme")
    _sub(scheme, "cbc:ID", "VAT", **(UNECE_TAX_SCHEME if scheme_attributes else {}))


def _seller(parent, document: InvoiceInput) -> None:
    seller = document.seller
    party = _sub(_sub(parent, "cac:AccountingSupplierParty"), "cac:Party")
    _sub(_sub(party, "cac:PartyIdentification"), "cbc:ID", seller.cr_number, schemeID="CRN")
    address = _sub(party, "cac:PostalAddress")
    _sub(address, "cbc:StreetName", seller.street)
    _sub(address, "cbc:BuildingNumber", seller.building_number)
    _sub(address, "cbc:CitySubdivisionName", seller.district)
    _sub(address, "cbc:CityName", seller.city)
    _sub(address, "cbc:PostalZone", seller.postal_code)
    _sub(_sub(address, "cac:Country"), "cbc:IdentificationCode", "SA")
    tax_scheme = _sub(party, "cac:PartyTaxScheme")
    _sub(tax_scheme, "cbc:CompanyID", seller.vat_number)
    _sub(_sub(tax_scheme, "cac:TaxScheme"), "cbc:ID", "VAT")
    _sub(_sub(party, "cac:PartyLegalEntity"), "cbc:RegistrationName", seller.legal_name)


def _buyer(parent, document: InvoiceInput) -> None:
    customer = _sub(parent, "cac:AccountingCustomerParty")
    if document.buyer_name:
        party = _sub(customer, "cac:Party")
        _sub(_sub(party, "cac:PartyLegalEntity"), "cbc:RegistrationName", document.buyer_name)


def _lines(parent, document: InvoiceInput) -> None:
    for index, line in enumerate(document.lines, start=1):
        element = _sub(parent, "cac:InvoiceLine")
        _sub(element, "cbc:ID", str(index))
        _sub(element, "cbc:InvoicedQuantity", f"{line.quantity}.000000", unitCode="PCE")
        _money(element, "cbc:LineExtensionAmount", line.net_amount)
        tax_total = _sub(element, "cac:TaxTotal")
        _money(tax_total, "cbc:TaxAmount", line.vat)
        _money(tax_total, "cbc:RoundingAmount", line.total)
        item = _sub(element, "cac:Item")
        _sub(item, "cbc:Name", line.name)
        _tax_category(item, "cac:ClassifiedTaxCategory", line.vat_rate, scheme_attributes=False)
        _money(_sub(element, "cac:Price"), "cbc:PriceAmount", line.unit_price)


def issue_date_time(document: InvoiceInput) -> tuple[str, str]:
    """`cbc:IssueDate` and `cbc:IssueTime` on the seller's wall clock."""
    local = document.issued_at.astimezone(ZoneInfo(document.timezone))
    return local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")


def build_body(document: InvoiceInput) -> etree._Element:
    """The document without `ext:UBLExtensions`, with an empty QR reference to fill in."""
    figures = totals(document)
    issue_date, issue_time = issue_date_time(document)
    root = etree.Element(f"{{{INVOICE_NS}}}Invoice", nsmap=NSMAP)
    _sub(root, "cbc:ProfileID", "reporting:1.0")
    _sub(root, "cbc:ID", document.number)
    _sub(root, "cbc:UUID", str(document.uuid))
    _sub(root, "cbc:IssueDate", issue_date)
    _sub(root, "cbc:IssueTime", issue_time)
    _sub(root, "cbc:InvoiceTypeCode", str(document.type), name=SIMPLIFIED_FLAGS)
    _sub(root, "cbc:DocumentCurrencyCode", "SAR")
    _sub(root, "cbc:TaxCurrencyCode", "SAR")
    if document.type != DocumentType.INVOICE:
        reference = _sub(_sub(root, "cac:BillingReference"), "cac:InvoiceDocumentReference")
        _sub(reference, "cbc:ID", document.billing_reference)
    _reference(root, "ICV", uuid=str(document.counter))
    _reference(root, "PIH", binary=document.previous_hash)
    _reference(root, "QR", binary="")
    signature = _sub(root, "cac:Signature")
    _sub(signature, "cbc:ID", SIGNATURE_ID)
    _sub(signature, "cbc:SignatureMethod", SIGNATURE_METHOD)
    _seller(root, document)
    _buyer(root, document)
    _sub(_sub(root, "cac:Delivery"), "cbc:ActualDeliveryDate", issue_date)
    means = _sub(root, "cac:PaymentMeans")
    _sub(means, "cbc:PaymentMeansCode", PAYMENT_MEANS_CODE)
    if document.reason:
        _sub(means, "cbc:InstructionNote", document.reason)
    _money(_sub(root, "cac:TaxTotal"), "cbc:TaxAmount", figures.vat)
    tax_total = _sub(root, "cac:TaxTotal")
    _money(tax_total, "cbc:TaxAmount", figures.vat)
    for subtotal in figures.subtotals:
        element = _sub(tax_total, "cac:TaxSubtotal")
        _money(element, "cbc:TaxableAmount", subtotal.taxable)
        _money(element, "cbc:TaxAmount", subtotal.vat)
        _tax_category(element, "cac:TaxCategory", subtotal.vat_rate, scheme_attributes=True)
    monetary = _sub(root, "cac:LegalMonetaryTotal")
    _money(monetary, "cbc:LineExtensionAmount", figures.net)
    _money(monetary, "cbc:TaxExclusiveAmount", figures.net)
    _money(monetary, "cbc:TaxInclusiveAmount", figures.total)
    _money(monetary, "cbc:AllowanceTotalAmount", 0)
    _money(monetary, "cbc:PrepaidAmount", 0)
    _money(monetary, "cbc:PayableAmount", figures.total)
    _lines(root, document)
    return root
