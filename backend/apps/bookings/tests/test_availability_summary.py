"""The availability hook, versions and summary: bumped and refreshed in the transaction of every change
that can change free times, rebuilt by the command, and never claiming a free time the engine lacks."""

import os
import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from apps.bookings import availability_schedule, availability_summary, services
from apps.bookings.availability import slot_list_available
from apps.bookings.availability_changes import availability_changed, availability_versions, summary_rebuild
from apps.bookings.availability_summary import available_on_q, salon_ids_available_on, salon_ids_open_now
from apps.bookings.models import AvailabilityDay, WorkingSpan
from apps.salons import services as catalog
from apps.salons.tests.factories import (
    add_hours,
    add_special_hours,
    add_time_off,
    make_category,
    make_salon,
    make_service,
    make_staff,
)

from .conftest import at, make_user, work_every_day

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")


def today() -> date:
    return timezone.now().astimezone(RIYADH).date()


def summarised_salon(**salon_fields):
    salon = make_salon(**{"lead_time_minutes": 0, "booking_horizon_days": 7, **salon_fields})
    service = make_service(salon, duration_minutes=60)
    staff = make_staff(salon, services=[service])
    work_every_day(staff, "10:00", "12:00")
    summary_rebuild(salon_ids=[salon.pk])
    return salon, service, staff


def row(salon, day) -> AvailabilityDay:
    return AvailabilityDay.objects.get(salon=salon, day=day)


# --- The hook -------------------------------------------------------------------------------------


def test_the_rebuild_summarises_yesterday_to_the_horizon():
    # Given a salon with a 7-day horizon whose stylist works 10:00–12:00 every day
    salon, _service, _staff = summarised_salon()

    # Then each day from yesterday to the horizon has a row, with the day's free starts
    days = sorted(AvailabilityDay.objects.filter(salon=salon).values_list("day", flat=True))
    assert days == [today() + timedelta(days=offset) for offset in range(-1, 8)]
    tomorrow = row(salon, today() + timedelta(days=1))
    assert (tomorrow.free_starts, tomorrow.first_start, tomorrow.last_start) == (
        5,
        at(today() + timedelta(days=1), "10:00"),
        at(today() + timedelta(days=1), "11:00"),
    )
    assert WorkingSpan.objects.filter(salon=salon, day=today() + timedelta(days=1)).count() == 1


def test_a_booking_bumps_and_refreshes_only_its_days():
    # Given a summarised salon and a customer
    salon, service, staff = summarised_salon()
    customer = make_user()
    day = today() + timedelta(days=3)
    before = availability_versions(salon_id=salon.pk, days=[day + timedelta(days=offset) for offset in range(-2, 3)])

    # When the customer books 10:00 that day
    services.booking_create(actor=customer, service_id=service.pk, staff_id=staff.pk, start=at(day, "10:00"))

    # Then that day and the day before (its overnight interval) have a new version, the others not
    after = availability_versions(salon_id=salon.pk, days=list(before))
    assert {d: after[d] - before[d] for d in before} == {
        day - timedelta(days=2): 0,
        day - timedelta(days=1): 1,
        day: 1,
        day + timedelta(days=1): 0,
        day + timedelta(days=2): 0,
    }
    # And the day's summary lost the starts the booking took: 11:00 is the one left
    assert (row(salon, day).free_starts, row(salon, day).first_start) == (1, at(day, "11:00"))


def test_a_cancellation_frees_the_time_in_the_summary():
    salon, service, staff = summarised_salon()
    customer = make_user()
    day = today() + timedelta(days=2)
    booking = services.booking_create(actor=customer, service_id=service.pk, staff_id=staff.pk, start=at(day, "10:00"))
    version = row(salon, day).version

    services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert (row(salon, day).free_starts, row(salon, day).version) == (5, version + 1)


def test_a_reschedule_refreshes_the_day_it_left_and_the_day_it_reached():
    salon, service, staff = summarised_salon()
    customer = make_user()
    first, second = today() + timedelta(days=2), today() + timedelta(days=5)
    booking = services.booking_create(
        actor=customer, service_id=service.pk, staff_id=staff.pk, start=at(first, "10:00")
    )

    services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(second, "11:00"))

    assert (row(salon, first).free_starts, row(salon, second).free_starts) == (5, 1)


