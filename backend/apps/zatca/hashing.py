"""The invoice hash (zatca.md §3): take out `ext:UBLExtensions`, `cac:Signature` and the QR
reference (their surrounding whitespace stays, as ZATCA's XPath filters leave it), canonicalise with
C14N 1.0, SHA-256, Base64 of the 32 bytes."""

import base64
import hashlib

from lxml import etree

from .ubl import XPATH_NS

EXCLUDED = (
    "/inv:Invoice/ext:UBLExtensions",
    "/inv:Invoice/cac:Signature",
    "/inv:Invoice/cac:AdditionalDocumentReference[cbc:ID='QR']",
)

# Base64 of the hex text of SHA-256("0"): the previous-invoice hash of a unit's first document.
INITIAL_PREVIOUS_HASH = base64.b64encode(hashlib.sha256(b"0").hexdigest().encode()).decode()


def _remove_keeping_whitespace(element: etree._Element) -> None:
    parent, tail = element.getparent(), element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def canonical_bytes(root: etree._Element) -> bytes:
    """C14N 1.0 of a copy of the document without the signature blocks and the QR."""
    copy = etree.fromstring(etree.tostring(root))
    for path in EXCLUDED:
        for element in copy.xpath(path, namespaces=XPATH_NS):
            _remove_keeping_whitespace(element)
    return etree.tostring(copy, method="c14n", exclusive=False, with_comments=False)


def hash_bytes(root: etree._Element) -> bytes:
    return hashlib.sha256(canonical_bytes(root)).digest()


def invoice_hash(xml: bytes) -> str:
    """Base64 of the SHA-256 of a document's canonical form (its `invoiceHash`)."""
    return base64.b64encode(hash_bytes(parse(xml))).decode("ascii")


def parse(xml: bytes) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    return etree.fromstring(xml, parser=parser)


def hex_digest_b64(data: bytes) -> str:
    """Base64 of the hex text of SHA-256(data): ZATCA's form for the certificate and signed-properties digests."""
    return base64.b64encode(hashlib.sha256(data).hexdigest().encode("ascii")).decode("ascii")
