"""Plain-function factories for the catalog: salons, categories, services, staff and their hours.

Each takes keyword overrides for any model field and saves the row.
"""

import itertools
from collections.abc import Iterable
from datetime import date, datetime, time

from apps.salons.models import City, Salon, Service, ServiceCategory, SpecialHours, StaffMember, TimeOff, WorkingHours

_sequence = itertools.count(1)


def _parse_time(value: str | time) -> time:
    return value if isinstance(value, time) else time.fromisoformat(value)


def make_salon(**kwargs) -> Salon:
    number = next(_sequence)
    fields = {
        "slug": f"salon-{number}",
        "name_ar": f"صالون {number}",
        "name_en": f"Salon {number}",
        "city": City.RIYADH,
    }
    fields.update(kwargs)
    return Salon.objects.create(**fields)


def make_category(**kwargs) -> ServiceCategory:
    number = next(_sequence)
    fields = {"slug": f"category-{number}", "name_ar": f"فئة {number}", "name_en": f"Category {number}"}
    fields.update(kwargs)
    return ServiceCategory.objects.create(**fields)


def make_service(salon: Salon, **kwargs) -> Service:
    number = next(_sequence)
    fields = {
        "name_ar": f"خدمة {number}",
        "name_en": f"Service {number}",
        "duration_minutes": 30,
        "price_amount": 10000,
    }
    fields.update(kwargs)
    if "category" not in fields:
        fields["category"] = make_category()
    return Service.objects.create(salon=salon, **fields)


def make_staff(salon: Salon, services: Iterable[Service] = (), **kwargs) -> StaffMember:
    number = next(_sequence)
    fields = {"display_name": f"Stylist {number}"}
    fields.update(kwargs)
    staff = StaffMember.objects.create(salon=salon, **fields)
    staff.services.set(services)
    return staff


def add_hours(staff: StaffMember, weekday: int, start: str | time, end: str | time) -> WorkingHours:
    """A weekly interval; `weekday` follows `date.weekday()` (Monday = 0)."""
    return WorkingHours.objects.create(
        staff=staff, weekday=weekday, start_time=_parse_time(start), end_time=_parse_time(end)
    )


def add_special_hours(
    staff: StaffMember, day: date, start: str | time | None = None, end: str | time | None = None, **kwargs
) -> SpecialHours:
    """Hours replacing the weekday's on `day`; without start and end, a day off."""
    return SpecialHours.objects.create(
        staff=staff,
        date=day,
        start_time=_parse_time(start) if start is not None else None,
        end_time=_parse_time(end) if end is not None else None,
        **kwargs,
    )


def add_time_off(staff: StaffMember, start: datetime, end: datetime, **kwargs) -> TimeOff:
    return TimeOff.objects.create(staff=staff, start=start, end=end, **kwargs)
