"""The hash chain of an issuer's documents: what a document's hash is taken over, and a check that a
sequence's documents are numbered without gaps, each linked to the one before, each hash intact."""

from .models import Document, DocumentSequence
from .zatca import INITIAL_PREVIOUS_HASH, document_hash, zatca_timestamp


def hashed_fields(document: Document) -> dict[str, object]:
    """Everything the document says, as the phase-1 hash covers it (its own hash aside)."""
    return {
        "uuid": str(document.uuid),
        "kind": document.kind,
        "number": document.number,
        "counter": document.counter,
        "issued_at": zatca_timestamp(document.issued_at),
        "seller_name": document.seller_name,
        "seller_vat_number": document.seller_vat_number,
        "buyer_name": document.buyer_name,
        "currency": document.currency,
        "subtotal": document.subtotal,
        "vat_amount": document.vat_amount,
        "total": document.total,
        "vat_rate": f"{document.vat_rate:.2f}",
        "lines": document.lines,
        "original": document.original.number if document.original_id else None,
        "qr": document.qr,
        "previous_hash": document.previous_hash,
    }


def document_hash_of(document: Document) -> str:
    return document_hash(hashed_fields(document))


def chain_breaks(sequence: DocumentSequence) -> list[str]:
    """What is wrong with the sequence's chain (empty when nothing): a counter out of order, a
    previous hash that is not the hash before, a hash that does not match the document, or a
    sequence row that does not continue from its last document."""
    problems: list[str] = []
    expected_counter, expected_previous = 1, INITIAL_PREVIOUS_HASH
    documents = sequence.documents.select_related("original").order_by("counter")
    for document in documents.iterator():
        if document.counter != expected_counter:
            problems.append(f"{document.number}: counter {document.counter}, expected {expected_counter}")
        if document.previous_hash != expected_previous:
            problems.append(f"{document.number}: previous hash does not match the document before")
        if document.hash != document_hash_of(document):
            problems.append(f"{document.number}: hash does not match the document")
        expected_counter, expected_previous = document.counter + 1, document.hash
    if sequence.next_counter != expected_counter:
        problems.append(f"{sequence.code}: next counter {sequence.next_counter}, expected {expected_counter}")
    if sequence.last_hash != expected_previous:
        problems.append(f"{sequence.code}: last hash is not the last document's")
    return problems
