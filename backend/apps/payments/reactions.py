"""How payments react to bookings' events (registered in `PaymentsConfig.ready`)."""

from apps.bookings.events import BookingChanged, BookingEventKind

from .deposits import late_cancellation_settle
from .models import HELD_STATUSES, EventSource, Payment, RefundReason
from .refunds import refund_remaining
from .sync import refund_execute_after_commit


def refund_cancelled_booking(change: BookingChanged) -> None:
    """Runs inside the transaction that cancelled the booking (its row is locked): its money is
    refunded in full (a card hold released), unless the customer cancelled late under no-show
    protection (`deposits.late_cancellation_settle`: the fee is kept or charged). An initiated payment that is paid later is refunded when it arrives (see
    `settlement`); an expired hold changes nothing, as its payment may still succeed."""
    if change.kind != BookingEventKind.CANCELLED:
        return
    payments = Payment.objects.select_for_update().filter(booking_id=change.booking_id, status__in=HELD_STATUSES)
    booking = None
    for payment in payments.select_related("booking__salon").order_by("pk"):
        booking = booking or (change.booking if change.booking is not None else payment.booking)
        if late_cancellation_settle(payment, booking, actor_id=change.actor_id):
            continue
        refund = refund_remaining(
            payment, reason=RefundReason.BOOKING_CANCELLED, source=EventSource.BOOKING, actor_id=change.actor_id
        )
        refund_execute_after_commit(refund)
