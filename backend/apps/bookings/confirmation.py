"""A booking awaiting the salon's confirmation does not wait forever.

At a salon without prepayment an online booking is pending until the salon confirms it, and it holds
the stylist's time meanwhile. When the salon's confirmation window lapses (`Booking.confirm_by`: the
window after the booking was made, never past its start; for bookings made before `confirm_by`
existed, its start) the booking takes the salon's choice (`Salon.unconfirmed_policy`): it is
confirmed, or it expires and frees the time. Either way the customer is told, by the usual reactions
to the `confirmed` and `expired` events (an expiry carries `{"lapsed": "not_confirmed"}`).
"""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from apps.salons.models import UnconfirmedPolicy

from ._steps import bookings_changed_availability, busy_as_503, mark_expired, record
from .events import BookingEventKind
from .models import Booking, BookingStatus

LAPSE_BATCH_SIZE = 500
LAPSED_NOT_CONFIRMED = {"lapsed": "not_confirmed"}


def _lapsed(now: datetime) -> Q:
    return Q(status=BookingStatus.PENDING, hold_expires_at__isnull=True) & (Q(confirm_by__lte=now) | Q(start__lte=now))


def _confirm_lapsed(booking_ids: list[int]) -> int:
    """Confirm the given pending bookings as the system (locked by the caller)."""
    bookings = list(Booking.objects.filter(pk__in=booking_ids, status=BookingStatus.PENDING).order_by("pk"))
    for booking in bookings:
        booking.status = BookingStatus.CONFIRMED
        booking.save(update_fields=["status", "updated_at"])
        record(
            booking,
            event=BookingEventKind.CONFIRMED,
            actor=None,
            from_status=BookingStatus.PENDING,
            data=LAPSED_NOT_CONFIRMED,
            availability=False,
        )
    bookings_changed_availability(bookings)
    return len(bookings)


@busy_as_503()
def booking_lapse_unconfirmed(*, now: datetime | None = None, batch_size: int = LAPSE_BATCH_SIZE) -> tuple[int, int]:
    """Apply each salon's choice to its bookings whose confirmation window has lapsed; returns how many
    expired and how many were confirmed. Safe to run on several servers at once: each batch locks its
    rows (`SKIP LOCKED`, rows another run or a salon's confirmation holds are left for the next run)."""
    now = now or timezone.now()
    expired = confirmed = 0
    while True:
        with transaction.atomic():
            batch = list(
                Booking.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(_lapsed(now))
                .order_by("pk")
                .values_list("pk", "salon__unconfirmed_policy")[:batch_size]
            )
            to_expire = [pk for pk, policy in batch if policy == UnconfirmedPolicy.EXPIRE]
            to_confirm = [pk for pk, policy in batch if policy != UnconfirmedPolicy.EXPIRE]
            if to_expire:
                expired += mark_expired(to_expire, data=LAPSED_NOT_CONFIRMED)
            if to_confirm:
                confirmed += _confirm_lapsed(to_confirm)
        if len(batch) < batch_size:
            return expired, confirmed
