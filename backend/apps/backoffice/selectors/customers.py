"""The salon's own customer list: everyone who has booked there, with what the salon knows of them
(visits, money, no-shows, cancellations) and what it keeps about them (`SalonCustomer`: notes, tags,
blocked). Notes are for the salon's managers only: nothing here is shown to customers."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from apps.bookings.attachments import with_attachments
from apps.bookings.models import Booking, BookingStatus, CancelledByRole, SalonCustomer
from apps.payments.models import HELD_STATUSES, Payment
from apps.salons.models import Salon

from ..errors import CustomerNotFound
from .desk import customer_matches

User = get_user_model()
_BOOKING_RELATIONS = ("salon", "service", "staff", "customer", "review")


def salon_customer_list(*, salon: Salon, query: str = "", now: datetime | None = None) -> QuerySet:
    """The people who booked at the salon, most recent booking first, each annotated with
    `visit_count` (completed bookings), `last_visit` (the latest completed one's start), `next_visit`
    (the next booking holding time), `total_paid` (halalas their payments for this salon's bookings
    hold, net of refunds), `no_show_count` and `cancellation_count` (bookings they cancelled);
    `query` matches a name or phone number. Call `with_salon_records` on the page shown."""
    now = now or timezone.now()
    # One join to the salon's bookings, shared by the filter and every aggregate below.
    here = Q(bookings__salon_id=salon.pk)
    upcoming = Q(bookings__start__gte=now) & (
        Q(bookings__status=BookingStatus.CONFIRMED)
        | Q(bookings__status=BookingStatus.PENDING)
        & (Q(bookings__hold_expires_at__isnull=True) | Q(bookings__hold_expires_at__gt=now))
    )
    paid = (
        Payment.objects.filter(booking__salon_id=salon.pk, customer_id=OuterRef("pk"), status__in=HELD_STATUSES)
        .order_by()
        .values("customer_id")
        .annotate(total=Sum(F("amount") - F("refunded_amount")))
        .values("total")
    )
    customers = User.objects.filter(here)
    if query.strip():
        customers = customers.filter(customer_matches(query))
    return customers.annotate(
        visit_count=Count("bookings", filter=here & Q(bookings__status=BookingStatus.COMPLETED)),
        last_visit=Max("bookings__start", filter=here & Q(bookings__status=BookingStatus.COMPLETED)),
        next_visit=Min("bookings__start", filter=here & upcoming),
        no_show_count=Count("bookings", filter=here & Q(bookings__status=BookingStatus.NO_SHOW)),
        cancellation_count=Count(
            "bookings",
            filter=here
            & Q(bookings__status=BookingStatus.CANCELLED, bookings__cancelled_by_role=CancelledByRole.CUSTOMER),
        ),
        last_booking=Max("bookings__start", filter=here),
        total_paid=Coalesce(Subquery(paid), 0),
    ).order_by("-last_booking", "-pk")


def with_salon_records(customers, *, salon: Salon) -> list:
    """The customers with the salon's notes, tags and block as attributes (one query), their no-shows
    less those forgiven, and their visits in the salon's time zone."""
    customers = list(customers)
    records = {
        record.customer_id: record
        for record in SalonCustomer.objects.filter(salon=salon, customer_id__in=[customer.pk for customer in customers])
    }
    for customer in customers:
        record = records.get(customer.pk)
        customer.notes = record.notes if record else ""
        customer.tags = list(record.tags) if record else []
        customer.blocked = record.blocked if record else False
        # No-shows the salon forgave no longer count (ADR 0016).
        customer.no_shows_forgiven = record.no_shows_forgiven if record else 0
        customer.no_show_count = max(customer.no_show_count - customer.no_shows_forgiven, 0)
        for name in ("last_visit", "next_visit"):
            value = getattr(customer, name)
            setattr(customer, name, value.astimezone(salon.tz) if value is not None else None)
    return customers


def salon_customer_get(*, salon: Salon, customer_id: int, now: datetime | None = None):
    """One of the salon's customers as in the list, with `bookings`: all of theirs at this salon,
    newest first, with what their representation needs. Someone who never booked here is not found."""
    customer = salon_customer_list(salon=salon, now=now).filter(pk=customer_id).first()
    if customer is None:
        raise CustomerNotFound()
    [customer] = with_salon_records([customer], salon=salon)
    customer.salon_bookings = list(
        with_attachments(Booking.objects.filter(salon=salon, customer_id=customer_id))
        .select_related(*_BOOKING_RELATIONS)
        .order_by("-start", "-pk")
    )
    return customer
