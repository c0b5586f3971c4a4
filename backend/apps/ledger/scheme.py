"""The posting scheme: what each cause writes to which account (docs/adr/0007-ledger.md).

Amounts are halalas; a debit is positive, a credit negative. A: the payment's amount (VAT included),
C: the commission, V: the VAT on it, R: a refund, P: a payout.

| cause (key)                                   | debit                       | credit                        |
|-----------------------------------------------|-----------------------------|-------------------------------|
| payment captured (`payment:<id>:captured`)    | platform cash A             | salon payable A               |
| commission charged (`payment:<id>:commission`)| salon payable C + V         | commission revenue C, VAT V   |
| refund succeeded (`refund:<id>:succeeded`)    | salon payable R             | platform cash R               |
| commission reversed (`refund:<id>:commission_reversal`) | commission revenue c, VAT v | salon payable c + v |
| no-show fee captured (`payment:<id>:fee`)     | platform cash F             | salon payable F               |
| commission charged on it (`payment:<id>:commission`) | salon payable C + V  | commission revenue C, VAT V   |
| duplicate received (`payment:<id>:duplicate`) | platform cash A             | refunds clearing A            |
| duplicate refunded (`refund:<id>:succeeded`)  | refunds clearing R          | platform cash R               |
| payout created (`payout:<id>:created`)        | salon payable P             | payouts in transit P          |
| payout sent (`payout:<id>:sent`)              | payouts in transit P        | platform cash P               |
| payout returned (`payout:<id>:returned`)      | platform cash P (sent) or payouts in transit P (not sent) | salon payable P |

F: the fee a card hold was charged (ADR 0016); a hold itself (authorized, not captured) posts nothing.
C = A × rate / 10 000 and V = C × 15 % (half up); the rate is the salon's own or the platform's, as
it stands when the payment is captured (recorded in the transaction). A refund reverses commission
cumulatively: after refunds totalling T, c + earlier reversals = C × T / A (half up), and the same
for V, so the reversals of any sequence of refunds add up to exactly C and V when all is refunded.
"""

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from apps.core.money import VAT_RATE_PERCENT
from apps.payments.models import Payment, PaymentStatus, Refund

from .models import AccountKind, Cause, EntryKind, LedgerEntry, LedgerTransaction, Payout, SalonCommission
from .postings import Line, ledger_account, ledger_post, share

BPS = 10_000


def captured_key(payment_id) -> str:
    return f"payment:{payment_id}:captured"


def commission_key(payment_id) -> str:
    return f"payment:{payment_id}:commission"


def fee_key(payment_id) -> str:
    return f"payment:{payment_id}:fee"


def duplicate_key(payment_id) -> str:
    return f"payment:{payment_id}:duplicate"


def refund_key(refund_id) -> str:
    return f"refund:{refund_id}:succeeded"


def reversal_key(refund_id) -> str:
    return f"refund:{refund_id}:commission_reversal"


def payout_key(payout_id: int, event: str) -> str:
    return f"payout:{payout_id}:{event}"


def commission_rate_bps(salon_id: int) -> int:
    """The salon's own rate, else the platform's."""
    own = SalonCommission.objects.filter(salon_id=salon_id).values_list("rate_bps", flat=True).first()
    return settings.PLATFORM_COMMISSION_RATE_BPS if own is None else own


def commission_for(amount: int, rate_bps: int) -> tuple[int, int]:
    """(commission, VAT on it) of an amount."""
    commission = share(amount, rate_bps, BPS)
    return commission, share(commission, VAT_RATE_PERCENT, 100)


def payment_is_duplicate(payment: Payment) -> bool:
    """Whether the payment paid for a booking another payment had already paid (its money is the
    customer's, in refunds clearing, never the salon's). What the books say first, then the payment."""
    posted = set(
        LedgerTransaction.objects.filter(key__in=[captured_key(payment.pk), duplicate_key(payment.pk)]).values_list(
            "cause", flat=True
        )
    )
    if posted:
        return Cause.DUPLICATE_RECEIVED in posted
    return (
        payment.status == PaymentStatus.DUPLICATE or payment.events.filter(to_status=PaymentStatus.DUPLICATE).exists()
    )


def _platform(kind: str):
    return ledger_account(kind)


