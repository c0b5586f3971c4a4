"""Benchmark of the availability engine.

Run from the repository root:  .venv/bin/python benchmarks/availability.py
(set BENCH_DATABASE_URL=postgres://... to run on PostgreSQL; a throwaway database is created there).

Builds a salon with 10 staff, 5 services and about 2,000 existing bookings over 14 days in a
throwaway database, then times one staff-day and all staff x 14 days, and counts their SQL queries:
the engine alone (`slot_list_available`) and the endpoint's selector (`salon_availability_get`, which
also resolves the salon, the service and the stylist). It repeats with 10x the bookings (the extra ones
in the following weeks, as a stylist cannot be double-booked) to show that the query count does not
change. Bookings are real, confirmed rows.

Between the two rounds, the HTTP throughput mode serves the same database with gunicorn (the production
`gunicorn.conf.py`, 2 workers) and drives, one after the other, a bare DRF view returning a constant
(`bench_http/urls.py`, mounted only in this benchmark's URLconf), the availability endpoint for one
stylist-day and for the whole salon over 14 days, each with 50 keep-alive connections for a few seconds
(a pure-Python asyncio client, nothing to install). It prints requests/s, p50/p99 and each endpoint's
ratio to the bare view. `--http-seconds 0` skips it; `--connections` and `--http-seconds` tune it.
"""

import argparse
import asyncio
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time as clock
import urllib.request
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
    from apps.bookings.availability_changes import summary_rebuild
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
        # As after any bulk import: the summary (and the days' versions, the answers' ETags) rebuilt,
        # as every booking made through the service keeps them.
        summary_rebuild(salon_ids=[salon.pk])


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
            f"  {name}: median {median:.2f} ms, p95 {p95:.2f} ms, {queries} queries "
            f"({slot_count} slots; the bookings read alone: median {read_median:.2f} ms)"
        )
        counts[name] = queries
        # The endpoint's selector: the same, with the salon, the service and the stylist resolved by id.
        selector_arguments = {
            "salon_id": salon.pk,
            "service_id": services[0].pk,
            "start_date": arguments["start_date"],
            "days": arguments["days"],
            "staff_id": arguments.get("staff_id"),
            "now": now,
        }
        median, p95, queries = measure(availability.salon_availability_get, **selector_arguments)
        print(
            f"    with the salon, service and stylist resolved: median {median:.2f} ms, p95 {p95:.2f} ms, {queries} queries"
        )
        counts[f"{name} (selector)"] = queries
    return counts


# --- HTTP throughput ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_database_url() -> str:
    """The URL of the throwaway database the benchmark filled, for the server's processes."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    bench_url = os.environ["BENCH_DATABASE_URL"]
    return bench_url.rsplit("/", 1)[0] + f"/{name}"


def start_server(port: int, database_url: str, log) -> subprocess.Popen:
    """gunicorn with the production configuration (gthread workers, keep-alive), 2 workers, on the
    benchmark's settings (`bench_http/settings.py`: production settings, throttling off, the bare view)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench_http.settings",
        "PYTHONPATH": os.pathsep.join([str(REPO_DIR / "benchmarks"), str(REPO_DIR / "backend")]),
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        # A fresh key space in a shared cache: a throwaway database reuses ids and versions.
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_WORKERS": "2",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        # Production-shaped settings refuse the test providers; nothing is sent or paid here.
        "OTP_PROVIDER": "console",
        "NOTIFICATION_PROVIDER": "console",
        "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",
        "PAYMENT_PROVIDER": "moyasar",
        "MOYASAR_SECRET_KEY": "sk_test_benchmark_unused",
        "MOYASAR_PUBLISHABLE_KEY": "pk_test_benchmark_unused",
        "MOYASAR_WEBHOOK_SECRET": "benchmark-unused",
    }
    env.pop("TEST_DATABASE_URL", None)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-c", str(REPO_DIR / "gunicorn.conf.py")]
    return subprocess.Popen(command, cwd=REPO_DIR / "backend", env=env, stdout=log, stderr=log)  # noqa: S603


