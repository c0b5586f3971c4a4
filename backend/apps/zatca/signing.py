"""Stamp a document (pure: a key and a certificate in, signed XML out). `stamping.stamp` is the
version that takes an e-invoicing unit."""

import base64
from dataclasses import dataclass
from datetime import UTC

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from lxml import etree

from .amounts import sar, totals
from .document import InvoiceInput
from .hashing import hash_bytes, hex_digest_b64
from .qr import phase2_qr
from .ubl import XPATH_NS, build_body, issue_date_time
from .xades import extensions, signed_properties

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
QR_PATH = "/inv:Invoice/cac:AdditionalDocumentReference[cbc:ID='QR']/cac:Attachment/cbc:EmbeddedDocumentBinaryObject"


@dataclass(frozen=True)
class StampedDocument:
    """A signed document: the XML to keep and send, its invoice hash (the next document's PIH), the
    phase-2 QR payload (Base64 TLV) and the signature value (Base64)."""

    xml: bytes
    invoice_hash: str
    qr: str
    signature: str
    uuid: str


def certificate_text(certificate: x509.Certificate) -> str:
    """The certificate as `ds:X509Certificate` holds it: Base64 of the DER."""
    return base64.b64encode(certificate.public_bytes(serialization.Encoding.DER)).decode("ascii")


def issuer_name(certificate: x509.Certificate) -> str:
    """The issuer as ZATCA's samples write it: RFC 4514, most specific first, `, ` between parts."""
    return ", ".join(rdn.rfc4514_string() for rdn in reversed(certificate.issuer.rdns))


def public_key_der(certificate: x509.Certificate) -> bytes:
    return certificate.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def sign_hash(private_key: ec.EllipticCurvePrivateKey, digest: bytes) -> str:
    """ECDSA over the hash bytes (RFC 6979 deterministic nonces: the same document signs the same)."""
    signature = private_key.sign(digest, ec.ECDSA(hashes.SHA256(), deterministic_signing=True))
    return base64.b64encode(signature).decode("ascii")


def sign_document(
    document: InvoiceInput, *, private_key: ec.EllipticCurvePrivateKey, certificate: x509.Certificate
) -> StampedDocument:
    root = build_body(document)
    digest = hash_bytes(root)
    invoice_hash = base64.b64encode(digest).decode("ascii")
    signature = sign_hash(private_key, digest)
    figures = totals(document)
    issue_date, issue_time = issue_date_time(document)
    qr = phase2_qr(
        seller_name=document.seller.legal_name,
        vat_number=document.seller.vat_number,
        timestamp=f"{issue_date}T{issue_time}",
        total=sar(figures.total),
        vat=sar(figures.vat),
        invoice_hash=invoice_hash,
        signature=signature,
        public_key=public_key_der(certificate),
        certificate_signature=certificate.signature,
    )
    root.xpath(QR_PATH, namespaces=XPATH_NS)[0].text = qr
    cert_text = certificate_text(certificate)
    block = signed_properties(
        signing_time=document.issued_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S"),
        certificate_digest=hex_digest_b64(cert_text.encode("ascii")),
        issuer=issuer_name(certificate),
        serial=str(certificate.serial_number),
        declare=False,
    )
    stamp = extensions(
        invoice_hash=invoice_hash, signed_properties_block=block, signature=signature, certificate=cert_text
    )
    body = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    start_tag_end = body.index(b">") + 1
    xml = XML_DECLARATION + body[:start_tag_end] + stamp.encode("utf-8") + body[start_tag_end:]
    return StampedDocument(xml=xml, invoice_hash=invoice_hash, qr=qr, signature=signature, uuid=str(document.uuid))
