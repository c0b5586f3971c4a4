"""Booking race: N customers book the same stylist at the same moment, over HTTP, on PostgreSQL.

Two races run one after the other: every client asks for the same start, then every client asks
for one of four overlapping starts. Exactly one booking per race may be created; every other
client must get 409. Prints created, conflicts, errors and the median and p95 latency of booking
creation for each race, and exits 1 unless created == 1 and errors == 0 in both.

    .venv/bin/python benchmarks/booking_race.py                 # throwaway database and server
    .venv/bin/python benchmarks/booking_race.py --clients 100
    DATABASE_URL=postgres://... .venv/bin/python benchmarks/booking_race.py --base-url http://127.0.0.1:8000

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


@dataclass
class RaceResult:
    name: str
    created: int = 0
    conflicts: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    error_samples: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.created == 1 and self.errors == 0

    def report(self) -> str:
        ordered = sorted(self.latencies)
        median = statistics.median(ordered) * 1000 if ordered else 0.0
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] * 1000 if ordered else 0.0
        line = (
            f"{self.name:<22} created={self.created} conflicts={self.conflicts} errors={self.errors} "
            f"median={median:.1f}ms p95={p95:.1f}ms  {'OK' if self.ok else 'FAIL'}"
        )
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", help="a running server (its DATABASE_URL must be set here too)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients per race (default 50)")
    args = parser.parse_args()
    if not 2 <= args.clients <= 500:
        parser.error("--clients must be between 2 and 500")
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
        service_id, staff_id, race_day, tokens = build_fixture(args.clients)
        base_url = args.base_url.rstrip("/") if args.base_url else f"http://127.0.0.1:{free_port()}"
        if own_server:
            server = start_server(urlparse(base_url).port, database_url, secret_key, server_log)
        wait_until_healthy(base_url, server)
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