def wait_until_healthy(base_url: str, server: subprocess.Popen) -> None:
    deadline = clock.monotonic() + 30
    while clock.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{base_url}/api/health/", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        clock.sleep(0.3)
    raise RuntimeError(f"{base_url} did not become healthy within 30 s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


async def _drive(port: int, path: str, *, connections: int, warm_up: float, seconds: float) -> dict:
    """`connections` keep-alive connections each sending GET `path` back to back for `warm_up` then
    `seconds` seconds; the latencies and statuses of the requests that began after the warm-up."""
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode()
    loop = asyncio.get_running_loop()
    began = loop.time()
    measure_from, stop_at = began + warm_up, began + warm_up + seconds
    latencies: list[float] = []
    failures: list[str] = []

    async def client() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while (sent := loop.time()) < stop_at:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head[9:12])
                headers = head.lower()
                length = int(headers.split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
                await reader.readexactly(length)
                if sent >= measure_from:
                    latencies.append(loop.time() - sent)
                    if status != 200:
                        failures.append(str(status))
                if b"connection: close" in headers:
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
        finally:
            writer.close()

    await asyncio.gather(*(client() for _ in range(connections)))
    return {"latencies": sorted(latencies), "failures": failures, "seconds": seconds}


def throughput(port: int, path: str, *, connections: int, seconds: float) -> dict:
    result = asyncio.run(_drive(port, path, connections=connections, warm_up=1.0, seconds=seconds))
    latencies = result["latencies"]
    result["rps"] = len(latencies) / seconds
    result["p50"] = statistics.median(latencies) * 1000
    result["p99"] = latencies[max(0, round(0.99 * len(latencies)) - 1)] * 1000
    return result


def run_http(*, salon, service, staff, first_day: date, connections: int, seconds: float) -> bool:
    """Serve the database with gunicorn and drive the bare view and the two availability requests."""
    import json

    print(f"HTTP throughput: gunicorn (gunicorn.conf.py, 2 workers), {connections} connections, {seconds:g} s each")
    cache = f"on (REDIS_URL={os.environ['REDIS_URL']})" if os.environ.get("REDIS_URL") else "off (no REDIS_URL)"
    print(f"  shared availability cache: {cache}")
    log = tempfile.NamedTemporaryFile(prefix="availability_http_", suffix=".log", delete=False)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    endpoint = f"/api/salons/{salon.pk}/availability/?service={service.pk}&date={first_day.isoformat()}"
    paths = {
        "bare DRF view": "/api/bench/bare/",
        "one stylist-day": f"{endpoint}&staff={staff[0].pk}",
        f"whole salon x {DAYS} days": f"{endpoint}&days={DAYS}",
    }
    server = start_server(port, server_database_url(), log)
    ok = True
    try:
        wait_until_healthy(base_url, server)
        for name, path in paths.items():  # each answers, and with slots
            with urllib.request.urlopen(base_url + path, timeout=10) as response:  # noqa: S310
                body = json.loads(response.read())
            if name != "bare DRF view":
                slot_count = sum(len(day["slots"]) for day in body["days"])
                print(f"  {name}: {len(body['days'])} day(s), {slot_count} slots")
                ok = ok and slot_count > 0
        results = {
            name: throughput(port, path, connections=connections, seconds=seconds) for name, path in paths.items()
        }
    finally:
        stop_server(server)
        log.close()
    bare = results["bare DRF view"]
    targets = {"one stylist-day": 0.3, f"whole salon x {DAYS} days": 0.1}
    for name, result in results.items():
        line = f"  {name:<24} {result['rps']:7.0f} requests/s  p50 {result['p50']:6.1f} ms  p99 {result['p99']:6.1f} ms"
        if result["failures"]:
            line += f"  {len(result['failures'])} non-200 ({', '.join(sorted(set(result['failures'])))})"
            ok = False
        if name in targets:
            ratio = result["rps"] / bare["rps"]
            p99_ratio = result["p99"] / bare["p99"]
            line += (
                f"  | {ratio:.2f} of the bare view's throughput (target >= {targets[name]}), "
                f"p99 {p99_ratio:.1f}x the bare view's"
            )
        print(line)
    print(f"  server log: {log.name}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--http-seconds", type=float, default=4, help="measured seconds per URL (0: no HTTP mode)")
    parser.add_argument("--connections", type=int, default=50, help="concurrent keep-alive connections (default 50)")
    args = parser.parse_args()
    temp_dir = Path(tempfile.mkdtemp(prefix="salon-bench-"))
    http_ok = True
    try:
        configure_django(temp_dir)
        from django.db import connection

        with throwaway_database():
            print(f"Availability benchmark on {connection.vendor}")
            # Tomorrow and the following days, as the server (on the real clock) sees them over HTTP.
            now = datetime.now(RIYADH).replace(second=0, microsecond=0)
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
            if args.http_seconds > 0:
                connection.close()  # the server's processes open their own
                http_ok = run_http(
                    salon=salon,
                    service=services[0],
                    staff=staff,
                    first_day=first_day,
                    connections=args.connections,
                    seconds=args.http_seconds,
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
            if not (unchanged and http_ok):
                sys.exit(1)
    finally:
        shutil.rmtree(temp_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
