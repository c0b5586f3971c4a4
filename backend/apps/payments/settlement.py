"""What money does to a booking, without gateway calls: a payment that now holds money pays its
booking (confirming it), unless another payment already did (then it is a duplicate, refunded); a
booking that was cancelled, or whose time was taken meanwhile, gets its money back.

Called with the booking and the payment locked (`records.payment_lock`). Each function returns the
refund it opened, if any, for the caller to have it made after commit.
"""

from datetime import datetime

from django.db import IntegrityError, transaction

from apps.bookings.errors import CustomerOverlap, InvalidTransition, SlotUnavailable
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.services import booking_confirm_paid_locked

from .events import MoneyMoved, PaymentEventKind, payment_reactors
from .models import HELD_STATUSES, Payment, PaymentStatus, Refund, RefundReason
from .records import payment_event_record
from .refunds import refund_remaining


def payment_take_money(payment: Payment, booking: Booking, *, status: str, source: str, now: datetime) -> Refund | None:
    """The payment now holds money (`status`): it pays the booking, unless another payment already did."""
    from_status = payment.status
    already_paid = Payment.objects.filter(booking_id=booking.pk, status__in=HELD_STATUSES).exclude(pk=payment.pk)
    if not already_paid.exists():
        payment.status = status
        # A card hold (authorized) takes no money: no `paid_at`, nothing for the books or an invoice;
        # only a fee captured later is (ADR 0016, `holds`).
        authorized = status == PaymentStatus.AUTHORIZED
        payment.paid_at = None if authorized else now
        try:
            with transaction.atomic():
                payment.save()
        except IntegrityError:  # `payment_one_held_per_booking`: the database has the last word
            payment.status = from_status
        else:
            payment_event_record(
                payment, source=source, kind="status_changed", from_status=from_status, to_status=status
            )
            if not authorized:
                payment_reactors.publish(
                    MoneyMoved(
                        booking_id=booking.pk,
                        kind=PaymentEventKind.PAYMENT_RECEIVED,
                        data={"payment_id": str(payment.id), "amount": payment.amount, "currency": payment.currency},
                    )
                )
            return payment_settle_booking_locked(payment, booking, source=source, now=now)
    payment.status = PaymentStatus.DUPLICATE
    payment.paid_at = now
    payment.save()
    payment_event_record(
        payment, source=source, kind="status_changed", from_status=from_status, to_status=payment.status
    )
    payment_reactors.publish(
        MoneyMoved(
            booking_id=booking.pk,
            kind=PaymentEventKind.DUPLICATE_RECEIVED,
            data={"payment_id": str(payment.id), "amount": payment.amount, "currency": payment.currency},
        )
    )
    return refund_remaining(payment, reason=RefundReason.DUPLICATE_PAYMENT, source=source)


def payment_settle_booking_locked(payment: Payment, booking: Booking, *, source: str, now: datetime) -> Refund | None:
    """Confirm the booking this payment paid for, or give the money back when that is impossible."""
    if booking.status == BookingStatus.CANCELLED:
        return refund_remaining(payment, reason=RefundReason.BOOKING_CANCELLED, source=source)
    if booking.status in (BookingStatus.PENDING, BookingStatus.EXPIRED):
        try:
            booking_confirm_paid_locked(booking=booking, now=now)
        except (SlotUnavailable, CustomerOverlap, InvalidTransition) as exc:
            payment_event_record(payment, source=source, kind="booking_not_confirmed", data={"code": str(exc.code)})
            return refund_remaining(payment, reason=RefundReason.SLOT_TAKEN, source=source)
    return None