def test_time_off_bumps_its_days_and_working_hours_every_day():
    # Given a summarised salon
    salon, _service, staff = summarised_salon()
    day = today() + timedelta(days=4)
    days = [today() + timedelta(days=offset) for offset in range(-1, 8)]
    before = availability_versions(salon_id=salon.pk, days=days)

    # When the stylist takes the morning of `day` off through the catalog's service
    catalog.time_off_create(staff=staff, start=at(day, "09:00"), end=at(day, "11:00"))

    # Then the time off's days have new versions and the summary shows only 11:00
    after = availability_versions(salon_id=salon.pk, days=days)
    assert [d for d in days if after[d] != before[d]] == [day - timedelta(days=1), day]
    assert (row(salon, day).free_starts, row(salon, day).first_start) == (1, at(day, "11:00"))

    # And when the week is replaced, every day changes and the summary follows the new hours
    catalog.working_hours_replace(staff=staff, rows=[(weekday, time(15), time(16)) for weekday in range(7)])
    final = availability_versions(salon_id=salon.pk, days=days)
    assert all(final[d] > after[d] for d in days)
    assert row(salon, day + timedelta(days=1)).first_start == at(day + timedelta(days=1), "15:00")


def test_a_deactivated_service_leaves_no_free_start():
    salon, service, _staff = summarised_salon()

    catalog.service_update(service=service, changes={"is_active": False})

    assert not AvailabilityDay.objects.filter(salon=salon, free_starts__gt=0).exists()


def test_a_shorter_horizon_empties_the_days_beyond_it():
    # Given a summarised salon with a 7-day horizon
    salon, _service, _staff = summarised_salon()

    # When its horizon becomes 2 days (as the back office saves it) and the hook runs
    salon.booking_horizon_days = 2
    salon.save(update_fields=["booking_horizon_days"])
    availability_changed(salon_id=salon.pk)

    # Then the days beyond it claim nothing any more
    now = timezone.now()
    claimed = set(
        AvailabilityDay.objects.filter(salon=salon)
        .filter(available_on_q(day=today() + timedelta(days=5), now=now))
        .values_list("day", flat=True)
    )
    assert claimed == set()
    assert row(salon, today() + timedelta(days=5)).free_starts == 0


def test_the_missing_rebuild_only_adds_days_without_a_row():
    # Given a summarised salon whose tomorrow row was lost
    salon, _service, _staff = summarised_salon()
    tomorrow = today() + timedelta(days=1)
    AvailabilityDay.objects.filter(salon=salon, day=tomorrow).delete()
    versions = availability_versions(salon_id=salon.pk, days=[today()])

    # When the command runs with --missing
    call_command("rebuild_availability_summary", "--missing", "--salon", str(salon.pk))

    # Then tomorrow is back and the other days kept their versions
    assert row(salon, tomorrow).free_starts == 5
    assert availability_versions(salon_id=salon.pk, days=[today()]) == versions


# --- The filters' reads ---------------------------------------------------------------------------


def test_available_on_respects_lead_time_and_the_passing_day():
    # Given a salon whose only free starts tomorrow are 10:00–11:00, with a 2-hour lead time
    salon, _service, _staff = summarised_salon(lead_time_minutes=120)
    tomorrow = today() + timedelta(days=1)

    def available(now):
        return salon.pk in set(salon_ids_available_on(day=tomorrow, now=now))

    # Then it is available until two hours before the last start, not after
    assert available(at(tomorrow, "09:00") - timedelta(hours=2))
    assert available(at(tomorrow, "09:00"))
    assert not available(at(tomorrow, "09:01"))


def test_open_now_follows_hours_and_time_off():
    # Given a salon whose stylist works 10:00–12:00 with time off 11:00–11:30 tomorrow
    salon, _service, staff = summarised_salon()
    tomorrow = today() + timedelta(days=1)
    catalog.time_off_create(staff=staff, start=at(tomorrow, "11:00"), end=at(tomorrow, "11:30"))

    def open_at(hhmm):
        return salon.pk in set(salon_ids_open_now(now=at(tomorrow, hhmm)))

    # Then it is open while someone works
    assert [open_at(hhmm) for hhmm in ("09:59", "10:00", "10:59", "11:00", "11:29", "11:30", "11:59", "12:00")] == [
        False,
        True,
        True,
        False,
        False,
        True,
        True,
        False,
    ]


def test_an_overnight_shift_is_open_after_midnight():
    salon = make_salon(lead_time_minutes=0, booking_horizon_days=3)
    staff = make_staff(salon, services=[make_service(salon)])
    work_every_day(staff, "20:00", "02:00")
    summary_rebuild(salon_ids=[salon.pk])
    tomorrow = today() + timedelta(days=1)

    assert salon.pk in set(salon_ids_open_now(now=at(tomorrow, "01:30")))
    assert salon.pk not in set(salon_ids_open_now(now=at(tomorrow, "02:30")))