def ledger_post_payment(*, payment: Payment) -> None:
    """The money of a payment received: the salon's (less commission), or a duplicate to give back."""
    booking = payment.booking
    occurred_at = payment.paid_at or timezone.now()
    cash = _platform(AccountKind.PLATFORM_CASH)
    refs = {"salon_id": booking.salon_id, "booking_id": booking.pk, "payment_id": payment.pk}
    amount = payment.amount
    if payment_is_duplicate(payment):
        clearing = _platform(AccountKind.REFUNDS_CLEARING)
        ledger_post(
            key=duplicate_key(payment.pk),
            cause=Cause.DUPLICATE_RECEIVED,
            occurred_at=occurred_at,
            lines=[
                Line(cash, amount, EntryKind.DUPLICATE_PAYMENT),
                Line(clearing, -amount, EntryKind.DUPLICATE_PAYMENT),
            ],
            **refs,
        )
        return
    payable = ledger_account(AccountKind.SALON_PAYABLE, booking.salon_id)
    ledger_post(
        key=captured_key(payment.pk),
        cause=Cause.PAYMENT_CAPTURED,
        occurred_at=occurred_at,
        lines=[Line(cash, amount, EntryKind.PAYMENT_CAPTURED), Line(payable, -amount, EntryKind.PAYMENT_CAPTURED)],
        **refs,
    )
    _post_commission(payment, payable, amount=amount, occurred_at=occurred_at, refs=refs)


def ledger_post_fee(*, payment: Payment, amount: int, occurred_at) -> None:
    """A card hold charged the no-show or late-cancellation fee: the salon's, less commission."""
    booking = payment.booking
    refs = {"salon_id": booking.salon_id, "booking_id": booking.pk, "payment_id": payment.pk}
    payable = ledger_account(AccountKind.SALON_PAYABLE, booking.salon_id)
    ledger_post(
        key=fee_key(payment.pk),
        cause=Cause.NO_SHOW_FEE_CAPTURED,
        occurred_at=occurred_at,
        lines=[
            Line(_platform(AccountKind.PLATFORM_CASH), amount, EntryKind.NO_SHOW_FEE),
            Line(payable, -amount, EntryKind.NO_SHOW_FEE),
        ],
        **refs,
    )
    _post_commission(payment, payable, amount=amount, occurred_at=occurred_at, refs=refs)


def _post_commission(payment: Payment, payable, *, amount: int, occurred_at, refs: dict) -> None:
    """The commission on money the salon received from a payment (once per payment)."""
    if LedgerTransaction.objects.filter(key=commission_key(payment.pk)).exists():
        return
    rate = commission_rate_bps(payment.booking.salon_id)
    commission, vat = commission_for(amount, rate)
    if commission == 0:
        return
    ledger_post(
        key=commission_key(payment.pk),
        cause=Cause.COMMISSION_CHARGED,
        occurred_at=occurred_at,
        lines=[
            Line(payable, commission, EntryKind.COMMISSION),
            Line(payable, vat, EntryKind.COMMISSION_VAT),
            Line(_platform(AccountKind.COMMISSION_REVENUE), -commission, EntryKind.COMMISSION),
            Line(_platform(AccountKind.COMMISSION_VAT), -vat, EntryKind.COMMISSION_VAT),
        ],
        data={"rate_bps": rate, "base": amount},
        **refs,
    )


def _payment_entries(payment_id, kind: str) -> int:
    """The sum of the payment's salon payable entries of `kind`."""
    return (
        LedgerEntry.objects.filter(
            transaction__payment_id=payment_id, account__kind=AccountKind.SALON_PAYABLE, kind=kind
        ).aggregate(total=Sum("amount"))["total"]
        or 0
    )


def ledger_post_refund(*, refund: Refund) -> None:
    """A refund that succeeded: the money leaves the salon's balance (or refunds clearing, for a
    duplicate), and the commission on it goes back to the salon."""
    payment = refund.payment
    ledger_post_payment(payment=payment)  # a payment from before the ledger is posted first
    booking = payment.booking
    occurred_at = refund.succeeded_at or timezone.now()
    cash = _platform(AccountKind.PLATFORM_CASH)
    refs = {"salon_id": booking.salon_id, "booking_id": booking.pk, "payment_id": payment.pk, "refund_id": refund.pk}
    amount = refund.amount
    if payment_is_duplicate(payment):
        clearing = _platform(AccountKind.REFUNDS_CLEARING)
        lines = [Line(clearing, amount, EntryKind.DUPLICATE_REFUND), Line(cash, -amount, EntryKind.DUPLICATE_REFUND)]
        ledger_post(
            key=refund_key(refund.pk), cause=Cause.DUPLICATE_REFUNDED, occurred_at=occurred_at, lines=lines, **refs
        )
        return
    payable = ledger_account(AccountKind.SALON_PAYABLE, booking.salon_id)
    ledger_post(
        key=refund_key(refund.pk),
        cause=Cause.REFUND_SUCCEEDED,
        occurred_at=occurred_at,
        lines=[Line(payable, amount, EntryKind.REFUND), Line(cash, -amount, EntryKind.REFUND)],
        **refs,
    )
    _post_commission_reversal(payment, payable, refs=refs, key=reversal_key(refund.pk), occurred_at=occurred_at)


