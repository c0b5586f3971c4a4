"""What packages and gift cards write in the platform's books (ledger, ADR 0007 and 0018).

| cause (key)                                        | debit                  | credit                 |
|----------------------------------------------------|------------------------|------------------------|
| purchase paid (`purchase:<id>:paid`)               | platform cash A        | customer prepaid A     |
| redeemed at a booking (`redemption:<id>:redeemed`) | customer prepaid V     | salon payable V        |
| redemption given back (`reversal:redemption:…`)    | salon payable V        | customer prepaid V     |
| purchase refunded (`purchase:<id>:refunded`)       | customer prepaid R     | platform cash R        |

Customer prepaid is deferred revenue: money the platform holds for customers until a session or a
card's balance is used at the salon, which then owes the salon its value. A session's value is the
package's price spread over its sessions cumulatively (the k-th session is worth
`price × k / n − price × (k − 1) / n`, half up), so all sessions together are worth exactly the price,
and a refund of the unused ones gives back exactly what is left of it.
"""

from django.utils import timezone

from apps.ledger.models import AccountKind, Cause, EntryKind, LedgerTransaction
from apps.ledger.postings import Line, ledger_account, ledger_post, ledger_reverse, share

from .models import Purchase, Redemption


def session_value(*, price: int, sessions: int, number: int) -> int:
    """The value of the `number`-th session (1-based) of a package of `sessions` for `price`."""
    return share(price, number, sessions) - share(price, number - 1, sessions)


def sold_key(purchase_id) -> str:
    return f"purchase:{purchase_id}:paid"


def redeemed_key(redemption_id: int) -> str:
    return f"redemption:{redemption_id}:redeemed"


def refunded_key(purchase_id) -> str:
    return f"purchase:{purchase_id}:refunded"


def books_post_sale(*, purchase: Purchase) -> None:
    cash = ledger_account(AccountKind.PLATFORM_CASH)
    prepaid = ledger_account(AccountKind.CUSTOMER_PREPAID)
    ledger_post(
        key=sold_key(purchase.pk),
        cause=Cause.PREPAID_SOLD,
        occurred_at=purchase.paid_at or timezone.now(),
        lines=[
            Line(cash, purchase.amount, EntryKind.PREPAID_SALE),
            Line(prepaid, -purchase.amount, EntryKind.PREPAID_SALE),
        ],
        salon_id=purchase.salon_id,
        data={"purchase_id": str(purchase.pk), "kind": purchase.kind},
    )


def books_post_redeemed(*, redemption: Redemption, salon_id: int) -> None:
    if redemption.value_amount == 0:
        return
    prepaid = ledger_account(AccountKind.CUSTOMER_PREPAID)
    payable = ledger_account(AccountKind.SALON_PAYABLE, salon_id)
    ledger_post(
        key=redeemed_key(redemption.pk),
        cause=Cause.PREPAID_REDEEMED,
        occurred_at=redemption.created_at or timezone.now(),
        lines=[
            Line(prepaid, redemption.value_amount, EntryKind.PREPAID_REDEEMED),
            Line(payable, -redemption.value_amount, EntryKind.PREPAID_REDEEMED),
        ],
        salon_id=salon_id,
        booking_id=redemption.booking_id,
        data={"redemption_id": redemption.pk},
    )


def books_post_returned(*, redemption: Redemption) -> None:
    if LedgerTransaction.objects.filter(key=redeemed_key(redemption.pk)).exists():
        ledger_reverse(
            key=redeemed_key(redemption.pk),
            occurred_at=redemption.returned_at or timezone.now(),
            note="booking cancelled: prepaid value given back",
        )


def books_post_refund(*, purchase: Purchase, amount: int) -> None:
    cash = ledger_account(AccountKind.PLATFORM_CASH)
    prepaid = ledger_account(AccountKind.CUSTOMER_PREPAID)
    ledger_post(
        key=refunded_key(purchase.pk),
        cause=Cause.PREPAID_REFUNDED,
        occurred_at=timezone.now(),
        lines=[Line(prepaid, amount, EntryKind.PREPAID_REFUND), Line(cash, -amount, EntryKind.PREPAID_REFUND)],
        salon_id=purchase.salon_id,
        data={"purchase_id": str(purchase.pk), "kind": purchase.kind},
    )
