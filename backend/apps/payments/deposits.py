"""No-show protection at the payments' end (ADR 0016): what a booking's event does to its deposit or
card hold. Runs inside the transaction that changed the booking (its row locked), the payment rows
locked after it; gateway calls are made after commit (`holds`, `sync.refund_execute`).

- Completed: a card hold is released (voided).
- No-show: a card hold is charged the booking's fee (captured, in part or in full); a deposit is
  the salon's already.
- Cancelled late by the customer: a card hold is charged the fee; a deposit is kept up to the fee
  and the rest refunded. Any other cancellation releases the hold or refunds in full (`reactions`).
"""

from apps.bookings.events import BookingChanged, BookingEventKind
from apps.bookings.models import Booking, PaymentMode
from apps.bookings.state import is_late_cancellation
from apps.salons.no_show import no_show_fee_for

from .holds import hold_open
from .models import EventSource, HoldAction, HoldReason, Payment, PaymentStatus, RefundReason, RefundStatus
from .records import payment_event_record
from .refunds import refund_open
from .sync import refund_execute_after_commit

PROTECTED_MODES = (PaymentMode.DEPOSIT, PaymentMode.CARD_HOLD)


def booking_fee(booking: Booking) -> int:
    """The fee of a no-show or a late cancellation: as the policy said at booking (else as it says now)."""
    if booking.no_show_fee is not None:
        return booking.no_show_fee
    return no_show_fee_for(booking.salon, booking.price_amount)


def _booking_of(change: BookingChanged) -> Booking:
    return (
        change.booking
        if change.booking is not None
        else Booking.objects.select_related("salon").get(pk=change.booking_id)
    )


def _authorized(booking_id: int) -> list[Payment]:
    payments = Payment.objects.select_for_update().filter(booking_id=booking_id, status=PaymentStatus.AUTHORIZED)
    return list(payments.order_by("pk"))


def late_cancellation_settle(payment: Payment, booking: Booking, *, actor_id: int | None) -> bool:
    """Charge the fee of a late cancellation from a locked payment of a cancelled booking; whether it
    applied (else the caller refunds or releases in full)."""
    if booking.payment_mode not in PROTECTED_MODES or not is_late_cancellation(booking):
        return False
    fee = booking_fee(booking)
    if payment.status == PaymentStatus.AUTHORIZED:
        hold_open(
            payment,
            action=HoldAction.CAPTURE,
            reason=HoldReason.LATE_CANCELLATION,
            amount=fee,
            source=EventSource.BOOKING,
            actor_id=actor_id,
        )
        return True
    if payment.status != PaymentStatus.PAID or payment.refunds.filter(status=RefundStatus.PENDING).exists():
        return False
    kept = min(fee, payment.refundable_amount)
    payment_event_record(
        payment, source=EventSource.BOOKING, kind="deposit_kept", actor_id=actor_id, data={"amount": kept}
    )
    back = payment.refundable_amount - kept
    if back > 0:
        refund = refund_open(
            payment, amount=back, reason=RefundReason.BOOKING_CANCELLED, source=EventSource.BOOKING, actor_id=actor_id
        )
        refund_execute_after_commit(refund)
    return True


def settle_card_hold(change: BookingChanged) -> None:
    """A completed visit releases the booking's card hold; a no-show charges it the fee."""
    if change.kind not in (BookingEventKind.COMPLETED, BookingEventKind.NO_SHOW):
        return
    booking = _booking_of(change)
    if booking.payment_mode != PaymentMode.CARD_HOLD:
        return
    for payment in _authorized(booking.pk):
        if change.kind == BookingEventKind.COMPLETED:
            hold_open(
                payment,
                action=HoldAction.VOID,
                reason=HoldReason.VISIT_COMPLETED,
                source=EventSource.BOOKING,
                actor_id=change.actor_id,
            )
        else:
            hold_open(
                payment,
                action=HoldAction.CAPTURE,
                reason=HoldReason.NO_SHOW,
                amount=booking_fee(booking),
                source=EventSource.BOOKING,
                actor_id=change.actor_id,
            )
