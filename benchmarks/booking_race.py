"""Booking race: N customers book the same stylist at the same moment, over HTTP, on PostgreSQL.

Two races run one after the other: every client asks for the same start, then every client asks
for one of four overlapping starts. Exactly one booking per race may be created; every other
client must get 409. Prints created, conflicts, errors and the median and p95 latency of booking
creation for each race, and exits 1 unless created == 1 and errors == 0 in both.

    .venv/bin/python benchmarks/booking_race.py                 # throwaway database and server
    .venv/bin/python benchmarks/booking_race.py --clients 100
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/booking_race.py --base-url http://127.0.0.1:8000
    .venv/bin/python benchmarks/booking_race.py --sequential          # booking speed, no race

Sequential mode (`--sequential`, no race): `--bookings` customers (default 200) each book one free
start, one request at a time, half of them with a chosen stylist and half with any stylist (the
engine picks one), at a salon with 4 stylists and a manager (who is told of each booking), with the
customers' real session tokens. Prints the median, p95 and p99 of POST /api/bookings/ for each half
and exits 1 unless every booking was created. Messages go to the console provider; set REDIS_URL to
give the server the shared cache production has (docker-compose) instead of the database cache.

Without --base-url the script creates the database `salon_bench` from BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/salon_bench), migrates it, starts gunicorn (4 workers) on a free
local port, runs the races, stops the server and drops the database. With --base-url the server
must be running already and DATABASE_URL must name its database: the script adds its fixture data
(a salon, a service, a stylist and the customers, with access tokens) there through Django.
Only 127.0.0.1 / localhost is ever contacted.
"""

import argparse
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time as clock
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import requests

REPO_DIR = Path(__file__).resolve().parent.parent
BACKEND_DIR = REPO_DIR / "backend"
DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/salon_bench"
RIYADH = ZoneInfo("Asia/Riyadh")
REQUEST_TIMEOUT_SECONDS = 30
SERVER_START_TIMEOUT_SECONDS = 30
RACE_TIMEOUT_SECONDS = 120
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SEQUENTIAL_STYLISTS = 4


@dataclass
class RaceResult:
    name: str
    created: int = 0
    conflicts: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)
    race: bool = True  # a race creates exactly one booking; a sequential run creates one per request

    @property
    def ok(self) -> bool:
        return (self.created == 1 or not self.race) and self.errors == 0

    def report(self) -> str:
        ordered = sorted(self.latencies)

        def percentile(share: float) -> float:
            return ordered[max(0, round(share * len(ordered)) - 1)] * 1000 if ordered else 0.0

        median = statistics.median(ordered) * 1000 if ordered else 0.0
        line = (
            f"{self.name:<22} created={self.created} conflicts={self.conflicts} errors={self.errors} "
            f"median={median:.1f}ms p95={percentile(0.95):.1f}ms"
        )
        if not self.race:
            line += f" p99={percentile(0.99):.1f}ms"
        line += f"  {'OK' if self.ok else 'FAIL'}"
        if self.error_samples:
            line += "\n    first errors: " + "; ".join(self.error_samples[:3])
        return line


# --- Database and fixture data (Django in-process) ------------------------------------------------


def _admin_connection_url(database_url: str) -> tuple[str, str]:
    parsed = urlparse(database_url)
    return parsed._replace(path="/postgres").geturl(), parsed.path.lstrip("/")


