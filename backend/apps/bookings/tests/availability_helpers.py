"""Helpers of the availability engine's tests: a fixed clock (a Friday morning in Riyadh), one stylist
to give hours to, and blocking bookings replaced by given busy intervals."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from apps.bookings import availability_schedule
from apps.bookings.availability import Slot, slot_list_available
from apps.salons.tests.factories import make_salon, make_service, make_staff

RIYADH = ZoneInfo("Asia/Riyadh")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=RIYADH)  # a Friday morning
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)


def at(day: date, hh_mm: str, tz: ZoneInfo = RIYADH) -> datetime:
    hour, minute = map(int, hh_mm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def starts(slots: list[Slot]) -> list[str]:
    """Local wall-clock start times."""
    return [slot.start.strftime("%H:%M") for slot in slots]


def patch_bookings(monkeypatch, busy: dict[int, list[tuple[datetime, datetime]]]) -> list[dict]:
    """Make `busy` the blocking bookings; returns the calls made."""
    calls = []

    def fake_blocking_intervals(**kwargs):
        calls.append(kwargs)
        return busy

    monkeypatch.setattr(availability_schedule, "blocking_intervals", fake_blocking_intervals)
    return calls


def one_stylist(**salon_fields):
    salon = make_salon(**{"lead_time_minutes": 0, **salon_fields})
    service = make_service(salon, duration_minutes=30)
    staff = make_staff(salon, services=[service])
    return salon, service, staff


def sunday_slots(salon, service, **kwargs) -> list[Slot]:
    return slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=NOW, **kwargs)[SUNDAY]
