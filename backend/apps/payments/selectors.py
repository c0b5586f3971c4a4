"""Reads of payments: a customer's own payment, a booking's payment at a glance, the public config."""

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects

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


def prefetch_booking_payments(bookings: Iterable[Booking]) -> None:
    """Load the payments of many bookings in one query, for `booking_payment`."""
    payments = Payment.objects.defer("provider_payload").order_by("-created_at", "-pk")
    prefetch_related_objects(list(bookings), Prefetch("payments", queryset=payments, to_attr=_PREFETCHED))


def _relevance(payment: Payment) -> int:
    if payment.status in HELD_STATUSES:
        return 0
    if payment.status in (PaymentStatus.REFUNDED, PaymentStatus.VOIDED):
        return 1
    if payment.status == PaymentStatus.DUPLICATE:
        return 2
    return 3


def booking_payment(booking: Booking) -> Payment | None:
    """The payment that tells how the booking stands: the one holding its money, else one that held
    money, else the latest attempt."""
    payments = getattr(booking, _PREFETCHED, None)
    if payments is None:
        payments = list(booking.payments.defer("provider_payload").order_by("-created_at", "-pk"))
    return min(payments, key=_relevance, default=None)
