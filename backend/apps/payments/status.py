"""The payment status table: which moves between our statuses are allowed, and which of our statuses
a gateway report means. Statuses only move forward; anything else the gateway reports is recorded,
not applied.

A failed payment may still move on: we fail a payment on a gateway error or when the gateway does
not know it, and the gateway may report it paid later; that money is handled like any other.
"""

from .models import HELD_STATUSES, PaymentMethod, PaymentStatus
from .providers import RemotePayment

NEXT_STATUSES: dict[str, frozenset[str]] = {
    PaymentStatus.INITIATED: frozenset(
        {
            PaymentStatus.PAID,
            PaymentStatus.FAILED,
            PaymentStatus.AUTHORIZED,
            PaymentStatus.CAPTURED,
            PaymentStatus.REFUNDED,
            PaymentStatus.VOIDED,
        }
    ),
    PaymentStatus.FAILED: frozenset(
        {
            PaymentStatus.PAID,
            PaymentStatus.AUTHORIZED,
            PaymentStatus.CAPTURED,
            PaymentStatus.REFUNDED,
            PaymentStatus.VOIDED,
        }
    ),
    PaymentStatus.AUTHORIZED: frozenset({PaymentStatus.CAPTURED, PaymentStatus.VOIDED}),
    PaymentStatus.PAID: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.CAPTURED: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.DUPLICATE: frozenset({PaymentStatus.REFUNDED, PaymentStatus.VOIDED}),
    PaymentStatus.REFUNDED: frozenset(),
    PaymentStatus.VOIDED: frozenset(),
}
# Gateway statuses that are ours word for word.
_DIRECT_STATUSES = {"initiated", "paid", "failed", "authorized", "captured", "voided"}
# What an administrator may refund from.
REFUNDABLE_STATUSES = (PaymentStatus.PAID, PaymentStatus.CAPTURED, PaymentStatus.DUPLICATE)

METHOD_FOR_SOURCE = {
    "token": PaymentMethod.CREDITCARD,
    "applepay": PaymentMethod.APPLEPAY,
    "stcpay": PaymentMethod.STCPAY,
}


def can_move(from_status: str, to_status: str) -> bool:
    return to_status in NEXT_STATUSES[from_status]


def target_status(current: str, remote: RemotePayment) -> str | None:
    """Our status for the gateway's report of a payment now `current`; a partial refund leaves the
    money held (Moyasar says `refunded` after a partial refund too, so the amounts decide). None: a
    status we do not track."""
    if remote.status == "refunded":
        if remote.refunded >= remote.amount:
            return PaymentStatus.REFUNDED
        return current if current in HELD_STATUSES else PaymentStatus.PAID
    if remote.status in _DIRECT_STATUSES:
        return remote.status
    return None
