"""The payment a booking shows in the bookings API (registered in `PaymentsConfig.ready`)."""

from apps.bookings.attachments import BookingAttachment
from apps.bookings.models import Booking

from .api.serializers import PaymentSummarySerializer
from .selectors import booking_payment, mark_no_payments, prefetch_booking_payments


def _payment_summary(booking: Booking) -> dict | None:
    payment = booking_payment(booking)
    return PaymentSummarySerializer(payment).data if payment is not None else None


BOOKING_PAYMENT = BookingAttachment(
    field="payment",
    schema=PaymentSummarySerializer(allow_null=True),
    prefetch=prefetch_booking_payments,
    represent=_payment_summary,
    none_yet=mark_no_payments,
)
