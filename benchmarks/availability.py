"""Benchmark of the availability engine.

Run from the repository root:  .venv/bin/python benchmarks/availability.py
(set BENCH_DATABASE_URL=postgres://... to run on PostgreSQL; a throwaway database is created there).

Builds a salon with 10 staff, 5 services and about 2,000 existing bookings over 14 days in a
throwaway database, then times one staff-day and all staff x 14 days, and counts their SQL queries.
It repeats with 10x the bookings (the extra ones in the following weeks, as a stylist cannot be
double-booked) to show that the query count does not change. Bookings are real, confirmed rows.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time as clock
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR / "backend"))

STAFF_COUNT = 10
SERVICE_DURATIONS = [(30, 0), (45, 10), (60, 15), (90, 15), (120, 0)]  # (minutes, buffer)
DAYS = 14
BOOKINGS_PER_STAFF_DAY = 14  # 10 staff x 14 days x 14 = 1,960 bookings
REPEATS = 50
RIYADH = ZoneInfo("Asia/Riyadh")


def configure_django(temp_dir: Path) -> None:
    """The test settings on a throwaway database: a SQLite file in `temp_dir`, or a new PostgreSQL
    database next to BENCH_DATABASE_URL's."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    bench_url = os.environ.get("BENCH_DATABASE_URL", "")
    os.environ["TEST_DATABASE_URL"] = bench_url or f"sqlite:///{temp_dir / 'bench.sqlite3'}"
    import django
    from django.conf import settings

    django.setup()
    test_name = f"bench_availability_{os.getpid()}" if bench_url else str(temp_dir / "bench-run.sqlite3")
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name


@contextmanager
def throwaway_database():
    from django.db import connection

    original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        yield
    finally:
        connection.creation.destroy_test_db(original_name, verbosity=0)


def build_catalog(first_day: date):
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember, TimeOff, WorkingHours

    salon = Salon.objects.create(
        slug="bench", name_ar="صالون القياس", city=City.RIYADH, lead_time_minutes=0, slot_step_minutes=15
    )
    category = ServiceCategory.objects.create(slug="bench", name_ar="شعر", name_en="Hair")
    services = [
        Service.objects.create(
            salon=salon,
            category=category,
            name_ar=f"خدمة {index}",
            duration_minutes=duration,
            buffer_minutes=buffer,
            price_amount=10000,
        )
        for index, (duration, buffer) in enumerate(SERVICE_DURATIONS)
    ]
    staff = []
    for index in range(STAFF_COUNT):
        member = StaffMember.objects.create(salon=salon, display_name=f"Stylist {index}", display_order=index)
        member.services.set(services)
        staff.append(member)
    WorkingHours.objects.bulk_create(
        WorkingHours(staff=member, weekday=weekday, start_time=start, end_time=end)
        for member in staff
        for weekday in range(7)
        for start, end in [(time(10), time(14)), (time(15), time(1))]  # the evening shift ends after midnight
    )
    TimeOff.objects.bulk_create(
        TimeOff(
            staff=member,
            start=datetime.combine(first_day + timedelta(days=index % DAYS), time(11), tzinfo=RIYADH),
            end=datetime.combine(first_day + timedelta(days=index % DAYS), time(13), tzinfo=RIYADH),
        )
        for index, member in enumerate(staff)
    )
    return salon, services, staff


def booking_plan(staff, services, first_day: date, *, extra_fortnights: int) -> list[tuple]:
    """Non-overlapping (staff, service, start) triples: BOOKINGS_PER_STAFF_DAY per staff-day in the
    14 days, then the same pattern in each of `extra_fortnights` following fortnights."""
    plan = []
    for period in range(extra_fortnights + 1):
        for offset in range(DAYS):
            day = first_day + timedelta(days=period * DAYS + offset)
            for index, member in enumerate(staff):
                cursor = datetime.combine(day, time(15), tzinfo=RIYADH) + timedelta(minutes=5 * index)
                for number in range(BOOKINGS_PER_STAFF_DAY):
                    service = services[(number + index) % 2]  # the 30- and 45-minute services
                    plan.append((member, service, cursor))
                    cursor += service.duration + service.buffer + timedelta(minutes=(number % 3) * 5)
    return plan


