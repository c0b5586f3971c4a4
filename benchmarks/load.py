"""Load and soak: an open-model load generator against gunicorn with the production settings, on PostgreSQL.

Requests are started on a fixed schedule (`--read-rate` catalog and availability reads and `--write-rate`
booking-with-payment flows per second), whatever the server's speed: a late answer never delays the
next request. Latency is measured from the scheduled start, so time spent waiting for a free client
thread counts too (no coordinated omission). A request over `--timeout` seconds counts as a timeout.

Reads: the salon list (plain, by city, by category, a search), a salon, its services, a day's availability.
A write flow: book a planned free slot at a prepaid salon (POST /api/bookings/), pay with a card token
(POST /api/payments/, Moyasar answers `initiated` + 3-D Secure), the customer passes 3-D Secure at the
local fake Moyasar (benchmarks/fake_moyasar.py), the return page's POST /api/payments/<id>/refresh/,
and Moyasar's `payment_paid` webhook. Each of those four app requests is a "write" sample; 409s are counted
apart from errors.

    .venv/bin/python benchmarks/load.py                 # 10 minutes at 20 reads/s + 2 writes/s
    .venv/bin/python benchmarks/load.py --duration 90   # a short check
    .venv/bin/python benchmarks/load.py --soak          # 30 minutes; RSS growth is then a target

It creates the database `salon_load` from BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/salon_load), migrates and seeds it (`seed_demo` plus `--salons`
prepaid salons and `--customers` customers), starts `gunicorn -c gunicorn.conf.py` on a free local
port with DJANGO_DEBUG=0, runs a warm-up then the measured run, stops the server and drops the
database. Exits 1 when a target is missed (see TARGETS and docs/benchmarks.md).
"""

import argparse
import itertools
import os
import random
import secrets
import sys
import tempfile
import threading
import time as clock
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

import load_setup  # noqa: E402 - the sibling module is found through the path above
from fake_moyasar import FakeMoyasar  # noqa: E402
from load_report import Recorder, check_targets, print_report, print_server_side  # noqa: E402

DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/salon_load"
RIYADH = ZoneInfo("Asia/Riyadh")
SAMPLE_EVERY_SECONDS = 30
KEEPALIVE_SECONDS = 4.0  # below gunicorn's keepalive

# The generator plays the load balancer in front of the server: each request carries its visitor's
# address in X-Forwarded-For (the server trusts one proxy hop from loopback, TRUSTED_PROXY_COUNT=1),
# so per-address throttles see many visitors as in production instead of one address at 28 requests/s.
VISITORS = 1000


def visitor_address(number: int) -> str:
    """A distinct address per visitor, in the range reserved for benchmarks (198.18.0.0/15)."""
    return f"198.18.{number // 250}.{number % 250 + 1}"


MOYASAR_ADDRESS = "198.19.0.1"


class Client:
    """One keep-alive session per client thread; every call is recorded against its scheduled start."""

    def __init__(self, base_url: str, recorder: Recorder, timeout: float):
        self.base_url = base_url
        self.recorder = recorder
        self.timeout = timeout
        self.local = threading.local()

    def session(self) -> requests.Session:
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
            self.local.session.headers["Accept-Language"] = "ar"
            self.local.used = 0.0
        # gunicorn closes a keep-alive connection after 5 idle seconds (gunicorn.conf.py): reusing it
        # then races the close and fails with "connection reset", a client artefact, so it is dropped.
        if clock.monotonic() - self.local.used > KEEPALIVE_SECONDS:
            self.local.session.close()
        self.local.used = clock.monotonic()
        return self.local.session

    def call(self, kind: str, name: str, scheduled: float, method: str, path: str, **kwargs):
        try:
            response = self.session().request(method, f"{self.base_url}{path}", timeout=self.timeout, **kwargs)
        except requests.Timeout:
            self.recorder.record(kind, name, clock.monotonic() - scheduled, "timeout", f"{method} {path}")
            return None
        except requests.RequestException as exc:
            self.recorder.record(kind, name, clock.monotonic() - scheduled, "connection", repr(exc)[:160])
            return None
        elapsed = clock.monotonic() - scheduled
        status = response.status_code
        outcome = "ok" if status < 400 else "conflict" if status == 409 else "5xx" if status >= 500 else "4xx"
        if elapsed > self.timeout:
            outcome = "timeout"
        self.recorder.record(kind, name, elapsed, outcome, f"{method} {path} {status} {response.text[:160]}")
        return response if outcome in ("ok", "conflict") else None


