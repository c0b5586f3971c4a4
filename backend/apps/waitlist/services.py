"""Every write to the waitlist a customer makes: join, leave, take an offer or let it go. The offers
themselves are made by `offers.py`; what bookings' events do to them, by `reactions.py`."""

from datetime import date, datetime, time

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts.models import Role
from apps.bookings.errors import InvalidTransition
from apps.bookings.models import BookingStatus
from apps.bookings.services import booking_cancel, booking_confirm
from apps.salons.models import Salon, Service, StaffMember

from .errors import (
    AlreadyWaiting,
    CustomersOnly,
    EntryNotFound,
    InvalidWindow,
    OfferClosed,
    OfferNotFound,
    TooManyEntries,
    WaitlistSalonNotFound,
    WaitlistServiceNotFound,
    WaitlistStaffNotFound,
)
from .models import ACTIVE_STATUSES, EntryStatus, OfferOutcome, WaitlistEntry, WaitlistOffer
from .offers import waitlist_offer_after_commit


def check_customer(user) -> None:
    """The waitlist is the customers' own: stylists and managers are refused (403)."""
    if user.role != Role.CUSTOMER:
        raise CustomersOnly()


def _check_window(*, salon: Salon, date_from: date, date_to: date, now: datetime) -> None:
    today = now.astimezone(salon.tz).date()
    if date_from < today:
        raise InvalidWindow(errors={"date_from": [_("The window cannot start in the past.")]})
    if date_to < date_from:
        raise InvalidWindow(errors={"date_to": [_("The window cannot end before it starts.")]})
    if (date_to - date_from).days >= settings.WAITLIST_MAX_DAYS:
        raise InvalidWindow(errors={"date_to": [_("The window is too long.")]})


def waitlist_join(
    *,
    customer,
    salon_id: int,
    service_id: int,
    staff_id: int | None,
    date_from: date,
    date_to: date,
    time_from: time | None = None,
    time_to: time | None = None,
    now: datetime | None = None,
) -> WaitlistEntry:
    """Put the customer in line for `service` at `salon` (with `staff_id`, or any stylist) on any day of
    [date_from, date_to] in the salon's zone, starting within [time_from, time_to) (the whole day when
    not given). The line is the order of joining."""
    check_customer(customer)
    now = now or timezone.now()
    salon = Salon.objects.filter(pk=salon_id, is_active=True).first()
    if salon is None:
        raise WaitlistSalonNotFound()
    service = Service.objects.filter(pk=service_id, salon=salon, is_active=True).first()
    if service is None:
        raise WaitlistServiceNotFound()
    staff = None
    if staff_id is not None:
        staff = StaffMember.objects.filter(pk=staff_id, salon=salon, is_active=True, services=service).first()
        if staff is None:
            raise WaitlistStaffNotFound()
    _check_window(salon=salon, date_from=date_from, date_to=date_to, now=now)
    with transaction.atomic():
        # The customer's row serialises their joins, so the cap counts them in turn.
        type(customer).objects.select_for_update().filter(pk=customer.pk).exists()
        mine = WaitlistEntry.objects.filter(customer=customer, status__in=ACTIVE_STATUSES)
        same = mine.filter(
            salon=salon,
            service=service,
            staff=staff,
            date_from=date_from,
            date_to=date_to,
            time_from=time_from,
            time_to=time_to,
        )
        if same.exists():
            raise AlreadyWaiting()
        if mine.count() >= settings.WAITLIST_MAX_ACTIVE_PER_CUSTOMER:
            raise TooManyEntries()
        entry = WaitlistEntry(
            customer=customer,
            salon=salon,
            service=service,
            staff=staff,
            date_from=date_from,
            date_to=date_to,
            time_from=time_from,
            time_to=time_to,
        )
        try:
            with transaction.atomic():
                entry.save(force_insert=True)
        except IntegrityError as exc:
            raise AlreadyWaiting() from exc
        transaction.on_commit(lambda: waitlist_offer_after_commit(salon.pk))
    return entry


def waitlist_leave(*, customer, entry_id: int, now: datetime | None = None) -> WaitlistEntry:
    """Leave the line (idempotent for an entry already ended); a time held for the entry is let go."""
    check_customer(customer)
    now = now or timezone.now()
    with transaction.atomic():
        entry = WaitlistEntry.objects.select_for_update().filter(pk=entry_id, customer=customer).first()
        if entry is None:
            raise EntryNotFound()
        if not entry.is_active:
            return entry
        open_offer = entry.offers.filter(outcome=OfferOutcome.OPEN).first()
        entry.status = EntryStatus.LEFT
        entry.ended_at = now
        entry.save(update_fields=["status", "ended_at", "updated_at"])
        if open_offer is not None:
            # The reaction to the cancellation closes the offer; the entry stays left.
            booking_cancel(booking_id=open_offer.booking_id, actor=customer, now=now)
    return entry


def _open_offer(*, customer, booking_id: int) -> WaitlistOffer:
    offer = (
        WaitlistOffer.objects.select_related("entry", "booking", "booking__salon")
        .filter(booking_id=booking_id, entry__customer=customer)
        .first()
    )
    if offer is None:
        raise OfferNotFound()
    return offer


def waitlist_offer_accept(*, customer, booking_id: int, now: datetime | None = None) -> WaitlistOffer:
    """Take the time held: the booking is confirmed (the entry becomes booked through the reaction to
    the confirmation). At a salon that requires prepayment the booking stays held and the customer pays
    it as any booking (the payment confirms it); the offer is returned unchanged."""
    check_customer(customer)
    now = now or timezone.now()
    offer = _open_offer(customer=customer, booking_id=booking_id)
    if offer.outcome == OfferOutcome.BOOKED:
        return offer
    booking = offer.booking
    if offer.outcome != OfferOutcome.OPEN or booking.status != BookingStatus.PENDING or not booking.hold_is_live(now):
        raise OfferClosed()
    if booking.salon.requires_prepayment:
        return offer
    try:
        booking_confirm(booking_id=booking.pk, actor=None, now=now)
    except InvalidTransition as exc:  # the hold ran out, or the booking was cancelled, meanwhile
        raise OfferClosed() from exc
    offer.refresh_from_db()
    return offer


def waitlist_offer_decline(*, customer, booking_id: int, now: datetime | None = None) -> WaitlistOffer:
    """Let the time go at once: the held booking is cancelled, the entry waits again (never offered that
    time again) and the time is offered to the next in line."""
    check_customer(customer)
    now = now or timezone.now()
    offer = _open_offer(customer=customer, booking_id=booking_id)
    if offer.outcome != OfferOutcome.OPEN:
        raise OfferClosed()
    booking_cancel(booking_id=booking_id, actor=customer, now=now)
    offer.refresh_from_db()
    return offer
