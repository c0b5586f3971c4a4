"""The signing interface for `invoicing`: stamp one document with a unit's key and certificate.

    stamped = stamp(unit=unit, document=InvoiceInput(...))
    stamped.xml            # the signed UBL document to keep (immutable) and report
    stamped.invoice_hash   # keep it: the next document's previous hash (PIH)
    stamped.qr             # the phase-2 QR payload (Base64 TLV) for the printed invoice
    stamped.signature      # the signature value

Pure CPU work (no I/O but reading the unit), safe inside the issuing transaction. The counter and the
previous hash come from the caller's `DocumentSequence`, locked in that transaction."""

from .credentials import signing_material
from .document import InvoiceInput
from .models import EgsUnit
from .signing import StampedDocument, sign_document

__all__ = ["StampedDocument", "stamp"]


def stamp(*, unit: EgsUnit, document: InvoiceInput) -> StampedDocument:
    """`UnitNotActive` unless the unit is active or expiring."""
    private_key, certificate = signing_material(unit)
    return sign_document(document, private_key=private_key, certificate=certificate)
