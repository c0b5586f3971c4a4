"""What the waitlist does when bookings change (registered in `WaitlistConfig.ready`).

In the booking's transaction: a held offer confirmed (taken, or paid) books its entry; cancelled
(declined, or the entry left) or expired (the hold ran out) closes it, and the entry waits again in its
place in line (it is never offered that start again). After commit: a booking that freed time
(cancelled, expired, moved) sets off the offers for its salon.
"""

from django.db import transaction
from django.utils import timezone

from apps.bookings.events import BookingChanged, BookingEventKind
from apps.bookings.models import Booking

from .models import EntryStatus, OfferOutcome, WaitlistOffer
from .offers import waitlist_offer_after_commit

_CLOSING = {
    BookingEventKind.CONFIRMED: OfferOutcome.BOOKED,
    BookingEventKind.CANCELLED: OfferOutcome.DECLINED,
    BookingEventKind.EXPIRED: OfferOutcome.LAPSED,
}
_FREEING = frozenset({BookingEventKind.CANCELLED, BookingEventKind.EXPIRED, BookingEventKind.RESCHEDULED})


def waitlist_booking_changed(change: BookingChanged) -> None:
    booking = change.booking
    # Offers are always held bookings: any other booking is left without a query.
    if change.kind in _CLOSING and (booking is None or booking.hold_expires_at is not None):
        _close_offer(booking_id=change.booking_id, outcome=_CLOSING[change.kind])
    if change.kind in _FREEING:
        salon_id = booking.salon_id if booking is not None else _salon_of(change.booking_id)
        if salon_id is not None:
            transaction.on_commit(lambda: waitlist_offer_after_commit(salon_id))


def _salon_of(booking_id: int) -> int | None:
    return Booking.objects.filter(pk=booking_id).values_list("salon_id", flat=True).first()


def _close_offer(*, booking_id: int, outcome: str) -> None:
    offer = WaitlistOffer.objects.select_related("entry").filter(booking_id=booking_id).first()
    if offer is None:
        return
    now = timezone.now()
    entry = offer.entry
    if outcome == OfferOutcome.BOOKED:
        # Also an offer that had lapsed when a late payment confirmed its booking.
        offer.outcome, offer.closed_at = OfferOutcome.BOOKED, offer.closed_at or now
        offer.save(update_fields=["outcome", "closed_at"])
        if entry.status != EntryStatus.BOOKED:
            entry.status, entry.ended_at = EntryStatus.BOOKED, now
            entry.save(update_fields=["status", "ended_at", "updated_at"])
        return
    if offer.outcome != OfferOutcome.OPEN:
        return
    offer.outcome, offer.closed_at = outcome, now
    offer.save(update_fields=["outcome", "closed_at"])
    if entry.status == EntryStatus.OFFERED:
        entry.status = EntryStatus.WAITING
        entry.save(update_fields=["status", "updated_at"])
