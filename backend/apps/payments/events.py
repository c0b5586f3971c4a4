"""What payments tell the apps above them (notifications), through the same kind of contract as
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


@dataclass(frozen=True)
class MoneyMoved:
    """Money for a booking came in or went back. `data`: `payment_id`, `amount` (halalas),
    `currency`, and for a refund `refund_id` and `reason`."""

    booking_id: int
    kind: PaymentEventKind
    data: Mapping[str, Any] = field(default_factory=dict)


payment_reactors: Reactors[MoneyMoved] = Reactors("payments")
