"""Check a signed document: its hash, its signature, its chain and its QR (used by the tests and the
fake provider). Returns the problems found, empty when the document is sound."""

import base64
import re

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from .hashing import hash_bytes, hex_digest_b64, parse
from .qr import CERTIFICATE_SIGNATURE, HASH, PUBLIC_KEY, SIGNATURE, TOTAL, VAT_NUMBER, VAT_TOTAL, tlv_decode
from .signing import QR_PATH, public_key_der
from .ubl import XPATH_NS
from .xades import DS_NS, signed_properties_digest

NS = {**XPATH_NS, "ds": DS_NS, "xades": "http://uri.etsi.org/01903/v1.3.2#"}
_SIGNED_PROPERTIES = re.compile(rb"<xades:SignedProperties .*?</xades:SignedProperties>", re.DOTALL)


def _text(root: etree._Element, path: str) -> str:
    found = root.xpath(path, namespaces=NS)
    return (found[0].text or "").strip() if found else ""


def verify_document(xml: bytes, *, previous_hash: str | None = None) -> list[str]:
    problems: list[str] = []
    try:
        root = parse(xml)
    except etree.XMLSyntaxError:
        return ["not_xml"]
    digest = hash_bytes(root)
    invoice_hash = base64.b64encode(digest).decode("ascii")
    stamped = _text(root, "//ds:Reference[@Id='invoiceSignedData']/ds:DigestValue")
    if stamped != invoice_hash:
        problems.append("hash_mismatch")
    try:
        certificate = x509.load_der_x509_certificate(base64.b64decode(_text(root, "//ds:X509Certificate")))
    except ValueError:
        return [*problems, "certificate_unreadable"]
    signature = _text(root, "//ds:SignatureValue")
    try:
        public_key = certificate.public_key()
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            raise InvalidSignature
        public_key.verify(base64.b64decode(signature), digest, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, ValueError):
        problems.append("signature_invalid")
    certificate_text = _text(root, "//ds:X509Certificate")
    if _text(root, "//xades:CertDigest/ds:DigestValue") != hex_digest_b64(certificate_text.encode("ascii")):
        problems.append("certificate_digest_mismatch")
    block = _SIGNED_PROPERTIES.search(xml)
    if block is None or _text(root, "//ds:Reference[@URI='#xadesSignedProperties']/ds:DigestValue") != (
        signed_properties_digest(block.group(0).decode("utf-8"))
    ):
        problems.append("signed_properties_mismatch")
    pih = _text(root, "/inv:Invoice/cac:AdditionalDocumentReference[cbc:ID='PIH']//cbc:EmbeddedDocumentBinaryObject")
    if previous_hash is not None and pih != previous_hash:
        problems.append("chain_broken")
    problems.extend(_qr_problems(root, invoice_hash=invoice_hash, signature=signature, certificate=certificate))
    return problems


def _qr_problems(root, *, invoice_hash: str, signature: str, certificate: x509.Certificate) -> list[str]:
    try:
        fields = tlv_decode(_text(root, QR_PATH))
    except ValueError:
        return ["qr_unreadable"]
    expected = {
        VAT_NUMBER: _text(root, "//cac:AccountingSupplierParty//cac:PartyTaxScheme/cbc:CompanyID"),
        TOTAL: _text(root, "/inv:Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount"),
        VAT_TOTAL: _text(root, "/inv:Invoice/cac:TaxTotal[1]/cbc:TaxAmount"),
        HASH: invoice_hash,
        SIGNATURE: signature,
        PUBLIC_KEY: public_key_der(certificate),
        CERTIFICATE_SIGNATURE: certificate.signature,
    }
    return ["qr_mismatch"] if any(fields.get(tag) != value for tag, value in expected.items()) else []
