"""How payments react to bookings' events (registered in `PaymentsConfig.ready`)."""

from apps.bookings.events import BookingChanged, BookingEventKind

from .models import HELD_STATUSES, EventSource, Payment, RefundReason
from .refunds import refund_remaining
from .sync import refund_execute_after_commit


def refund_cancelled_booking(change: BookingChanged) -> None:
    """Runs inside the transaction that cancelled the booking (its row is locked): its money is
    refunded in full. An initiated payment that is paid later is refunded when it arrives (see
    `settlement`); an expired hold changes nothing, as its payment may still succeed."""
    if change.kind != BookingEventKind.CANCELLED:
        return
    payments = Payment.objects.select_for_update().filter(booking_id=change.booking_id, status__in=HELD_STATUSES)
    for payment in payments.order_by("pk"):
        refund = refund_remaining(
            payment, reason=RefundReason.BOOKING_CANCELLED, source=EventSource.BOOKING, actor_id=change.actor_id
        )
        refund_execute_after_commit(refund)
