"""Reads of bookings and reviews, including the busy time the availability engine relies on."""

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import groupby
from operator import itemgetter

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from apps.salons.models import Salon, StaffMember

from .attachments import with_attachments, with_nothing_attached
from .errors import BookingNotFound, SalonNotFound
from .models import Booking, BookingItem, BookingStatus, Review

_LIST_RELATIONS = ("salon", "service", "staff", "customer", "review")


def blocking_intervals(
    *,
    staff_ids: list[int],
    start: datetime,
    end: datetime,
    now: datetime,
    exclude_booking_id: int | None = None,
    as_timestamps: bool = False,
) -> dict[int, list[tuple[datetime, datetime]]] | dict[int, list[tuple[float, float]]]:
    """Busy time per staff member from blocking bookings overlapping [start, end), in one query.

    Each interval runs from the booking's start to its end plus its buffer (for a visit with several
    stylists, from each of their items' start to its end plus its buffer), sorted by start; every
    requested staff member has an entry. A pending booking blocks only while its hold lives
    (`blocking_q`, written out in SQL here: the availability engine's busiest read, without the ORM's
    per-query and per-value cost; a test holds the two equal). With `as_timestamps` the instants are
    POSIX timestamps, as the engine computes with them (thousands of rows for a salon's fortnight).
    """
    intervals: dict = {staff_id: [] for staff_id in staff_ids}
    if not staff_ids:
        return intervals
    ops = connection.ops
    params = [
        *staff_ids,
        ops.adapt_datetimefield_value(end),
        ops.adapt_datetimefield_value(start),
        BookingStatus.CONFIRMED.value,
        BookingStatus.PENDING.value,
        ops.adapt_datetimefield_value(now),
    ]
    if exclude_booking_id is not None:
        params.append(exclude_booking_id)
    params += params  # the same for both branches
    sql = _blocking_sql(connection.vendor, len(staff_ids), exclude_booking_id is not None, as_timestamps)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not as_timestamps:
        for staff_id, booking_start, blocked_until in rows:
            intervals[staff_id].append((_aware(booking_start), _aware(blocked_until)))
    else:  # seconds since the epoch, computed by the database as floats; the rows come by staff member
        for staff_id, group in groupby(rows, key=itemgetter(0)):
            intervals[staff_id] = [(booking_start, blocked_until) for _staff_id, booking_start, blocked_until in group]
    return intervals


def _aware(value) -> datetime:
    """A stored instant as an aware datetime (SQLite gives naive UTC, or text; PostgreSQL aware)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


@lru_cache(maxsize=64)
def _blocking_sql(vendor: str, staff_count: int, exclude: bool, as_timestamps: bool) -> str:
    """The SQL of `blocking_intervals`: only table and column names from the models' metadata and
    placeholders go into it; every value is a parameter. A booking done by one stylist holds its own
    start to blocked-until; a visit with several stylists (`several_stylists`) holds each stylist's
    items instead (ADR 0017): two branches of one UNION ALL, each with the same parameters."""
    quote = connection.ops.quote_name
    booking_table, item_table = quote(Booking._meta.db_table), quote(BookingItem._meta.db_table)

    def column(model, table: str, name: str) -> str:
        return f"{table}.{quote(model._meta.get_field(name).column)}"

    def branch(model, table: str, joined: str, only_several: bool) -> str:
        staff, start, blocked_until = (column(model, table, name) for name in ("staff", "start", "blocked_until"))
        status, hold = column(Booking, booking_table, "status"), column(Booking, booking_table, "hold_expires_at")
        selected = f"{start}, {blocked_until}"
        if as_timestamps and vendor == "postgresql":
            selected = ", ".join(
                f"CAST(EXTRACT(EPOCH FROM {name}) AS double precision)" for name in (start, blocked_until)
            )
        elif as_timestamps:  # SQLite stores "YYYY-MM-DD HH:MM:SS[.ffffff]" in UTC: whole seconds, then the fraction
            selected = ", ".join(
                f"CAST(strftime('%%s', {name}) AS INTEGER) + CAST(substr({name}, 20) AS REAL)"
                for name in (start, blocked_until)
            )
        ids = ", ".join(["%s"] * staff_count)
        several = column(Booking, booking_table, "several_stylists")
        sql = (
            f"SELECT {staff}, {selected} FROM {joined} "  # noqa: S608
            f"WHERE {staff} IN ({ids}) AND {start} < %s AND {blocked_until} > %s "
            f"AND ({status} = %s OR ({status} = %s AND ({hold} IS NULL OR {hold} > %s))) "
            f"AND {'' if only_several else 'NOT '}{several}"
        )
        if exclude:
            sql += f" AND {column(Booking, booking_table, 'id')} <> %s"
        return sql

    items_joined = (
        f"{item_table} INNER JOIN {booking_table} "
        f"ON {column(BookingItem, item_table, 'booking')} = {column(Booking, booking_table, 'id')}"
    )
    return (
        f"{branch(Booking, booking_table, booking_table, False)} UNION ALL "
        f"{branch(BookingItem, item_table, items_joined, True)} ORDER BY 1, 2"
    )


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
        | Q(pk__in=BookingItem.objects.filter(staff__user=user, staff__is_active=True).values("booking_id"))
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


def booking_created_for_response(booking: Booking) -> Booking:
    """A booking `booking_create` just wrote (its salon, service, stylist and customer held), ready
    for its representation without reading it again: no review and nothing attached yet."""
    Booking.review.related.set_cached_value(booking, None)
    return with_nothing_attached(booking)


def review_list(*, salon_id: int) -> QuerySet[Review]:
    """An active salon's reviews, newest first."""
    if not Salon.objects.filter(pk=salon_id, is_active=True).exists():
        raise SalonNotFound()
    return Review.objects.filter(salon_id=salon_id).select_related("customer", "booking__service")


def staff_member_for(user) -> StaffMember | None:
    """The active stylist profile linked to `user`, if any."""
    return StaffMember.objects.select_related("salon").filter(user=user, is_active=True).first()
