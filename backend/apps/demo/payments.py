"""A demo booking paid online, for `seed_demo`: the demo customer's visit at the first women's salon,
paid by card and later refunded in part, so that `make run` shows an invoice, a credit note and a
salon's invoices at once (`invoices_backfill`, run by `seed_demo` after this, issues them).

Unlike the other demo bookings it is created once and kept by later runs (its payment and its
documents are records that are never deleted; see `bookings.seed_demo_bookings`).
"""

from datetime import datetime, time, timedelta

from django.db import transaction

from apps.accounts.models import User
from apps.bookings.models import Booking, BookingStatus
from apps.core.money import vat_included
from apps.payments.models import EventSource, Payment, PaymentStatus, Refund, RefundReason, RefundStatus
from apps.salons.models import Audience, Salon

from .bookings import _book

PAID_REFERENCE = "DMO-P0001"
REFUND_AMOUNT = 2000  # 20.00 SAR back for a late start


@transaction.atomic
def seed_demo_payments(*, now: datetime, customer: User, avoid: User | None = None) -> Booking | None:
    """The demo customer's visit three days ago, paid online, 20 SAR of it refunded; None without a salon."""
    existing = Booking.objects.filter(reference=PAID_REFERENCE).first()
    if existing is not None:
        return existing
    salon = Salon.objects.filter(is_active=True, audience=Audience.WOMEN).order_by("pk").first()
    if salon is None:
        return None
    day = now.astimezone(salon.tz).date() - timedelta(days=3)
    booking = _book(salon, PAID_REFERENCE, customer, day, time(14), BookingStatus.COMPLETED, avoid=avoid)
    if booking is None:
        return None
    paid_at = booking.start - timedelta(days=2)
    payment = Payment.objects.create(
        booking=booking,
        customer=customer,
        provider="fake",
        amount=booking.price_amount,
        currency=booking.currency,
        vat_amount=vat_included(booking.price_amount),
        status=PaymentStatus.PAID,
        method="creditcard",
        card_brand="mada",
        card_last4="1010",
        paid_at=paid_at,
        refunded_amount=REFUND_AMOUNT,
    )
    payment.events.create(
        source=EventSource.API, kind="status_changed", from_status=PaymentStatus.INITIATED, to_status=payment.status
    )
    Refund.objects.create(
        payment=payment,
        amount=REFUND_AMOUNT,
        reason=RefundReason.ADMIN,
        note="تعويض عن تأخر بدء الموعد",
        status=RefundStatus.SUCCEEDED,
        refunded_before=0,
        succeeded_at=booking.end + timedelta(hours=2),
    )
    return booking
