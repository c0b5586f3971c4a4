"""What payments tell the apps above them (notifications, the ledger), through the same kind of contract as
bookings' `BookingChanged`: a typed event published inside the transaction that recorded it,
to reactions registered in `payment_reactors` from the reacting app's `AppConfig.ready`."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from apps.core.events import Reactors


class PaymentEventKind(StrEnum):
    PAYMENT_RECEIVED = "payment_received"
    REFUND_ISSUED = "refund_issued"
    # Money for a booking another payment had already paid: the customer's, refunded automatically
    # (a refund then follows, with reason `duplicate_payment`). Nobody is told; the books record it.
    DUPLICATE_RECEIVED = "duplicate_received"
    # A card hold charged the no-show or late-cancellation fee (ADR 0016): `data` also has `reason`
    # (`no_show` or `late_cancellation`) and `hold_settlement_id`; `amount` is the fee captured.
    FEE_CAPTURED = "fee_captured"


@dataclass(frozen=True)
class MoneyMoved:
    """Money for a booking came in or went back. `data`: `payment_id`, `amount` (halalas),
    `currency`, and for a refund `refund_id` and `reason`. Published inside the transaction that
    recorded the payment's or the refund's new status."""

    booking_id: int
    kind: PaymentEventKind
    data: Mapping[str, Any] = field(default_factory=dict)


payment_reactors: Reactors[MoneyMoved] = Reactors("payments")
