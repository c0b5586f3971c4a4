"""ZATCA's rules run offline over each document type (`fatoority`, a pinned test-only dependency that
runs the SDK's XSD, EN 16931 and KSA stylesheets and the signature, QR and chain checks)."""

import pytest

from apps.core.money import vat_included
from apps.zatca.document import Line
from apps.zatca.hashing import INITIAL_PREVIOUS_HASH
from apps.zatca.signing import sign_document

from .samples import credit_note, debit_note, invoice, unit_certificate, unit_key

fatoora_api = pytest.importorskip("fatoora.api")


def _report(document, previous_hash):
    stamped = sign_document(document, private_key=unit_key(), certificate=unit_certificate())
    config = fatoora_api.Config(fatoora_api.Environment.NON_PRODUCTION)
    return stamped, fatoora_api.validate_zatca_invoice_from_str(
        config, stamped.xml.decode("utf-8"), previous_invoice_hash=previous_hash, evaluated_at="2026-03-10T09:00:00Z"
    )


def _findings(report):
    return [(stage["stage"], finding["code"]) for stage in report["stages"] for finding in stage["findings"]]


@pytest.mark.parametrize("build", [invoice, credit_note, debit_note], ids=["invoice", "credit_note", "debit_note"])
def test_every_document_type_passes_zatcas_rules(build):
    _, report = _report(build(), INITIAL_PREVIOUS_HASH)

    assert report["is_complete"] is True
    assert report["is_valid"] is True
    assert _findings(report) == []
    assert [stage["status"] for stage in report["stages"]] == ["completed"] * len(report["stages"])


def test_a_chained_second_document_passes_and_a_forked_one_does_not():
    first, _ = _report(invoice(), INITIAL_PREVIOUS_HASH)
    _, chained = _report(credit_note(previous_hash=first.invoice_hash), first.invoice_hash)
    _, forked = _report(credit_note(previous_hash=INITIAL_PREVIOUS_HASH), first.invoice_hash)

    assert chained["is_valid"] is True
    assert forked["is_valid"] is False


@pytest.mark.parametrize("total", [1, 2, 3, 7, 13, 20, 46, 99, 101, 1999, 4999, 12345, 33333, 123457, 1000001])
def test_amounts_split_as_invoicing_stores_them_reconcile_for_any_total(total):
    line = Line.from_inclusive(name="قص شعر | Haircut", total=total, vat=vat_included(total))
    _, report = _report(invoice(lines=(line,)), INITIAL_PREVIOUS_HASH)

    assert (report["is_valid"], _findings(report)) == (True, [])
