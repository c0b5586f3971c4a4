"""The signed document: golden bytes, amounts, QR, and what the verifier detects."""

import base64
from dataclasses import replace
from decimal import Decimal

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from apps.zatca.amounts import Unreconciled, sar, totals
from apps.zatca.document import Line
from apps.zatca.hashing import INITIAL_PREVIOUS_HASH, invoice_hash
from apps.zatca.qr import tlv_decode
from apps.zatca.signing import public_key_der, sign_document
from apps.zatca.verify import verify_document

from .samples import FIXTURES, credit_note, debit_note, invoice, unit_certificate, unit_key


def _sign(document):
    return sign_document(document, private_key=unit_key(), certificate=unit_certificate())


def test_the_fixed_invoice_is_rebuilt_byte_for_byte():
    stamped = _sign(invoice())

    assert stamped.xml == (FIXTURES / "golden_invoice.xml").read_bytes()
    assert stamped.invoice_hash == "zzGJRfkjYauIMMgblUzax5+3OZAYSPPCDJu1v3aF5jc="
    assert invoice_hash(stamped.xml) == stamped.invoice_hash


@pytest.mark.parametrize(("halalas", "text"), [(0, "0.00"), (1, "0.01"), (11500, "115.00"), (123456789, "1234567.89")])
def test_halalas_are_written_as_sar_with_two_decimals(halalas, text):
    assert sar(halalas) == text


def test_line_vat_and_totals_reconcile_to_the_halala():
    figures = totals(invoice())

    assert (figures.net, figures.vat, figures.total) == (16666, 2500, 19166)
    assert [(item.vat_rate, item.taxable, item.vat) for item in figures.subtotals] == [(Decimal("15.00"), 16666, 2500)]


def test_a_vat_more_than_a_halala_off_is_refused():
    with pytest.raises(Unreconciled):
        totals(invoice(lines=(Line(name="x", quantity=1, unit_price=10000, vat_amount=1502),)))


def test_a_note_without_its_invoice_or_reason_is_refused():
    with pytest.raises(ValueError, match="original invoice"):
        credit_note(reason="")


def test_the_qr_carries_the_nine_phase_2_fields():
    stamped = _sign(invoice())

    fields = tlv_decode(stamped.qr)

    assert fields[1] == "صالون الاختبار | Test Salon LLC"
    assert fields[2] == "399999999900003"
    assert fields[3] == "2026-03-10T11:05:00"  # Riyadh wall clock, as IssueDate/IssueTime
    assert (fields[4], fields[5]) == ("191.66", "25.00")
    assert (fields[6], fields[7]) == (stamped.invoice_hash, stamped.signature)
    assert fields[8] == public_key_der(unit_certificate())
    assert fields[9] == unit_certificate().signature


@pytest.mark.parametrize("build", [invoice, credit_note, debit_note])
def test_every_document_type_verifies(build):
    stamped = _sign(build())

    assert verify_document(stamped.xml, previous_hash=INITIAL_PREVIOUS_HASH) == []


def test_a_changed_amount_is_detected():
    stamped = _sign(invoice())
    tampered = stamped.xml.replace(b">191.66</cbc:TaxInclusiveAmount>", b">181.66</cbc:TaxInclusiveAmount>")

    assert tampered != stamped.xml
    assert "hash_mismatch" in verify_document(tampered)


def test_a_broken_chain_is_detected():
    stamped = _sign(invoice(previous_hash=base64.b64encode(b"another document").decode()))

    assert verify_document(stamped.xml, previous_hash=INITIAL_PREVIOUS_HASH) == ["chain_broken"]


def test_a_signature_by_another_key_is_detected():
    stamped = sign_document(
        invoice(), private_key=ec.generate_private_key(ec.SECP256K1()), certificate=unit_certificate()
    )

    assert verify_document(stamped.xml) == ["signature_invalid"]


def test_a_changed_signed_property_is_detected():
    stamped = _sign(invoice())
    tampered = stamped.xml.replace(b"<xades:SigningTime>2026-03-10T08:05:00", b"<xades:SigningTime>2026-03-10T08:06:00")

    assert verify_document(tampered) == ["signed_properties_mismatch"]


def test_the_hash_ignores_the_stamp_and_the_qr_but_not_the_body():
    first = _sign(invoice())
    other_key = sign_document(
        invoice(), private_key=ec.generate_private_key(ec.SECP256K1()), certificate=unit_certificate()
    )
    other_line = _sign(invoice(lines=(replace(invoice().lines[0], unit_price=10001),)))

    assert other_key.invoice_hash == first.invoice_hash
    assert other_line.invoice_hash != first.invoice_hash


def test_the_document_is_well_formed_ubl_with_its_references():
    root = etree.fromstring(_sign(credit_note()).xml)
    ns = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}

    assert root.xpath("string(cbc:InvoiceTypeCode)", namespaces=ns) == "381"
    assert root.xpath("string(cbc:InvoiceTypeCode/@name)", namespaces=ns) == "0200000"
    assert root.xpath("string(//cbc:InstructionNote)", namespaces=ns).startswith("Booking cancelled")
