"""What ZATCA's e-invoicing rules ask of each document in phase 1, kept so that phase 2 can build on
it (see docs/adr/0006-tax-invoices.md and `shared/zatca.md`):

- the QR code of a simplified tax invoice or credit note: Base64 of TLV fields (tag byte, length
  byte, UTF-8 value) 1 seller's name, 2 VAT number, 3 time stamp (ISO 8601), 4 total with VAT,
  5 VAT total; amounts in SAR with two decimals. Phase 2 adds tags 6–9 (hash, signature, key,
  certificate signature).
- the chain: each document stores the previous document's hash (PIH; the first of an issuer gets
  ZATCA's initial value, Base64 of the hex SHA-256 of "0") and its own hash (Base64 of a SHA-256).
  In phase 1 the hash is taken over the document's canonical JSON (`canonical_text`); in phase 2 it
  is taken over the signed UBL XML, and the chain simply continues.
"""

import base64
import hashlib
import io
import json
from collections.abc import Mapping
from datetime import UTC, datetime

import segno

from apps.core.money import major_units

# Base64 of the hex text of SHA-256("0"): the previous-invoice hash of an issuer's first document.
INITIAL_PREVIOUS_HASH = base64.b64encode(hashlib.sha256(b"0").hexdigest().encode()).decode()

SELLER_NAME, VAT_NUMBER, TIMESTAMP, TOTAL, VAT_TOTAL = 1, 2, 3, 4, 5
MAX_TLV_VALUE = 255  # one length byte


def zatca_timestamp(instant: datetime) -> str:
    """ISO 8601 in UTC to the second, as ZATCA's samples write it: `2026-03-10T08:05:00Z`."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _fit(value: str) -> bytes:
    """UTF-8 bytes of `value`, cut at a character boundary to fit one length byte."""
    encoded = value.encode("utf-8")
    if len(encoded) <= MAX_TLV_VALUE:
        return encoded
    return encoded[:MAX_TLV_VALUE].decode("utf-8", errors="ignore").encode("utf-8")


def tlv_encode(fields: Mapping[int, str]) -> str:
    """Base64 of the TLV fields, in tag order."""
    out = bytearray()
    for tag in sorted(fields):
        value = _fit(fields[tag])
        out += bytes((tag, len(value))) + value
    return base64.b64encode(bytes(out)).decode("ascii")


def tlv_decode(payload: str) -> dict[int, str]:
    """The fields of a Base64 TLV payload (the inverse of `tlv_encode`)."""
    raw = base64.b64decode(payload, validate=True)
    fields, index = {}, 0
    while index < len(raw):
        if index + 2 > len(raw):
            raise ValueError("truncated TLV field")
        tag, length = raw[index], raw[index + 1]
        value = raw[index + 2 : index + 2 + length]
        if len(value) != length:
            raise ValueError("truncated TLV value")
        fields[tag] = value.decode("utf-8")
        index += 2 + length
    return fields


def simplified_invoice_qr(*, seller_name: str, vat_number: str, issued_at: datetime, total: int, vat: int) -> str:
    """The phase-1 QR payload of a simplified tax invoice or credit note (amounts in halalas)."""
    return tlv_encode(
        {
            SELLER_NAME: seller_name,
            VAT_NUMBER: vat_number,
            TIMESTAMP: zatca_timestamp(issued_at),
            TOTAL: major_units(total),
            VAT_TOTAL: major_units(vat),
        }
    )


def qr_svg(payload: str) -> str:
    """An SVG image of a QR code of `payload` (error correction M, 4-module quiet zone, no XML
    declaration, a view box instead of a size: it can be inlined or used as a data URL and scaled)."""
    buffer = io.BytesIO()
    segno.make(payload, error="m", micro=False, boost_error=False).save(
        buffer, kind="svg", xmldecl=False, svgns=True, nl=False, omitsize=True, border=4, light="#fff", svgclass="qr"
    )
    return buffer.getvalue().decode("utf-8")


def canonical_text(fields: Mapping[str, object]) -> str:
    """The document's fields as canonical JSON: sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def document_hash(fields: Mapping[str, object]) -> str:
    """Base64 of the SHA-256 of the canonical text (the same form as ZATCA's invoice hash)."""
    return base64.b64encode(hashlib.sha256(canonical_text(fields).encode("utf-8")).digest()).decode("ascii")
