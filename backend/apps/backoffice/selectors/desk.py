"""The desk's reads: a salon's calendar over a few days, and its bookings, filtered and searched.

The calendar shows, per stylist, the working intervals exactly as the availability engine computes
them (`bookings.availability.staff_working_intervals`), time off and the bookings of those days, in
the salon's time zone and in a constant number of queries whatever the number of stylists and
bookings: bookings, their payments' statuses, the salon's services, stylists, weekly hours, special
hours, time off.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.accounts.phone import ascii_digits
from apps.bookings.attachments import with_attachments
from apps.bookings.availability import staff_working_intervals
from apps.bookings.models import Booking, BookingItem
from apps.bookings.schedule import SCHEDULE_STATUSES
from apps.bookings.selectors import effective_status_in
from apps.payments.selectors import booking_payment_statuses
from apps.salons.models import Salon, Service, StaffMember, TimeOff

MAX_CALENDAR_DAYS = 7
_LIST_RELATIONS = ("salon", "service", "staff", "customer", "review")


@dataclass(frozen=True)
class WorkingInterval:
    start: datetime
    end: datetime


@dataclass(frozen=True)
class CalendarBooking:
    id: int
    reference: str
    customer_first_name: str
    service_name: str
    status: str
    start: datetime
    end: datetime
    payment_status: str | None


@dataclass(frozen=True)
class StaffCalendar:
    staff: StaffMember
    working: list[WorkingInterval]
    time_off: list[TimeOff]
    bookings: list[CalendarBooking]


@dataclass(frozen=True)
class SalonCalendar:
    salon: Salon
    start: date
    days: int
    staff: list[StaffCalendar]


def _midnight(day: date, salon: Salon) -> datetime:
    return datetime.combine(day, time.min, tzinfo=salon.tz)


def _visit_parts(rows: list[tuple]) -> list[tuple]:
    """The rows with each visit of several services (ADR 0017) shown as its services, each under its
    stylist at its time (one more query, only when there are such visits)."""
    visits = [row[0] for row in rows if row[-1] > 1]
    items: dict[int, list[tuple]] = {}
    if visits:
        for booking_id, staff_id, service_id, start, end in (
            BookingItem.objects.filter(booking_id__in=visits)
            .order_by("booking_id", "position")
            .values_list("booking_id", "staff_id", "service_id", "start", "end")
        ):
            items.setdefault(booking_id, []).append((staff_id, service_id, start, end))
    parts = []
    for booking_id, reference, staff_id, service_id, status, start, end, first_name, _count in rows:
        for part in items.get(booking_id, [(staff_id, service_id, start, end)]):
            parts.append((booking_id, reference, *part[:2], status, *part[2:], first_name))
    return sorted(parts, key=lambda part: (part[5], part[0])) if items else parts


def salon_calendar(*, salon: Salon, start: date, days: int, now: datetime | None = None) -> SalonCalendar:
    """The salon's stylists over the local days `start` to `start + days - 1`: active ones, and
    inactive ones with bookings then, in display order. Bookings are those that happened or will
    (not cancelled, expired or a pending one whose hold ran out) overlapping those days."""
    now = now or timezone.now()
    tz = salon.tz
    last_day = start + timedelta(days=days - 1)
    window_start, window_end = _midnight(start, salon), _midnight(last_day + timedelta(days=1), salon)

    # Plain rows, not model instances: a busy week has thousands of bookings.
    bookings = Booking.objects.filter(salon=salon, start__lt=window_end, end__gt=window_start).filter(
        effective_status_in(list(SCHEDULE_STATUSES), now)
    )
    rows = _visit_parts(
        list(
            bookings.order_by("start", "pk").values_list(
                "pk",
                "reference",
                "staff_id",
                "service_id",
                "status",
                "start",
                "end",
                "customer__first_name",
                "item_count",
            )
        )
    )
    payment_statuses = booking_payment_statuses(bookings=bookings) if rows else {}
    service_names = {service.pk: service.name for service in Service.objects.filter(salon=salon)}
    booked_staff = {row[2] for row in rows}
    staff = [
        member
        for member in StaffMember.objects.filter(salon=salon).order_by("display_order", "pk")
        if member.is_active or member.pk in booked_staff
    ]
    staff_ids = [member.pk for member in staff]
    working = staff_working_intervals(staff_ids=staff_ids, first_day=start, last_day=last_day, tz=tz)
    time_off: dict[int, list[TimeOff]] = {staff_id: [] for staff_id in staff_ids}
    for away in TimeOff.objects.filter(staff_id__in=staff_ids, start__lt=window_end, end__gt=window_start).order_by(
        "start", "pk"
    ):
        away.start, away.end = away.start.astimezone(tz), away.end.astimezone(tz)
        time_off[away.staff_id].append(away)
    by_staff: dict[int, list[CalendarBooking]] = {staff_id: [] for staff_id in staff_ids}
    for booking_id, reference, staff_id, service_id, status, booking_start, booking_end, first_name in rows:
        by_staff[staff_id].append(
            CalendarBooking(
                id=booking_id,
                reference=reference,
                customer_first_name=first_name,
                service_name=service_names[service_id],
                status=status,
                start=booking_start.astimezone(tz),
                end=booking_end.astimezone(tz),
                payment_status=payment_statuses.get(booking_id),
            )
        )
    return SalonCalendar(
        salon=salon,
        start=start,
        days=days,
        staff=[
            StaffCalendar(
                staff=member,
                working=[WorkingInterval(start, end) for start, end in working[member.pk]],
                time_off=time_off[member.pk],
                bookings=by_staff[member.pk],
            )
            for member in staff
        ],
    )


def salon_booking_list(
    *,
    salon: Salon,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    staff_id: int | None = None,
    statuses: list[str] | None = None,
    query: str = "",
    now: datetime | None = None,
) -> QuerySet[Booking]:
    """The salon's bookings with what their representation needs, by start: starting in
    [`date_from`, `date_to`), of one stylist, in the statuses the API shows (a pending booking whose
    hold ran out is expired), matching `query` (a reference, a customer's name or phone number)."""
    now = now or timezone.now()
    bookings = with_attachments(Booking.objects.filter(salon=salon).select_related(*_LIST_RELATIONS))
    if date_from is not None:
        bookings = bookings.filter(start__gte=date_from)
    if date_to is not None:
        bookings = bookings.filter(start__lt=date_to)
    if staff_id is not None:
        bookings = bookings.filter(staff_id=staff_id)
    if statuses:
        bookings = bookings.filter(effective_status_in(statuses, now))
    if query.strip():
        bookings = bookings.filter(customer_matches(query, prefix="customer__") | Q(reference__icontains=query.strip()))
    return bookings.order_by("start", "pk")


def customer_matches(query: str, *, prefix: str = "") -> Q:
    """People whose first or last name contains `query`, or whose phone number contains its digits
    (a local `05…` number matches its `+9665…` form; Arabic-Indic digits count)."""
    query = query.strip()
    condition = Q(**{f"{prefix}first_name__icontains": query}) | Q(**{f"{prefix}last_name__icontains": query})
    text = ascii_digits(query)
    digits = "".join(char for char in text if char.isdigit())
    if len(digits) >= 3 and not set(text) - set("0123456789+-() "):  # a phone number, or a part of one
        if digits.startswith("00"):  # international prefix
            digits = digits[2:]
        elif digits.startswith("0"):  # a local number: 05… is +9665…
            digits = digits[1:]
        condition |= Q(**{f"{prefix}phone_number__contains": digits})
    return condition
