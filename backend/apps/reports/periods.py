"""What every report shares: the period asked for, how days are grouped, which statuses count, and
small conversions."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import DurationField, ExpressionWrapper, F

from apps.bookings.models import Booking, BookingStatus
from apps.payments.models import PaymentStatus

GROUPS = ("day", "week", "month")
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
    if group_by == "week":
        return day - timedelta(days=day.weekday())
    if group_by == "month":
        return day.replace(day=1)
    return day


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