def create_database(database_url: str) -> None:
    import psycopg

    admin_url, name = _admin_connection_url(database_url)
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(database_url: str) -> None:
    import psycopg

    admin_url, name = _admin_connection_url(database_url)
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def setup_django(database_url: str, secret_key: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_SECRET_KEY"] = secret_key
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    # Production-shaped settings; the race makes no payment and sends messages to the console only.
    for name, value in {
        "OTP_PROVIDER": "console",
        "NOTIFICATION_PROVIDER": "console",
        "PAYMENT_PROVIDER": "moyasar",
        "MOYASAR_SECRET_KEY": "sk_test_benchmark_unused",
        "MOYASAR_PUBLISHABLE_KEY": "pk_test_benchmark_unused",
        "MOYASAR_WEBHOOK_SECRET": "benchmark-unused",
    }.items():
        os.environ.setdefault(name, value)
    sys.path.insert(0, str(BACKEND_DIR))
    import django

    django.setup()


def build_sequential_fixture(bookings: int, stylists: int) -> tuple[int, list[int], date, list[str]]:
    """A salon with a manager and `stylists` stylists working 08:00–22:00 daily, and `bookings`
    verified customers with a signed-in session each. Returns the service id, the stylist ids, the
    first day and one access token per customer."""
    from apps.accounts.models import User
    from apps.accounts.sessions import session_start
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    run = secrets.token_hex(3)
    batch = int(run, 16) % 1000
    salon = Salon.objects.create(slug=f"seq-{run}", name_ar="صالون القياس", name_en="Speed salon", city=City.RIYADH)
    manager = User.objects.create_user(f"+96656{batch:03d}9999", first_name="Manager", is_phone_verified=True)
    salon.managers.add(manager)
    category = ServiceCategory.objects.create(slug=f"seq-{run}", name_ar="شعر", name_en="Hair")
    service = Service.objects.create(
        salon=salon, category=category, name_ar="قص", name_en="Cut", duration_minutes=60, price_amount=11500
    )
    staff_ids = []
    for index in range(stylists):
        stylist = StaffMember.objects.create(salon=salon, display_name=f"Stylist {index}", display_order=index)
        stylist.services.add(service)
        WorkingHours.objects.bulk_create(
            WorkingHours(staff=stylist, weekday=weekday, start_time=time(8), end_time=time(22)) for weekday in range(7)
        )
        staff_ids.append(stylist.pk)
    tokens = []
    for index in range(bookings):
        user = User.objects.create_user(f"+96656{batch:03d}{index:04d}", first_name=f"Customer {index}")
        User.objects.filter(pk=user.pk).update(is_phone_verified=True)
        tokens.append(str(session_start(user).access_token))
    first_day = datetime.now(RIYADH).date() + timedelta(days=2)
    return service.pk, staff_ids, first_day, tokens


def build_fixture(clients: int) -> tuple[int, int, date, list[str]]:
    """A salon with one stylist working 08:00–22:00 daily and `clients` verified customers.
    Returns the service id, the stylist id, the race day and one access token per customer."""
    from apps.accounts.models import User
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from django.core.management import call_command
    from rest_framework_simplejwt.tokens import RefreshToken

    call_command("migrate", verbosity=0, interactive=False)
    run = secrets.token_hex(3)
    salon = Salon.objects.create(slug=f"bench-{run}", name_ar="صالون السباق", name_en="Race salon", city=City.RIYADH)
    category = ServiceCategory.objects.create(slug=f"bench-{run}", name_ar="شعر", name_en="Hair")
    service = Service.objects.create(
        salon=salon, category=category, name_ar="قص", name_en="Cut", duration_minutes=60, price_amount=11500
    )
    stylist = StaffMember.objects.create(salon=salon, display_name="Bench stylist")
    stylist.services.add(service)
    WorkingHours.objects.bulk_create(
        WorkingHours(staff=stylist, weekday=weekday, start_time=time(8), end_time=time(22)) for weekday in range(7)
    )
    batch = int(run, 16) % 1000
    tokens = []
    for index in range(clients):
        phone_number = f"+96655{batch:03d}{index:04d}"
        user = User.objects.filter(phone_number=phone_number).first() or User.objects.create_user(
            phone_number, first_name=f"Racer {index}", is_phone_verified=True
        )
        tokens.append(str(RefreshToken.for_user(user).access_token))
    race_day = datetime.now(RIYADH).date() + timedelta(days=2)
    return service.pk, stylist.pk, race_day, tokens


# --- Server --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, database_url: str, secret_key: str, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",  # messages go to the server log
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "config.wsgi", "--workers", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "60"]
    return subprocess.Popen(command, cwd=BACKEND_DIR, env=env, stdout=log, stderr=log)  # noqa: S603


