"""What every report shares: the period asked for, how days are grouped, which statuses count, and
small conversions."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import DateTimeField, DurationField, ExpressionWrapper, F
from django.db.models.functions import Trunc

from apps.bookings.models import Booking, BookingStatus
from apps.payments.models import PaymentStatus

GROUPS = ("day", "week", "month")
ONE_DAY = timedelta(days=1)
# A payment that took the customer's money at `paid_at` (refunds are counted apart).
MONEY_IN_STATUSES = (PaymentStatus.PAID, PaymentStatus.CAPTURED, PaymentStatus.REFUNDED, PaymentStatus.DUPLICATE)
VISIT_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED)
BOOKED_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        return datetime.combine(self.first, time.min, tzinfo=self.tz)

    @property
    def end(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=self.tz)

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def platform_tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def bucket_of(day: date, group_by: str) -> date:
    """The first day of `day`'s period; a week starts on Sunday (the Saudi week)."""
    if group_by == "week":
        return day - timedelta(days=(day.weekday() + 1) % 7)
    if group_by == "month":
        return day.replace(day=1)
    return day


def truncated(field: str, group_by: str, tz: ZoneInfo):
    """`field` truncated in the database to its local period, read back with `bucket_key`. The databases'
    weeks start on Monday: a Sunday week is the Monday week of the day after, less that day."""
    if group_by == "week":
        return Trunc(ExpressionWrapper(F(field) + ONE_DAY, output_field=DateTimeField()), "week", tzinfo=tz)
    return Trunc(field, group_by, tzinfo=tz)


def bucket_key(value, group_by: str, tz: ZoneInfo) -> date:
    """The first local day of the period a `truncated` value stands for."""
    day = local_day(value, tz)
    return day - ONE_DAY if group_by == "week" else day


def local_day(value, tz: ZoneInfo) -> date:
    return value.astimezone(tz).date() if isinstance(value, datetime) else value


def rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def minutes_of(value: timedelta | int | None) -> int:
    if value is None:
        return 0
    if isinstance(value, timedelta):
        return int(value.total_seconds() // 60)
    return int(value) // 60_000_000  # microseconds (some backends)


BOOKED_SPAN = ExpressionWrapper(F("blocked_until") - F("start"), output_field=DurationField())


def bookings_in(salon_ids, period: Period):
    """The bookings whose visit starts in the period (all salons when `salon_ids` is None)."""
    bookings = Booking.objects.filter(start__gte=period.start, start__lt=period.end).order_by()
    if salon_ids is not None:
        bookings = bookings.filter(salon_id__in=salon_ids)
    return bookings
