"""Reads of the waitlist: a customer's entries with their place in line, and an offer."""

from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import ACTIVE_STATUSES, EntryStatus, OfferOutcome, WaitlistEntry, WaitlistOffer

# The customer's history shown: every active entry and the latest ended ones, up to this many in all.
LIST_LIMIT = 50


def waitlist_entry_list(*, customer) -> list[WaitlistEntry]:
    """The customer's entries, active first, the latest first; each with `position` (its place among the
    waiting entries for its salon and service, None when not waiting) and `current_offers` (the open or
    taken offer, at most one)."""
    ahead = (
        WaitlistEntry.objects.filter(
            salon_id=OuterRef("salon_id"), service_id=OuterRef("service_id"), status=EntryStatus.WAITING
        )
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("service_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    current = WaitlistOffer.objects.filter(outcome__in=[OfferOutcome.OPEN, OfferOutcome.BOOKED]).select_related(
        "booking"
    )
    entries = (
        WaitlistEntry.objects.filter(customer=customer)
        .select_related("salon", "service", "staff")
        .annotate(
            ahead=Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0)),
            ended=Case(When(status__in=ACTIVE_STATUSES, then=Value(0)), default=Value(1), output_field=IntegerField()),
        )
        .prefetch_related(Prefetch("offers", queryset=current.order_by("-pk"), to_attr="current_offers"))
        .order_by("ended", "-created_at", "-pk")[:LIST_LIMIT]
    )
    result = list(entries)
    for entry in result:
        entry.position = entry.ahead + 1 if entry.status == EntryStatus.WAITING else None
    return result


def waitlist_offer_get(*, customer, booking_id: int) -> WaitlistOffer | None:
    return (
        WaitlistOffer.objects.select_related("entry", "booking__salon", "booking__service", "booking__staff")
        .filter(booking_id=booking_id, entry__customer=customer)
        .first()
    )
