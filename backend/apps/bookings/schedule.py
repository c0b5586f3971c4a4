"""Reads for the salon side: a stylist's day and whom a staff account may look at."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q
from django.utils import timezone

from apps.salons.models import Salon, StaffMember

from .attachments import with_attachments
from .availability import staff_free_gaps
from .errors import NotAllowed, StaffNotFound, StaffRequired
from .models import Booking, BookingItem, BookingStatus
from .selectors import managed_salon_ids, staff_member_for

# What a stylist's day shows: bookings that happened or will (not cancelled or expired ones).
SCHEDULE_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


@dataclass(frozen=True)
class StaffSchedule:
    day: date
    staff: StaffMember
    bookings: list[Booking]
    free_gaps: list[tuple[datetime, datetime]]


@dataclass(frozen=True)
class StaffOverview:
    staff_member: StaffMember | None
    managed_salons: list[Salon]  # each with `active_staff`


def _schedulable_staff(user, staff_id: int | None) -> StaffMember:
    """The caller's own stylist profile, or a stylist of a salon the caller manages."""
    own = staff_member_for(user)
    managed = managed_salon_ids(user)
    if own is None and not managed:
        raise NotAllowed()
    if staff_id is None:
        if own is None:
            raise StaffRequired(errors={"staff": [str(StaffRequired.message)]})
        return own
    if own is not None and own.pk == staff_id:
        return own
    staff = StaffMember.objects.select_related("salon").filter(pk=staff_id, salon_id__in=managed).first()
    if staff is None:
        raise StaffNotFound()
    return staff


def staff_schedule_get(
    *, user, staff_id: int | None = None, day: date | None = None, now: datetime | None = None
) -> StaffSchedule:
    """One stylist's bookings starting on the local `day` (today by default) and the free gaps
    between them, for the stylist themselves or a manager of their salon."""
    now = now or timezone.now()
    staff = _schedulable_staff(user, staff_id)
    tz = staff.salon.tz
    day = day or now.astimezone(tz).date()
    day_start = datetime.combine(day, time.min, tzinfo=tz)
    bookings = list(
        with_attachments(Booking.objects.all())
        .filter(
            # Their own bookings, and visits where they do one of the services (ADR 0017).
            Q(staff=staff) | Q(pk__in=BookingItem.objects.filter(staff=staff).values("booking_id")),
            status__in=SCHEDULE_STATUSES,
            start__gte=day_start,
            start__lt=day_start + timedelta(days=1),
        )
        .select_related("salon", "service", "staff", "customer", "review")
        .order_by("start", "pk")
    )
    return StaffSchedule(
        day=day, staff=staff, bookings=bookings, free_gaps=staff_free_gaps(staff=staff, day=day, now=now)
    )


def staff_overview_get(*, user) -> StaffOverview:
    """The caller's stylist profile and the salons they manage with their active stylists."""
    salons = (
        Salon.objects.filter(managers=user)
        .prefetch_related(
            Prefetch("staff", queryset=StaffMember.objects.filter(is_active=True), to_attr="active_staff")
        )
        .order_by("pk")
    )
    return StaffOverview(staff_member=staff_member_for(user), managed_salons=list(salons))
