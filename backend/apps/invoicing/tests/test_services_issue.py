"""Issuing: a payment that pays its booking gets a simplified tax invoice in the salon's name in the
same transaction, numbered and chained per salon; a refund that succeeded gets a credit note that
refers to it; a salon without a VAT number issues receipts."""

import uuid

import pytest
from django.db import transaction

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.tests.conftest import at
from apps.invoicing.chain import chain_breaks, document_hash_of
from apps.invoicing.models import Document, DocumentKind, DocumentSequence
from apps.invoicing.zatca import INITIAL_PREVIOUS_HASH, tlv_decode, zatca_timestamp
from apps.payments.models import EventSource, Payment, PaymentStatus
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import make_payment, remote
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import PRICE, VAT_NUMBER, pay, refund

pytestmark = pytest.mark.django_db


def test_a_payment_received_issues_a_simplified_tax_invoice_in_the_salons_name(salon, booking, customer):
    payment = pay(booking)

    invoice = Document.objects.get()
    assert invoice.kind == DocumentKind.INVOICE
    assert (invoice.number, invoice.counter) == (f"INV-{salon.pk}-000001", 1)
    assert (invoice.booking, invoice.payment, invoice.salon) == (booking, payment, salon)
    assert (invoice.seller_name, invoice.seller_vat_number) == ("صالون لمسة الياسمين", VAT_NUMBER)
    assert invoice.buyer_name == "سارة العتيبي"
    assert (invoice.total, invoice.vat_amount, invoice.subtotal, str(invoice.vat_rate)) == (PRICE, 1500, 10000, "15.00")
    assert invoice.lines == [
        {
            "description_ar": "قص وتصفيف الشعر",
            "description_en": "Haircut and styling",
            "quantity": 1,
            "unit_price_excl_vat": 10000,
            "vat_rate": "15.00",
            "vat": 1500,
            "total_incl_vat": PRICE,
        }
    ]
    assert invoice.issued_at.microsecond == 0
    assert isinstance(invoice.uuid, uuid.UUID)
    assert (invoice.previous_hash, invoice.hash) == (INITIAL_PREVIOUS_HASH, document_hash_of(invoice))


def test_the_qr_code_decodes_back_into_the_five_phase_one_fields(booking):
    pay(booking)

    invoice = Document.objects.get()
    assert tlv_decode(invoice.qr) == {
        1: "صالون لمسة الياسمين",
        2: VAT_NUMBER,
        3: zatca_timestamp(invoice.issued_at),
        4: "115.00",
        5: "15.00",
    }
    assert zatca_timestamp(invoice.issued_at).endswith("Z")


def test_the_salons_legal_name_is_the_seller_when_it_has_one(salon, booking):
    salon.legal_name = "مؤسسة لمسة الياسمين للتجميل"
    salon.save()

    pay(booking)

    invoice = Document.objects.get()
    assert invoice.seller_name == "مؤسسة لمسة الياسمين للتجميل"
    assert tlv_decode(invoice.qr)[1] == "مؤسسة لمسة الياسمين للتجميل"


def test_a_salon_without_a_vat_number_issues_a_receipt_without_vat_or_qr(salon, booking):
    salon.vat_number = ""
    salon.save()

    pay(booking)

    receipt = Document.objects.get()
    assert (receipt.kind, receipt.number) == (DocumentKind.RECEIPT, f"RCT-{salon.pk}-000001")
    assert (receipt.seller_vat_number, receipt.qr) == ("", "")
    assert (receipt.total, receipt.vat_amount, receipt.subtotal, str(receipt.vat_rate)) == (PRICE, 0, PRICE, "0.00")


def test_documents_of_a_salon_are_numbered_in_turn_and_chained(salon, new_booking, other_salon_booking):
    first, second = pay(new_booking()), pay(new_booking())
    elsewhere = pay(other_salon_booking)

    one, two = Document.objects.filter(salon=salon).order_by("counter")
    assert [(one.counter, one.payment), (two.counter, two.payment)] == [(1, first), (2, second)]
    assert two.previous_hash == one.hash
    assert two.number == f"INV-{salon.pk}-000002"
    other = Document.objects.get(payment=elsewhere)
    assert (other.counter, other.previous_hash) == (1, INITIAL_PREVIOUS_HASH)
    sequence = DocumentSequence.objects.get(salon=salon)
    assert (sequence.next_counter, sequence.last_hash) == (3, two.hash)
    assert chain_breaks(sequence) == []


