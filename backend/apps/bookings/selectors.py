"""Reads of bookings and reviews, including the busy time the availability engine relies on."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.salons.models import Salon, StaffMember

from .attachments import with_attachments
from .errors import BookingNotFound, SalonNotFound
from .models import Booking, BookingStatus, Review, blocking_q

_LIST_RELATIONS = ("salon", "service", "staff", "customer", "review")


def blocking_intervals(
    *, staff_ids: list[int], start: datetime, end: datetime, now: datetime, exclude_booking_id: int | None = None
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Busy time per staff member from blocking bookings overlapping [start, end), in one query.

    Each interval runs from the booking's start to its end plus its buffer, sorted by start; every
    requested staff member has an entry. A pending booking blocks only while its hold lives.
    """
    intervals: dict[int, list[tuple[datetime, datetime]]] = {staff_id: [] for staff_id in staff_ids}
    rows = (
        Booking.objects.filter(blocking_q(now), staff_id__in=staff_ids, start__lt=end, blocked_until__gt=start)
        .exclude(pk=exclude_booking_id)
        .order_by("staff_id", "start")
        .values_list("staff_id", "start", "blocked_until")
    )
    for staff_id, booking_start, blocked_until in rows:
        intervals[staff_id].append((booking_start, blocked_until))
    return intervals


def managed_salon_ids(user) -> set[int]:
    return set(user.managed_salons.values_list("pk", flat=True))


def worked_salon_ids(user) -> set[int]:
    """The salons `user` works at: as a manager, or as a stylist (also a former, inactive one). Such
    a person is never a customer there for reviews."""
    staffed = StaffMember.objects.filter(user_id=user.pk).values_list("salon_id", flat=True)
    return managed_salon_ids(user) | set(staffed)


def _visible_to(user) -> Q:
    """Customers see their own bookings, stylists theirs, managers their salons'; a person who is
    several of these sees the union."""
    return (
        Q(customer=user)
        | Q(staff__user=user, staff__is_active=True)
        | Q(salon_id__in=Salon.managers.through.objects.filter(user_id=user.pk).values("salon_id"))
    )


def _instant(value: date | datetime, *, next_day: bool = False) -> datetime:
    """A datetime as is; a date as the start of that day (or of the next) in the platform's zone."""
    if isinstance(value, datetime):
        return value
    if next_day:
        value += timedelta(days=1)
    return datetime.combine(value, time.min, tzinfo=timezone.get_default_timezone())


def effective_status_in(statuses: list[str], now: datetime) -> Q:
    """Match the status the API shows: a pending booking whose hold ran out is already expired."""
    lapsed = Q(status=BookingStatus.PENDING, hold_expires_at__lte=now)
    condition = Q(status__in=[status for status in statuses if status not in (BookingStatus.PENDING,)])
    if BookingStatus.PENDING in statuses:
        condition |= Q(status=BookingStatus.PENDING) & ~lapsed
    if BookingStatus.EXPIRED in statuses:
        condition |= lapsed
    return condition


def booking_list(
    *,
    user,
    statuses: list[str] | None = None,
    date_from: date | datetime | None = None,
    date_to: date | datetime | None = None,
    upcoming: bool | None = None,
    now: datetime | None = None,
) -> QuerySet[Booking]:
    """The bookings `user` may see, filtered: `date_from` inclusive, `date_to` inclusive for a date
    and exclusive for a datetime; `upcoming=True` keeps the bookings still ahead (from now on, pending
    with a live hold or confirmed), `upcoming=False` all the others (past, cancelled, expired), newest first."""
    now = now or timezone.now()
    bookings = with_attachments(Booking.objects.filter(_visible_to(user)).select_related(*_LIST_RELATIONS))
    if statuses:
        bookings = bookings.filter(effective_status_in(statuses, now))
    if date_from is not None:
        bookings = bookings.filter(start__gte=_instant(date_from))
    if date_to is not None:
        bookings = bookings.filter(start__lt=_instant(date_to, next_day=True))
    ahead = Q(start__gte=now) & effective_status_in([BookingStatus.PENDING, BookingStatus.CONFIRMED], now)
    if upcoming is True:
        bookings = bookings.filter(ahead)
    elif upcoming is False:
        return bookings.exclude(ahead).order_by("-start", "-pk")
    return bookings.order_by("start", "pk")


def booking_get(*, user, booking_id: int) -> Booking:
    """One booking `user` may see; anyone else's is "not found", never "forbidden"."""
    booking = with_attachments(
        Booking.objects.filter(_visible_to(user), pk=booking_id).select_related(*_LIST_RELATIONS)
    ).first()
    if booking is None:
        raise BookingNotFound()
    return booking


def booking_for_response(*, booking_id: int) -> Booking:
    """A booking just written by a service, with what its representation needs."""
    return with_attachments(Booking.objects.select_related(*_LIST_RELATIONS)).get(pk=booking_id)


def review_list(*, salon_id: int) -> QuerySet[Review]:
    """An active salon's reviews, newest first."""
    if not Salon.objects.filter(pk=salon_id, is_active=True).exists():
        raise SalonNotFound()
    return Review.objects.filter(salon_id=salon_id).select_related("customer", "booking__service")


def staff_member_for(user) -> StaffMember | None:
    """The active stylist profile linked to `user`, if any."""
    return StaffMember.objects.select_related("salon").filter(user=user, is_active=True).first()
