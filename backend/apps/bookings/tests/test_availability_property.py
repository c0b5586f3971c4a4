"""The engine against a brute-force reading of the rules, on randomised schedules."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from apps.bookings import availability_schedule
from apps.bookings.availability import slot_list_available, start_check
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

FRIDAY = date(2026, 11, 20)
FIRST_DAY = date(2026, 11, 21)  # a Saturday
DAYS = 3


def random_intervals(rng: random.Random) -> list[tuple[int, int]]:
    """Up to three non-overlapping intervals of one day, in minutes from its midnight; the last may
    run past midnight."""
    bounds = sorted(rng.sample(range(0, 24 * 60, 5), 2 * rng.randint(0, 3)))
    intervals = list(zip(bounds[::2], bounds[1::2], strict=True))
    if intervals and rng.random() < 0.4:
        start, _end = intervals[-1]
        intervals[-1] = (start, 24 * 60 + rng.randrange(0, start + 1, 5))
    return intervals


def clock(minutes: int) -> time:
    return time((minutes // 60) % 24, minutes % 60)


def random_range(rng: random.Random, tz: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(FIRST_DAY, time.min, tzinfo=tz) + timedelta(minutes=rng.randrange(0, 4 * 24 * 60))
    return start, start + timedelta(minutes=rng.randint(1, 240))


def expected_starts(*, tz, hours, busy, step, need, earliest, last_date, today) -> dict[date, set[datetime]]:
    """Every minute of every day, checked against the written rules one by one."""
    expected = {}
    for offset in range(DAYS):
        day = FIRST_DAY + timedelta(days=offset)
        midnight = datetime.combine(day, time.min, tzinfo=tz)
        found = set()
        for minute in range(0, 48 * 60):
            start = midnight + timedelta(minutes=minute)
            end = start + timedelta(minutes=need)
            if (
                day >= today
                and minute % step == 0
                and start >= earliest
                and start.date() <= last_date
                and any(start >= work_start and end <= work_end for work_start, work_end in hours[day])
                and not any(busy_start < end and start < busy_end for busy_start, busy_end in busy)
            ):
                found.add(start)
        expected[day] = found
    return expected


@pytest.mark.parametrize("seed", range(30))
def test_listed_slots_are_exactly_the_free_starts(seed, monkeypatch):
    # Given a randomised salon policy, service, staff hours, special hours, time off and bookings
    rng = random.Random(seed)
    zone = rng.choice(["Asia/Riyadh", "Asia/Riyadh", "Asia/Dubai"])
    tz = ZoneInfo(zone)
    salon = make_salon(
        timezone=zone,
        slot_step_minutes=rng.choice([5, 10, 15, 20, 30, 45, 60]),
        lead_time_minutes=rng.choice([0, 30, 90, 24 * 60 + 45]),
        booking_horizon_days=rng.choice([1, 2, 60]),
    )
    service = make_service(
        salon, duration_minutes=rng.choice([5, 15, 30, 45, 60, 90, 150]), buffer_minutes=rng.choice([0, 0, 5, 15, 30])
    )
    now = datetime.combine(FRIDAY, time.min, tzinfo=tz) + timedelta(minutes=rng.randrange(0, 3 * 24 * 60))
    expected: dict[date, dict[datetime, list[int]]] = {}
    busy_by_staff = {}
    for _index in range(3):
        staff = make_staff(salon, services=[service])
        hours = {}
        for offset in range(DAYS):
            day = FIRST_DAY + timedelta(days=offset)
            intervals = random_intervals(rng)
            for start, end in intervals:
                add_hours(staff, day.weekday(), clock(start), clock(end))
            if rng.random() < 0.25:
                intervals = random_intervals(rng)
                for start, end in intervals:
                    add_special_hours(staff, day, clock(start), clock(end))
                if not intervals:
                    add_special_hours(staff, day)
            midnight = datetime.combine(day, time.min, tzinfo=tz)
            hours[day] = [
                (midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)) for start, end in intervals
            ]
        time_off = [random_range(rng, tz) for _ in range(rng.randint(0, 3))]
        for start, end in time_off:
            add_time_off(staff, start, end)
        bookings = [random_range(rng, tz) for _ in range(rng.randint(0, 6))]
        busy_by_staff[staff.pk] = bookings
        staff_expected = expected_starts(
            tz=tz,
            hours=hours,
            busy=time_off + bookings,
            step=salon.slot_step_minutes,
            need=service.duration_minutes + service.buffer_minutes,
            earliest=now + timedelta(minutes=salon.lead_time_minutes),
            last_date=now.astimezone(tz).date() + timedelta(days=salon.booking_horizon_days),
            today=now.astimezone(tz).date(),
        )
        for day, found in staff_expected.items():
            for start in found:
                expected.setdefault(day, {}).setdefault(start, []).append(staff.pk)
    monkeypatch.setattr(availability_schedule, "blocking_intervals", lambda **kwargs: busy_by_staff)

    # When the days are listed for any staff member
    listed = slot_list_available(salon=salon, service=service, start_date=FIRST_DAY, days=DAYS, now=now)

    # Then each day holds exactly the brute-force starts, in order, with their free staff
    assert list(listed) == [FIRST_DAY + timedelta(days=offset) for offset in range(DAYS)]
    for day, slots in listed.items():
        assert [(slot.start, list(slot.staff_ids)) for slot in slots] == sorted(expected.get(day, {}).items())
        assert all(slot.end - slot.start == service.duration for slot in slots)
        assert all(slot.start.tzinfo == tz for slot in slots)

    # And the booking check agrees with the list on sampled starts
    staff_ids = list(busy_by_staff)
    for _sample in range(8):
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        free = expected.get(day, {})
        if free and rng.random() < 0.5:
            start, free_staff = rng.choice(sorted(free.items()))
            staff_id = rng.choice(free_staff)
        else:
            start = datetime.combine(day, time.min, tzinfo=tz) + timedelta(minutes=rng.randrange(0, 24 * 60, 5))
            staff_id = rng.choice(staff_ids)
        is_free = any(staff_id in found.get(start, []) for found in expected.values())
        check = start_check(salon=salon, service=service, staff_ids=[staff_id], start=start, now=now)
        assert (check.refusal is None) is is_free
