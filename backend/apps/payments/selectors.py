"""Reads of payments: a customer's own payment, a booking's payment at a glance, the public config."""

import uuid

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from apps.bookings.models import Booking

from .errors import PaymentNotFound
from .models import HELD_STATUSES, Payment, PaymentMethod, PaymentStatus

SUPPORTED_NETWORKS = ["mada", "visa", "mastercard"]
_PREFETCHED = "prefetched_payments"


def payment_get_for_user(*, user, payment_id: uuid.UUID) -> Payment:
    """The payment if `user` made it; anyone else's is "not found", never "forbidden"."""
    payment = Payment.objects.filter(pk=payment_id, customer_id=user.pk).first()
    if payment is None:
        raise PaymentNotFound()
    return payment


def booking_has_money_held(*, booking_id: int) -> bool:
    """Whether a payment holds the booking's money (paid and not refunded in full)."""
    return Payment.objects.filter(booking_id=booking_id, status__in=HELD_STATUSES).exists()


def payment_config() -> dict:
    """What the SPA needs to collect a payment source in the browser."""
    fake = settings.PAYMENT_PROVIDER == "fake"
    return {
        "provider": settings.PAYMENT_PROVIDER,
        "fake": fake,
        "publishable_key": "" if fake else settings.MOYASAR_PUBLISHABLE_KEY,
        "methods": [method for method in settings.PAYMENT_METHODS if method in PaymentMethod.values],
        "currency": "SAR",
        "supported_networks": SUPPORTED_NETWORKS,
    }


def prefetch_booking_payments(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    """The bookings query, loading their payments in one more query, for `booking_payment`."""
    payments = Payment.objects.defer("provider_payload").order_by("-created_at", "-pk")
    return bookings.prefetch_related(Prefetch("payments", queryset=payments, to_attr=_PREFETCHED))


def mark_no_payments(booking: Booking) -> None:
    """A booking just created has no payment yet: `booking_payment` then needs no query."""
    setattr(booking, _PREFETCHED, [])


def _relevance(status: str) -> int:
    if status in HELD_STATUSES:
        return 0
    if status in (PaymentStatus.REFUNDED, PaymentStatus.VOIDED):
        return 1
    if status == PaymentStatus.DUPLICATE:
        return 2
    return 3


def booking_payment(booking: Booking) -> Payment | None:
    """The payment that tells how the booking stands: the one holding its money, else one that held
    money, else the latest attempt."""
    payments = getattr(booking, _PREFETCHED, None)
    if payments is None:
        payments = list(booking.payments.defer("provider_payload").order_by("-created_at", "-pk"))
    return min(payments, key=lambda payment: _relevance(payment.status), default=None)


def booking_payment_statuses(*, bookings: QuerySet[Booking]) -> dict[int, str]:
    """The status of `booking_payment` for each of `bookings` that has a payment, in one query and
    without loading the payments (for long lists such as a salon's calendar)."""
    statuses: dict[int, str] = {}
    rows = (
        Payment.objects.filter(booking__in=bookings.values("pk"))
        .order_by("-created_at", "-pk")
        .values_list("booking_id", "status")
    )
    for booking_id, status in rows:  # the latest first: it wins a tie, as in `booking_payment`
        if booking_id not in statuses or _relevance(status) < _relevance(statuses[booking_id]):
            statuses[booking_id] = status
    return statuses