def wait_until_healthy(base_url: str, server: subprocess.Popen | None) -> None:
    deadline = clock.monotonic() + SERVER_START_TIMEOUT_SECONDS
    while clock.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with code {server.returncode}")
        try:
            if requests.get(f"{base_url}/api/health/", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        clock.sleep(0.3)
    raise RuntimeError(f"{base_url} did not become healthy within {SERVER_START_TIMEOUT_SECONDS}s")


def stop_server(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=5)


# --- The race ------------------------------------------------------------------------------------


def race(name: str, base_url: str, payloads: list[dict], tokens: list[str]) -> RaceResult:
    result = RaceResult(name)
    lock = threading.Lock()
    barrier = threading.Barrier(len(payloads))

    def client(payload: dict, token: str) -> None:
        with requests.Session() as session:
            session.headers["Authorization"] = f"Bearer {token}"
            try:
                barrier.wait(timeout=30)
            except threading.BrokenBarrierError:
                pass
            began = clock.perf_counter()
            try:
                response = session.post(f"{base_url}/api/bookings/", json=payload, timeout=REQUEST_TIMEOUT_SECONDS)
                outcome = response.status_code
                detail = f"{response.status_code} {response.text[:120]}"
            except requests.RequestException as exc:
                outcome, detail = None, repr(exc)[:120]
            elapsed = clock.perf_counter() - began
        with lock:
            result.latencies.append(elapsed)
            if outcome == 201:
                result.created += 1
            elif outcome == 409:
                result.conflicts += 1
            else:
                result.errors += 1
                result.error_samples.append(detail)

    threads = [
        threading.Thread(target=client, args=(payload, token), daemon=True)
        for payload, token in zip(payloads, tokens, strict=True)
    ]
    for thread in threads:
        thread.start()
    deadline = clock.monotonic() + RACE_TIMEOUT_SECONDS
    for thread in threads:
        thread.join(timeout=max(0.1, deadline - clock.monotonic()))
    unfinished = sum(thread.is_alive() for thread in threads)
    result.errors += unfinished
    if unfinished:
        result.error_samples.append(f"{unfinished} client(s) still running after {RACE_TIMEOUT_SECONDS}s")
    return result


def run_races(base_url: str, service_id: int, staff_id: int, race_day: date, tokens: list[str]) -> list[RaceResult]:
    def payload(hhmm: str) -> dict:
        start = datetime.combine(race_day, time.fromisoformat(hhmm), tzinfo=RIYADH)
        return {"service": service_id, "staff": staff_id, "start": start.isoformat()}

    same = [payload("10:00") for _ in tokens]
    overlapping_starts = ["14:00", "14:15", "14:30", "14:45"]  # 60-minute service: every pair overlaps
    overlapping = [payload(overlapping_starts[index % 4]) for index in range(len(tokens))]
    return [
        race("same slot", base_url, same, tokens),
        race("overlapping slots", base_url, overlapping, tokens),
    ]


def run_sequential(
    base_url: str, service_id: int, staff_ids: list[int], first_day: date, tokens: list[str]
) -> list[RaceResult]:
    """One booking at a time, each by its own customer: the first half name a stylist (each stylist's
    hours fill up in turn), the second half leave the stylist to the engine, on later days."""
    hours = list(range(8, 22))  # one-hour service, 08:00–22:00: 14 starts per stylist-day
    half = len(tokens) // 2
    per_day = len(hours) * len(staff_ids)
    chosen_days = -(-half // per_day)

    def payload(index: int, *, chosen: bool) -> dict:
        slot = index if chosen else index - half
        day = first_day + timedelta(days=slot // per_day + (0 if chosen else chosen_days))
        hour = hours[(slot % per_day) // len(staff_ids)]
        body = {"service": service_id, "start": datetime.combine(day, time(hour), tzinfo=RIYADH).isoformat()}
        if chosen:
            body["staff"] = staff_ids[slot % len(staff_ids)]
        return body

    results = [RaceResult("sequential, stylist", race=False), RaceResult("sequential, any", race=False)]
    with requests.Session() as session:
        for index, token in enumerate(tokens):
            chosen = index < half
            result = results[0 if chosen else 1]
            began = clock.perf_counter()
            try:
                response = session.post(
                    f"{base_url}/api/bookings/",
                    json=payload(index, chosen=chosen),
                    headers={"Authorization": f"Bearer {token}"},
                    timeout=REQUEST_TIMEOUT_SECONDS,
                )
                outcome, detail = response.status_code, f"{response.status_code} {response.text[:120]}"
            except requests.RequestException as exc:
                outcome, detail = None, repr(exc)[:120]
            result.latencies.append(clock.perf_counter() - began)
            if outcome == 201:
                result.created += 1
            else:
                result.errors += 1
                result.error_samples.append(detail)
    return results


def load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", help="a running server (its DATABASE_URL must be set here too)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients per race (default 50)")
    parser.add_argument("--sequential", action="store_true", help="time bookings one at a time instead of racing")
    parser.add_argument("--bookings", type=int, default=200, help="bookings in sequential mode (default 200)")
    args = parser.parse_args()
    if not 2 <= args.clients <= 500:
        parser.error("--clients must be between 2 and 500")
    if not 2 <= args.bookings <= 2000:
        parser.error("--bookings must be between 2 and 2000")
    if args.base_url and urlparse(args.base_url).hostname not in LOCAL_HOSTS:
        parser.error("--base-url must point at 127.0.0.1 or localhost")

    own_server = args.base_url is None
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_BENCH_DATABASE_URL)
    if not own_server:
        database_url = os.environ.get("DATABASE_URL", "")
        if not database_url.startswith("postgres"):
            parser.error("with --base-url, set DATABASE_URL to the server's PostgreSQL database")
    secret_key = os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40)
    if not own_server and not os.environ.get("DJANGO_SECRET_KEY"):
        parser.error("with --base-url, set DJANGO_SECRET_KEY to the server's key (tokens are signed with it)")

    server = None
    server_log = tempfile.NamedTemporaryFile(prefix="booking_race_", suffix=".log", delete=False)
    if own_server:
        create_database(database_url)
    try:
        setup_django(database_url, secret_key)
        if args.sequential:
            service_id, staff_ids, first_day, tokens = build_sequential_fixture(args.bookings, SEQUENTIAL_STYLISTS)
        else:
            service_id, staff_id, race_day, tokens = build_fixture(args.clients)
        base_url = args.base_url.rstrip("/") if args.base_url else f"http://127.0.0.1:{free_port()}"
        if own_server:
            server = start_server(urlparse(base_url).port, database_url, secret_key, server_log)
        wait_until_healthy(base_url, server)
        if args.sequential:
            cache = "Redis" if os.environ.get("REDIS_URL") else "database cache"
            print(f"{args.bookings} bookings one at a time against {base_url} ({cache}); load average {load_average()}")
            results = run_sequential(base_url, service_id, staff_ids, first_day, tokens)
            print(f"load average after: {load_average()}")
        else:
            print(f"{args.clients} clients against {base_url}, booking {race_day.isoformat()}")
            results = run_races(base_url, service_id, staff_id, race_day, tokens)
    finally:
        if server is not None:
            stop_server(server)
        server_log.close()
        if own_server:
            from django.db import connections

            connections.close_all()
            drop_database(database_url)
    for result in results:
        print(result.report())
    if own_server:
        print(f"server log: {server_log.name}")
    return 0 if all(result.ok for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