# --- The summary against the engine ---------------------------------------------------------------

PROPERTY_DAY = date(2026, 11, 21)  # a Saturday


def _intervals(rng: random.Random) -> list[tuple[time, time]]:
    bounds = sorted(rng.sample(range(0, 24 * 60, 15), 2 * rng.randint(0, 2)))
    intervals = list(zip(bounds[::2], bounds[1::2], strict=True))
    if intervals and rng.random() < 0.3:
        start, _end = intervals[-1]
        intervals[-1] = (start, rng.randrange(0, start + 1, 15))  # past midnight
    return [(time(start // 60, start % 60), time((end // 60) % 24, end % 60)) for start, end in intervals]


@settings(
    max_examples=int(os.environ.get("SUMMARY_PROPERTY_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), later_minutes=st.integers(0, 3 * 24 * 60))
def test_the_summary_never_claims_a_free_time_the_engine_lacks(monkeypatch, seed, later_minutes):
    # Given a random salon: policy, services in two categories, stylists with weekly and special hours,
    # time off and bookings
    rng = random.Random(seed)
    zone = rng.choice(["Asia/Riyadh", "Asia/Dubai"])
    tz = ZoneInfo(zone)
    salon = make_salon(
        timezone=zone,
        slot_step_minutes=rng.choice([10, 15, 30, 45]),
        lead_time_minutes=rng.choice([0, 45, 180, 26 * 60]),
        booking_horizon_days=rng.choice([1, 2, 4]),
    )
    categories = [make_category(), make_category()]
    services_ = [
        make_service(
            salon,
            category=rng.choice(categories),
            duration_minutes=rng.choice([15, 30, 60, 120]),
            buffer_minutes=rng.choice([0, 10]),
            is_active=rng.random() < 0.85,
        )
        for _ in range(rng.randint(1, 3))
    ]
    busy = {}
    for _ in range(rng.randint(1, 3)):
        staff = make_staff(salon, services=[s for s in services_ if rng.random() < 0.7], is_active=rng.random() < 0.85)
        for weekday in range(7):
            for start, end in _intervals(rng):
                add_hours(staff, weekday, start, end)
        for offset in range(-1, 6):
            if rng.random() < 0.2:
                special = _intervals(rng)
                for start, end in special:
                    add_special_hours(staff, PROPERTY_DAY + timedelta(days=offset), start, end)
                if not special:
                    add_special_hours(staff, PROPERTY_DAY + timedelta(days=offset))
        for _ in range(rng.randint(0, 2)):
            start = datetime.combine(PROPERTY_DAY, time.min, tzinfo=tz) + timedelta(
                minutes=rng.randrange(0, 5 * 1440, 5)
            )
            add_time_off(staff, start, start + timedelta(minutes=rng.randint(15, 600)))
        bookings = []
        for _ in range(rng.randint(0, 5)):
            start = datetime.combine(PROPERTY_DAY, time.min, tzinfo=tz) + timedelta(
                minutes=rng.randrange(0, 5 * 1440, 5)
            )
            bookings.append((start, start + timedelta(minutes=rng.choice([15, 30, 60, 90]))))
        busy[staff.pk] = sorted(bookings)

    def blocking(*, staff_ids, **_kwargs):
        return {staff_id: busy.get(staff_id, []) for staff_id in staff_ids}

    monkeypatch.setattr(availability_schedule, "blocking_intervals", blocking)
    monkeypatch.setattr(availability_summary, "blocking_intervals", blocking)

    # When the summary is computed at `computed` and read at `now` (the same time or later)
    computed = datetime.combine(PROPERTY_DAY, time.min, tzinfo=tz) + timedelta(minutes=rng.randrange(0, 1440))
    availability_changed(salon_id=salon.pk, now=computed)
    now = computed + timedelta(minutes=later_minutes)

    # Then for every day around, the summary claims a free start only when the engine lists one, and
    # exactly when the engine does while it is still the day it was computed
    for offset in range(-1, 7):
        day = PROPERTY_DAY + timedelta(days=offset)
        claimed = AvailabilityDay.objects.filter(available_on_q(day=day, now=now), salon=salon).exists()
        engine = any(
            slot_list_available(salon=salon, service=service, start_date=day, now=now)[day]
            for service in services_
            if service.is_active
        )
        if claimed:
            assert engine, (seed, day, now)
        if now.astimezone(tz).date() == computed.astimezone(tz).date():
            assert claimed == engine, (seed, day, now)
