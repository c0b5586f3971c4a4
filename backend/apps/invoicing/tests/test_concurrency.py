"""Real threads against the real database: twenty payments at one salon confirmed at the same moment
get twenty consecutive numbers, one chain, no gaps; a webhook racing the catch-up issues one invoice."""

from datetime import timedelta

import pytest

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.tests.conftest import at, make_user
from apps.core.tests.concurrency import race
from apps.invoicing.chain import chain_breaks
from apps.invoicing.models import Document, DocumentSequence
from apps.invoicing.services import invoice_issue_for_payment
from apps.payments.models import EventSource, PaymentStatus
from apps.payments.sync import payment_sync
from apps.payments.tests.conftest import make_payment, remote
from apps.salons.tests.factories import make_staff

from .conftest import PRICE

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]


def test_twenty_payments_at_one_salon_at_once_get_twenty_consecutive_numbers(salon, service, day):
    # Twenty customers with twenty stylists, so that the bookings' own locks do not queue them.
    payments = []
    for index in range(20):
        staff = make_staff(salon, [service])
        booking = make_booking(staff, service, make_user(), at(day, "10:00") + timedelta(minutes=index))
        payments.append(make_payment(booking))

    def pay(payment):
        return lambda: (
            payment_sync(
                payment_id=payment.id, remote=remote(payment, status="paid", amount=PRICE), source=EventSource.WEBHOOK
            ).status
        )

    results = race([pay(payment) for payment in payments])

    assert results == [PaymentStatus.PAID] * 20
    documents = list(Document.objects.order_by("counter"))
    assert [document.counter for document in documents] == list(range(1, 21))
    assert [document.number for document in documents] == [f"INV-{salon.pk}-{n:06d}" for n in range(1, 21)]
    assert {document.payment_id for document in documents} == {payment.id for payment in payments}
    assert chain_breaks(DocumentSequence.objects.get(salon=salon)) == []


def test_the_webhook_and_the_catch_up_racing_issue_one_invoice(salon, booking):
    payment = make_payment(booking)

    def webhook():
        payment_sync(payment_id=payment.id, remote=remote(payment, status="paid", amount=PRICE), source="webhook")

    def catch_up():
        payment.refresh_from_db()
        if payment.paid_at is not None:
            invoice_issue_for_payment(payment_id=payment.id)

    race([webhook, catch_up, catch_up, catch_up])

    assert Document.objects.count() == 1
    assert DocumentSequence.objects.get(salon=salon).next_counter == 2
