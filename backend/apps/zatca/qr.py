"""The phase-2 QR code (zatca.md §3): Base64 of TLV fields (tag byte, length byte, value). Tags 1–5 are
UTF-8 text (seller's name, VAT number, time stamp, total with VAT, VAT total), 6 the invoice hash and
7 the signature value (their Base64 text), 8 the public key (DER SubjectPublicKeyInfo bytes), 9 the
certificate's signature (bytes; simplified documents only)."""

import base64
from collections.abc import Mapping

SELLER_NAME, VAT_NUMBER, TIMESTAMP, TOTAL, VAT_TOTAL, HASH, SIGNATURE, PUBLIC_KEY, CERTIFICATE_SIGNATURE = range(1, 10)
TEXT_TAGS = (SELLER_NAME, VAT_NUMBER, TIMESTAMP, TOTAL, VAT_TOTAL, HASH, SIGNATURE)
MAX_VALUE = 255  # one length byte


def _fit_text(value: str) -> bytes:
    """UTF-8 bytes, cut at a character boundary to fit one length byte (a long seller name)."""
    encoded = value.encode("utf-8")
    return encoded if len(encoded) <= MAX_VALUE else encoded[:MAX_VALUE].decode("utf-8", "ignore").encode("utf-8")


def tlv_encode(fields: Mapping[int, str | bytes]) -> str:
    out = bytearray()
    for tag in sorted(fields):
        value = fields[tag]
        raw = _fit_text(value) if isinstance(value, str) else bytes(value)
        if len(raw) > MAX_VALUE:
            raise ValueError(f"QR tag {tag} is longer than {MAX_VALUE} bytes")
        out += bytes((tag, len(raw))) + raw
    return base64.b64encode(bytes(out)).decode("ascii")


def tlv_decode(payload: str) -> dict[int, str | bytes]:
    """The fields of a QR payload: text for tags 1–7, bytes for 8 and 9."""
    raw = base64.b64decode(payload, validate=True)
    fields: dict[int, str | bytes] = {}
    index = 0
    while index < len(raw):
        if index + 2 > len(raw):
            raise ValueError("truncated TLV field")
        tag, length = raw[index], raw[index + 1]
        value = raw[index + 2 : index + 2 + length]
        if len(value) != length:
            raise ValueError("truncated TLV value")
        fields[tag] = value.decode("utf-8") if tag in TEXT_TAGS else bytes(value)
        index += 2 + length
    return fields


def phase2_qr(
    *,
    seller_name: str,
    vat_number: str,
    timestamp: str,
    total: str,
    vat: str,
    invoice_hash: str,
    signature: str,
    public_key: bytes,
    certificate_signature: bytes,
) -> str:
    return tlv_encode(
        {
            SELLER_NAME: seller_name,
            VAT_NUMBER: vat_number,
            TIMESTAMP: timestamp,
            TOTAL: total,
            VAT_TOTAL: vat,
            HASH: invoice_hash,
            SIGNATURE: signature,
            PUBLIC_KEY: public_key,
            CERTIFICATE_SIGNATURE: certificate_signature,
        }
    )