def _post_commission_reversal(payment: Payment, payable, *, refs: dict, key: str, occurred_at) -> None:
    if LedgerTransaction.objects.filter(key=key).exists():
        return
    commission = _payment_entries(payment.pk, EntryKind.COMMISSION)
    vat = _payment_entries(payment.pk, EntryKind.COMMISSION_VAT)
    if commission == 0 and vat == 0:
        return
    refunded = min(_payment_entries(payment.pk, EntryKind.REFUND), payment.amount)
    commission_back = share(commission, refunded, payment.amount) + _payment_entries(
        payment.pk, EntryKind.COMMISSION_REVERSAL
    )
    vat_back = share(vat, refunded, payment.amount) + _payment_entries(payment.pk, EntryKind.COMMISSION_VAT_REVERSAL)
    if commission_back <= 0 and vat_back <= 0:
        return  # rounding: the next refund of the payment catches up
    ledger_post(
        key=key,
        cause=Cause.COMMISSION_REVERSED,
        occurred_at=occurred_at,
        lines=[
            Line(_platform(AccountKind.COMMISSION_REVENUE), commission_back, EntryKind.COMMISSION_REVERSAL),
            Line(_platform(AccountKind.COMMISSION_VAT), vat_back, EntryKind.COMMISSION_VAT_REVERSAL),
            Line(payable, -commission_back, EntryKind.COMMISSION_REVERSAL),
            Line(payable, -vat_back, EntryKind.COMMISSION_VAT_REVERSAL),
        ],
        data={"refunded_total": refunded},
        **refs,
    )


# --- Payouts -------------------------------------------------------------------------------------


def ledger_post_payout_created(*, payout: Payout) -> None:
    payable = ledger_account(AccountKind.SALON_PAYABLE, payout.salon_id)
    in_transit = _platform(AccountKind.PAYOUTS_IN_TRANSIT)
    ledger_post(
        key=payout_key(payout.pk, "created"),
        cause=Cause.PAYOUT_CREATED,
        occurred_at=payout.created_at,
        lines=[Line(payable, payout.amount, EntryKind.PAYOUT), Line(in_transit, -payout.amount, EntryKind.PAYOUT)],
        salon_id=payout.salon_id,
        payout_id=payout.pk,
    )


def ledger_post_payout_sent(*, payout: Payout) -> None:
    in_transit = _platform(AccountKind.PAYOUTS_IN_TRANSIT)
    cash = _platform(AccountKind.PLATFORM_CASH)
    ledger_post(
        key=payout_key(payout.pk, "sent"),
        cause=Cause.PAYOUT_SENT,
        occurred_at=payout.sent_at or timezone.now(),
        lines=[
            Line(in_transit, payout.amount, EntryKind.PAYOUT_SENT),
            Line(cash, -payout.amount, EntryKind.PAYOUT_SENT),
        ],
        salon_id=payout.salon_id,
        payout_id=payout.pk,
        data={"bank_reference": payout.bank_reference},
    )


def ledger_post_payout_returned(*, payout: Payout) -> None:
    """The money comes back to the salon's balance: from the bank (a sent payout) or from transit."""
    was_sent = LedgerTransaction.objects.filter(key=payout_key(payout.pk, "sent")).exists()
    source = _platform(AccountKind.PLATFORM_CASH if was_sent else AccountKind.PAYOUTS_IN_TRANSIT)
    payable = ledger_account(AccountKind.SALON_PAYABLE, payout.salon_id)
    ledger_post(
        key=payout_key(payout.pk, "returned"),
        cause=Cause.PAYOUT_RETURNED,
        occurred_at=payout.returned_at or timezone.now(),
        lines=[
            Line(source, payout.amount, EntryKind.PAYOUT_RETURNED),
            Line(payable, -payout.amount, EntryKind.PAYOUT_RETURNED),
        ],
        salon_id=payout.salon_id,
        payout_id=payout.pk,
        data={"return_reference": payout.return_reference, "was_sent": was_sent},
    )