class Workload:
    def __init__(self, client: Client, fixture: load_setup.Fixture, gateway: FakeMoyasar, webhook_secret: str):
        self.client = client
        self.fixture = fixture
        self.gateway = gateway
        self.webhook_secret = webhook_secret
        self.rng = random.Random(7)
        self.rng_lock = threading.Lock()
        self.slots = iter(fixture.slots)
        self.slots_lock = threading.Lock()
        self.today = datetime.now(RIYADH).date()

    def _pick(self):
        with self.rng_lock:
            salon_id, services = self.rng.choice(self.fixture.catalog)
            return (
                salon_id,
                self.rng.choice(services),
                self.rng.random(),
                self.rng.randrange(1, 15),
                self.rng.randrange(VISITORS),
            )

    def read(self, scheduled: float) -> None:
        salon_id, service_id, draw, day_offset, visitor = self._pick()
        index = int(draw * 1000)
        if draw < 0.10:
            name, path, params = "salon_list", "/api/salons/", {}
        elif draw < 0.15:
            city = load_setup.CITIES[index % len(load_setup.CITIES)]
            name, path, params = "salon_list_city", "/api/salons/", {"city": city}
        elif draw < 0.20:
            category = self.fixture.categories[index % len(self.fixture.categories)]
            name, path, params = "salon_list_category", "/api/salons/", {"category": category}
        elif draw < 0.30:
            word = self.fixture.words[index % len(self.fixture.words)]
            name, path, params = "salon_search", "/api/salons/", {"q": word}
        elif draw < 0.50:
            name, path, params = "salon_detail", f"/api/salons/{salon_id}/", {}
        elif draw < 0.65:
            name, path, params = "salon_services", f"/api/salons/{salon_id}/services/", {}
        else:
            day = (self.today + timedelta(days=day_offset)).isoformat()
            name, path, params = "availability", f"/api/salons/{salon_id}/availability/", {}
            params = {"service": service_id, "date": day}
        headers = {"X-Forwarded-For": visitor_address(visitor)}
        self.client.call("read", name, scheduled, "GET", path, params=params, headers=headers)

    def write(self, scheduled: float) -> None:
        with self.slots_lock:
            slot = next(self.slots, None)
        if slot is None:
            self.client.recorder.record("write", "booking_create", 0.0, "4xx", "the planned slots ran out")
            return
        headers = {
            "Authorization": f"Bearer {self.fixture.tokens[slot['customer']]}",
            "X-Forwarded-For": visitor_address(slot["customer"] % VISITORS),
        }
        call = self.client.call
        booked = call(
            "write", "booking_create", scheduled, "POST", "/api/bookings/", json=slot["payload"], headers=headers
        )
        if booked is None or booked.status_code != 201:
            return
        body = {"booking": booked.json()["id"], "source": {"type": "token", "token": f"token_{uuid.uuid4().hex}"}}
        key = {"Idempotency-Key": str(uuid.uuid4())}
        paying = call(
            "write", "payment_create", clock.monotonic(), "POST", "/api/payments/", json=body, headers=headers | key
        )
        if paying is None or paying.status_code != 201:
            return
        payment_id = paying.json()["id"]
        paid = self.gateway.pay(payment_id)  # the customer passes 3-D Secure at the gateway
        call(
            "write",
            "payment_refresh",
            clock.monotonic(),
            "POST",
            f"/api/payments/{payment_id}/refresh/",
            headers=headers,
        )
        event = self.gateway.webhook_body(paid, self.webhook_secret)
        moyasar = {"X-Forwarded-For": MOYASAR_ADDRESS}
        call(
            "write", "payment_webhook", clock.monotonic(), "POST", "/api/payments/webhook/", json=event, headers=moyasar
        )


def schedule(read_rate: float, write_rate: float, seconds: float):
    """Arrival offsets (seconds from the start) of both streams, merged in order, at fixed intervals."""
    reads = ((i / read_rate, "read") for i in range(int(read_rate * seconds))) if read_rate else iter(())
    writes = (
        (
            (i / write_rate + 0.5 / read_rate if read_rate else i / write_rate, "write")
            for i in range(int(write_rate * seconds))
        )
        if write_rate
        else iter(())
    )
    return sorted(itertools.chain(reads, writes))


