"""What bookings tell the apps above them, and the one door they tell it through.

Every booking transition publishes a `BookingChanged` inside the transaction that changed the
booking, so whatever the reactions record (a refund to make, messages to send) commits or rolls
back with the change; anything that leaves the process (SMS, gateway calls) happens after commit,
in those apps. Bookings import neither payments nor notifications: those apps register their
reactions in `booking_reactors` from their `AppConfig.ready` (payments first, then notifications,
the order of `INSTALLED_APPS`).
"""

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from apps.core.events import Reactors

logger = logging.getLogger(__name__)


class BookingEventKind(StrEnum):
    CREATED = "created"
    CONFIRMED = "confirmed"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    EXPIRED = "expired"


@dataclass(frozen=True)
class BookingChanged:
    """One transition of one booking. `actor_id` None is the system; `data` carries what the
    booking row no longer shows (a reschedule's `old_start` and `new_start`, ISO 8601 in the
    salon's zone); `customer_id`, the booking's customer, spares a reaction that only needs to know
    whether the customer acted a read of the booking (None: not given); `booking`, the instance the
    transition wrote, in process only, spares reactions their read of it (None: not given)."""

    booking_id: int
    kind: BookingEventKind
    actor_id: int | None
    data: Mapping[str, Any] = field(default_factory=dict)
    customer_id: int | None = field(default=None, compare=False)
    booking: Any = field(default=None, compare=False, repr=False)


booking_reactors: Reactors[BookingChanged] = Reactors("bookings")


def booking_changed_publish(change: BookingChanged) -> None:
    """Log the change and run every registered reaction, in the caller's transaction."""
    actor = f"user {change.actor_id}" if change.actor_id else "the system"
    logger.info("Booking %s %s by %s", change.booking_id, change.kind, actor)
    booking_reactors.publish(change)