@pytest.fixture
def other_salon_booking(customer, day):
    salon = make_salon(vat_number="300000000000003")
    other_service = make_service(salon, price_amount=PRICE)
    return make_booking(make_staff(salon, [other_service]), other_service, customer, at(day, "20:00"))


def test_a_replayed_report_issues_nothing_more(booking):
    payment = pay(booking)

    payment_sync(payment_id=payment.id, remote=remote(payment, status="paid", amount=PRICE), source=EventSource.WEBHOOK)

    assert Document.objects.count() == 1


def test_the_invoice_is_issued_in_the_payments_transaction(salon, booking):
    payment = make_payment(booking)

    with pytest.raises(RuntimeError), transaction.atomic():
        payment_sync(payment_id=payment.id, remote=remote(payment, status="paid", amount=PRICE), source="webhook")
        assert Document.objects.count() == 1
        raise RuntimeError("the payment's transaction fails after the invoice")

    assert Document.objects.count() == 0
    assert not DocumentSequence.objects.filter(salon=salon, next_counter__gt=1).exists()


def test_a_failure_to_invoice_does_not_undo_the_payment_and_uses_no_number(monkeypatch, salon, new_booking):
    import apps.invoicing.services as services

    def broken(*args, **kwargs):
        raise RuntimeError("bug")

    monkeypatch.setattr(services, "_issue", broken)
    payment = pay(new_booking())
    monkeypatch.undo()
    later = pay(new_booking())

    payment.refresh_from_db()
    assert payment.status == PaymentStatus.PAID
    assert list(Document.objects.values_list("payment_id", "counter")) == [(later.pk, 1)]


def test_a_refund_gets_a_credit_note_that_refers_to_the_invoice(salon, booking, admin_user):
    payment = pay(booking)
    invoice = Document.objects.get()

    done = refund(payment, PRICE, actor=admin_user)

    note = Document.objects.get(kind=DocumentKind.CREDIT_NOTE)
    assert (note.number, note.counter, note.original, note.refund) == (f"CRN-{salon.pk}-000002", 2, invoice, done)
    assert (note.total, note.vat_amount, note.subtotal) == (PRICE, 1500, 10000)
    assert (note.seller_name, note.seller_vat_number, note.previous_hash) == (
        invoice.seller_name,
        VAT_NUMBER,
        invoice.hash,
    )
    assert note.lines[0]["description_ar"] == "استرداد: قص وتصفيف الشعر"
    assert (tlv_decode(note.qr)[4], tlv_decode(note.qr)[5]) == ("115.00", "15.00")


def test_partial_refunds_credit_vat_that_adds_up_to_the_invoices(booking, admin_user):
    payment = pay(booking)

    for amount in (3333, 3333, PRICE - 6666):
        refund(payment, amount, actor=admin_user)

    notes = Document.objects.filter(kind=DocumentKind.CREDIT_NOTE).order_by("counter")
    assert [note.total for note in notes] == [3333, 3333, PRICE - 6666]
    assert sum(note.vat_amount for note in notes) == 1500
    assert all(note.total == note.subtotal + note.vat_amount for note in notes)


def test_a_receipts_refund_is_credited_without_vat_or_qr(salon, booking, admin_user):
    salon.vat_number = ""
    salon.save()
    payment = pay(booking)

    refund(payment, 5000, actor=admin_user)

    note = Document.objects.get(kind=DocumentKind.CREDIT_NOTE)
    assert (note.total, note.vat_amount, note.qr, note.seller_vat_number) == (5000, 0, "", "")
    assert note.original.kind == DocumentKind.RECEIPT


def test_a_duplicate_payment_and_its_refund_issue_nothing(booking):
    pay(booking)
    duplicate = pay(booking)

    duplicate.refresh_from_db()
    assert duplicate.status == PaymentStatus.DUPLICATE
    payment_sync(
        payment_id=duplicate.id,
        remote=remote(duplicate, status="refunded", amount=PRICE, refunded=PRICE),
        source=EventSource.REFUND,
    )
    assert duplicate.refunds.get().status == "succeeded"
    assert list(Document.objects.values_list("kind", flat=True)) == [DocumentKind.INVOICE]
    assert Payment.objects.count() == 2
