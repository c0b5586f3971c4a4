"""How the ledger reacts to payments' events (registered in `LedgerConfig.ready`): each money movement
is posted inside the transaction that recorded it, so the books and the payment commit together."""

from django.utils import timezone

from apps.payments.events import MoneyMoved, PaymentEventKind
from apps.payments.models import Payment, Refund

from .scheme import ledger_post_fee, ledger_post_payment, ledger_post_refund


def ledger_money_moved(moved: MoneyMoved) -> None:
    if moved.kind in (PaymentEventKind.PAYMENT_RECEIVED, PaymentEventKind.DUPLICATE_RECEIVED):
        ledger_post_payment(payment=Payment.objects.select_related("booking").get(pk=moved.data["payment_id"]))
    elif moved.kind == PaymentEventKind.FEE_CAPTURED:
        payment = Payment.objects.select_related("booking").get(pk=moved.data["payment_id"])
        ledger_post_fee(payment=payment, amount=moved.data["amount"], occurred_at=timezone.now())
    elif moved.kind == PaymentEventKind.REFUND_ISSUED:
        ledger_post_refund(refund=Refund.objects.select_related("payment__booking").get(pk=moved.data["refund_id"]))