def run_phase(workload: Workload, pool: ThreadPoolExecutor, args, seconds: float, on_tick=None) -> float:
    """Release the phase's requests on schedule; return the wall time it took to finish them all."""
    began = clock.monotonic()
    futures = []
    next_tick = began + SAMPLE_EVERY_SECONDS
    for offset, kind in schedule(args.read_rate, args.write_rate, seconds):
        due = began + offset
        while (now := clock.monotonic()) < due:
            if on_tick and now >= next_tick:
                on_tick()
                next_tick += SAMPLE_EVERY_SECONDS
            clock.sleep(min(due - now, 0.05))
        futures.append(pool.submit(workload.read if kind == "read" else workload.write, due))
    for future in futures:
        future.result()
    return clock.monotonic() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", type=float, default=600, help="measured seconds (default 600)")
    parser.add_argument("--soak", action="store_true", help="a 30-minute run; RSS growth becomes a target")
    parser.add_argument("--warmup", type=float, default=30, help="unmeasured seconds at full rate first (default 30)")
    parser.add_argument("--read-rate", type=float, default=20.0, help="reads per second (default 20)")
    parser.add_argument(
        "--write-rate", type=float, default=2.0, help="booking-with-payment flows per second (default 2)"
    )
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds before a request is a timeout (default 10)"
    )
    parser.add_argument("--salons", type=int, default=30, help="prepaid bench salons added to seed_demo (default 30)")
    parser.add_argument(
        "--customers",
        type=int,
        default=None,
        help=(
            "bench customers (default: one per two planned flows, at least 300, so that no customer reaches "
            "the booking caps, BOOKING_MAX_UPCOMING_PER_SALON and _TOTAL)"
        ),
    )
    parser.add_argument("--client-threads", type=int, default=256, help="client threads (default 256)")
    parser.add_argument("--keep-database", action="store_true", help="do not drop the database at the end")
    args = parser.parse_args()
    if args.soak:
        args.duration = 1800
    if args.read_rate < 0 or args.write_rate < 0 or args.read_rate + args.write_rate == 0:
        parser.error("the rates must be positive")

    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_BENCH_DATABASE_URL)
    secret_key, webhook_secret = secrets.token_urlsafe(40), secrets.token_urlsafe(24)
    load_before = os.getloadavg()
    gateway = FakeMoyasar("sk_test_load_benchmark").start()
    load_setup.create_database(database_url)
    server = None
    server_log = tempfile.NamedTemporaryFile(prefix="load_server_", suffix=".log", delete=False)
    try:
        load_setup.production_environment(
            database_url=database_url,
            secret_key=secret_key,
            moyasar_url=gateway.base_url,
            webhook_secret=webhook_secret,
        )
        flows = int(args.write_rate * (args.duration + args.warmup)) + 10
        customers = args.customers or max(300, flows // 2)
        days = max(3, -(-flows // (args.salons * 3 * (load_setup.WORK_HOURS[1] - load_setup.WORK_HOURS[0]))) + 1)
        prepared = clock.monotonic()
        fixture = load_setup.build_fixture(
            salons=args.salons,
            customers=customers,
            days=days,
            token_minutes=int((args.duration + args.warmup) / 60) + 30,
            seed=7,
        )
        from django.db import connections

        connections.close_all()
        print(
            f"seeded in {clock.monotonic() - prepared:.0f}s: {len(fixture.catalog)} salons, "
            f"{len(fixture.slots)} planned slots over {days} days, {len(fixture.tokens)} customers"
        )
        port = load_setup.free_port()
        base_url = f"http://127.0.0.1:{port}"
        server = load_setup.start_production_server(port, server_log)
        load_setup.wait_until_healthy(base_url, server)

        recorder = Recorder()
        workload = Workload(Client(base_url, recorder, args.timeout), fixture, gateway, webhook_secret)
        with ThreadPoolExecutor(max_workers=args.client_threads) as pool:
            if args.warmup > 0:
                print(f"warm-up: {args.warmup:.0f}s")
                run_phase(workload, pool, args, args.warmup)
            recorder.reset()
            began = clock.monotonic()
            since = datetime.now(UTC).isoformat(timespec="milliseconds")
            samples = [load_setup.probe(server.pid, database_url, 0.0)]

            def sample():
                samples.append(load_setup.probe(server.pid, database_url, clock.monotonic() - began))

            print(f"measured run: {args.duration:.0f}s at {args.read_rate:g} reads/s + {args.write_rate:g} writes/s")
            wall = run_phase(workload, pool, args, args.duration, on_tick=sample)
        samples.append(load_setup.probe(server.pid, database_url, wall))
        load = os.getloadavg()
    finally:
        if server is not None:
            load_setup.stop_server(server)
        server_log.close()
        gateway.stop()
        if not args.keep_database:
            from django.db import connections

            connections.close_all()
            load_setup.drop_database(database_url)

    threads = int(os.environ.get("GUNICORN_THREADS") or 4)
    report = print_report(
        recorder,
        args=args,
        wall=wall,
        samples=samples,
        threads=threads,
        load_before=load_before,
        load=load,
    )
    print_server_side(server_log.name, since=since)
    print(f"server log: {server_log.name}")
    failures = check_targets(report, soak=args.soak)
    for failure in failures:
        print(f"TARGET MISSED: {failure}")
    print("all targets met" if not failures else f"{len(failures)} target(s) missed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
