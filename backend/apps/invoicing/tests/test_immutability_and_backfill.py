"""Issued documents never change (the model refuses, and so does PostgreSQL); a tampered document or
a broken chain is found; the catch-up issues what is missing, in order, once."""

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from apps.invoicing.chain import chain_breaks
from apps.invoicing.models import Document, DocumentKind, DocumentSequence, ImmutableDocument
from apps.invoicing.services import invoices_backfill
from apps.payments.models import Payment, PaymentEvent, PaymentStatus, Refund, RefundStatus
from apps.payments.tests.conftest import make_payment

from .conftest import PRICE, pay, refund

pytestmark = pytest.mark.django_db
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL trigger")
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="PostgreSQL refuses the tampering itself")


def test_the_model_refuses_to_change_or_delete_an_issued_document(booking):
    pay(booking)
    invoice = Document.objects.get()

    invoice.total = 1
    with pytest.raises(ImmutableDocument):
        invoice.save()
    with pytest.raises(ImmutableDocument):
        invoice.delete()
    with pytest.raises(ImmutableDocument):
        Document.objects.filter(pk=invoice.pk).update(total=1)
    with pytest.raises(ImmutableDocument):
        Document.objects.filter(pk=invoice.pk).delete()
    assert Document.objects.get().total == PRICE


@on_postgresql
@pytest.mark.parametrize(
    "sql", ["UPDATE invoicing_document SET total = 1, subtotal = 1, vat_amount = 0", "DELETE FROM invoicing_document"]
)
def test_postgresql_refuses_to_change_or_delete_an_issued_document(booking, sql):
    pay(booking)

    with pytest.raises(Exception, match="immutable"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)

    assert Document.objects.get().total == PRICE


@on_sqlite
def test_a_tampered_amount_and_a_broken_chain_are_found(salon, new_booking):
    pay(new_booking())
    pay(new_booking())
    first, second = Document.objects.order_by("counter")
    sequence = DocumentSequence.objects.get(salon=salon)
    assert chain_breaks(sequence) == []

    with connection.cursor() as cursor:
        cursor.execute("UPDATE invoicing_document SET total = 1600, subtotal = 100 WHERE id = %s", [first.pk])
        cursor.execute("UPDATE invoicing_document SET previous_hash = 'x' WHERE id = %s", [second.pk])

    assert chain_breaks(sequence) == [
        f"{first.number}: hash does not match the document",
        f"{second.number}: previous hash does not match the document before",
        f"{second.number}: hash does not match the document",
    ]


def _paid_directly(booking, *, minutes_ago: int) -> Payment:
    """A payment recorded paid without the reactions (as rows written before invoicing existed)."""
    payment = make_payment(booking, status=PaymentStatus.PAID)
    Payment.objects.filter(pk=payment.pk).update(paid_at=timezone.now() - timedelta(minutes=minutes_ago))
    return payment


def test_the_catch_up_issues_missing_invoices_and_credit_notes_in_order_once(salon, new_booking):
    older = _paid_directly(new_booking(), minutes_ago=30)
    newer = _paid_directly(new_booking(), minutes_ago=20)
    Refund.objects.create(
        payment=older,
        amount=PRICE,
        reason="admin",
        refunded_before=0,
        status=RefundStatus.SUCCEEDED,
        succeeded_at=timezone.now() - timedelta(minutes=10),
    )
    duplicate = _paid_directly(new_booking(), minutes_ago=5)
    Payment.objects.filter(pk=duplicate.pk).update(status=PaymentStatus.REFUNDED)
    PaymentEvent.objects.create(payment=duplicate, source="webhook", kind="status_changed", to_status="duplicate")
    make_payment(new_booking())  # initiated: sold nothing

    result = invoices_backfill()

    assert (result.invoices, result.credit_notes) == (2, 1)
    assert list(Document.objects.order_by("counter").values_list("kind", "payment_id")) == [
        (DocumentKind.INVOICE, older.pk),
        (DocumentKind.INVOICE, newer.pk),
        (DocumentKind.CREDIT_NOTE, older.pk),
    ]
    assert invoices_backfill() == type(result)(invoices=0, credit_notes=0)
    assert chain_breaks(DocumentSequence.objects.get(salon=salon)) == []


def test_the_catch_up_leaves_documents_issued_by_the_reactions_alone(booking, admin_user):
    payment = pay(booking)
    refund(payment, 5000, actor=admin_user)

    assert invoices_backfill() == type(invoices_backfill())(invoices=0, credit_notes=0)
    assert Document.objects.count() == 2


def test_the_backfill_command_reports_what_it_issued(booking, capsys):
    from django.core.management import call_command

    _paid_directly(booking, minutes_ago=1)

    call_command("invoices_backfill")

    assert capsys.readouterr().out.strip() == "Issued 1 invoices or receipts and 0 credit notes."