def store_bookings(plan, salon) -> None:
    """Replace every booking with the plan's, as confirmed booking rows."""
    from apps.accounts.models import User
    from apps.bookings.models import Booking, BookingStatus
    from django.db import transaction

    with transaction.atomic():
        # One customer per stylist, so no customer has two bookings at once.
        customers = {
            member.pk: User.objects.get_or_create(phone_number=f"+96650000{index:04d}")[0]
            for index, member in enumerate({member for member, _service, _start in plan})
        }
        rows = []
        for number, (member, service, start) in enumerate(plan):
            end = start + service.duration
            rows.append(
                Booking(
                    customer=customers[member.pk],
                    salon=salon,
                    service=service,
                    staff=member,
                    start=start,
                    end=end,
                    buffer_minutes=service.buffer_minutes,
                    blocked_until=end + service.buffer,
                    status=BookingStatus.CONFIRMED,
                    price_amount=service.price_amount,
                    currency="SAR",
                    reference=f"B{number:09d}",
                )
            )
        Booking.objects.all().delete()
        Booking.objects.bulk_create(rows, batch_size=2000)


def measure(function, **kwargs) -> tuple[float, float, int]:
    """Median and p95 milliseconds over REPEATS calls, and the query count of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function(**kwargs)  # warm-up
    timings = []
    for _ in range(REPEATS):
        started = clock.perf_counter()
        function(**kwargs)
        timings.append((clock.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as captured:
        function(**kwargs)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(captured)


def bookings_read_arguments(**kwargs) -> dict:
    """The arguments the engine passes to `blocking_intervals` for this call."""
    from apps.bookings import availability, availability_schedule

    calls = []
    read = availability_schedule.blocking_intervals

    def recording(**arguments):
        calls.append(arguments)
        return read(**arguments)

    with mock.patch.object(availability_schedule, "blocking_intervals", recording):
        availability.slot_list_available(**kwargs)
    return calls[0]


def run_round(label: str, *, salon, services, staff, plan, first_day: date, now: datetime) -> dict[str, int]:
    from apps.bookings import availability
    from apps.bookings.selectors import blocking_intervals
    from django.db import connection

    store_bookings(plan, salon)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics, as a live database has them
    print(f"{label}: {len(plan):,} bookings")
    counts = {}
    cases = {
        "one staff-day": {"start_date": first_day, "days": 1, "staff_id": staff[0].pk},
        f"all staff x {DAYS} days": {"start_date": first_day, "days": DAYS},
    }
    for name, arguments in cases.items():
        arguments = {"salon": salon, "service": services[0], "now": now, **arguments}
        median, p95, queries = measure(availability.slot_list_available, **arguments)
        slots = availability.slot_list_available(**arguments)
        slot_count = sum(len(day_slots) for day_slots in slots.values())
        read_median, _read_p95, _read_queries = measure(blocking_intervals, **bookings_read_arguments(**arguments))
        print(
            f"  {name}: median {median:.1f} ms, p95 {p95:.1f} ms, {queries} queries "
            f"({slot_count} slots; the bookings read alone: median {read_median:.1f} ms)"
        )
        counts[name] = queries
    return counts


def main() -> None:
    temp_dir = Path(tempfile.mkdtemp(prefix="salon-bench-"))
    try:
        configure_django(temp_dir)
        from django.db import connection

        with throwaway_database():
            print(f"Availability benchmark on {connection.vendor}")
            now = datetime(2026, 11, 20, 9, 0, tzinfo=RIYADH)
            first_day = now.date() + timedelta(days=1)
            salon, services, staff = build_catalog(first_day)
            base = run_round(
                "Base",
                salon=salon,
                services=services,
                staff=staff,
                plan=booking_plan(staff, services, first_day, extra_fortnights=0),
                first_day=first_day,
                now=now,
            )
            larger = run_round(
                "10x bookings",
                salon=salon,
                services=services,
                staff=staff,
                plan=booking_plan(staff, services, first_day, extra_fortnights=9),
                first_day=first_day,
                now=now,
            )
            unchanged = base == larger
            print(f"Query counts with 10x bookings: {'unchanged' if unchanged else 'CHANGED'} ({base} -> {larger})")
            if not unchanged:
                sys.exit(1)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
