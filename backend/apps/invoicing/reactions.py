"""How invoicing reacts to payments' events (registered in `InvoicingConfig.ready`): a payment
received gets its invoice (or receipt), a refund that succeeded its credit note, in the transaction
that recorded the money."""

import logging

from django.db import transaction

from apps.payments.events import MoneyMoved, PaymentEventKind

from .services import credit_note_issue_for_refund, invoice_issue_for_payment

logger = logging.getLogger(__name__)


def invoice_money_moved(moved: MoneyMoved) -> None:
    """Never raises: a failure here must not undo the money it documents. It is rolled back alone
    (a savepoint, so no number is used up), logged, and `invoices_backfill` issues the document later."""
    try:
        with transaction.atomic():
            if moved.kind == PaymentEventKind.PAYMENT_RECEIVED:
                invoice_issue_for_payment(payment_id=moved.data["payment_id"])
            elif moved.kind == PaymentEventKind.FEE_CAPTURED:
                invoice_issue_for_payment(
                    payment_id=moved.data["payment_id"], fee=(moved.data["amount"], moved.data["reason"])
                )
            elif moved.kind == PaymentEventKind.REFUND_ISSUED:
                credit_note_issue_for_refund(refund_id=moved.data["refund_id"])
    except Exception:
        logger.exception("Could not issue the document for booking %s (%s)", moved.booking_id, moved.kind)
