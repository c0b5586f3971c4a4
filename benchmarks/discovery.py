"""Discovery at national scale: the salon list's search, "near me" and availability filter, and the
typeahead, at 200, 2,000 and 20,000 salons, on SQLite and PostgreSQL, over HTTP.

    .venv/bin/python benchmarks/discovery.py                       # both databases, all sizes
    .venv/bin/python benchmarks/discovery.py --database postgresql --sizes 200,2000
    make benchmark-discovery

For each database a throwaway database is created (PostgreSQL: `salon_discovery` next to
BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/salon_discovery; SQLite: a temporary
file), migrated, and grown to each size in turn: salons in the six main cities with districts and
coordinates, 6–12 services each from a catalogue of 30 names, 3–6 stylists working 10:00–22:00 six
days a week, and one confirmed booking per stylist and day for the next 14 days, bulk-inserted
(the search texts and the availability summary are then written with `salon_search_rebuild` and
`summary_rebuild`, as after any bulk import, and the database is analysed). At each size gunicorn (2 workers, production settings, debug off, throttle
counters in Redis (REDIS_URL, default redis://127.0.0.1:6379/14) as in production, the search
throttle lifted) serves the cases below, asked one after another by one keep-alive client,
`--requests` times each (the queries cycle through a few variants); query counts are taken in
process for one request of each case. Printed: median and p95 in ms and queries per case and size,
the growth factor from the smallest size, and the targets (PostgreSQL at 20,000 salons: search and
near-me p95 < 80 ms, availability filter p95 < 150 ms, suggest p95 < 30 ms, each within 2x of its
200-salon figure). Exit code 1 when a target is missed on a run that reached 20,000 salons.
"""

import argparse
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time as clock
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from booking_race import (  # noqa: E402 - the sibling module is found through the path above
    BACKEND_DIR,
    create_database,
    drop_database,
    free_port,
    setup_django,
    stop_server,
    wait_until_healthy,
)

RIYADH = ZoneInfo("Asia/Riyadh")
DEFAULT_BENCH_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/salon_discovery"
DAYS = 14
BATCH = 500  # salons written per transaction

CITIES = {  # code: (centre latitude, centre longitude, districts (ar, en))
    "riyadh": (24.7136, 46.6753, [("العليا", "Al Olaya"), ("الملقا", "Al Malqa"), ("النخيل", "Al Nakheel")]),
    "jeddah": (21.5433, 39.1728, [("الروضة", "Al Rawdah"), ("الشاطئ", "Ash Shati"), ("الحمراء", "Al Hamra")]),
    "dammam": (26.4207, 50.0888, [("الفيصلية", "Al Faisaliyah"), ("الشاطئ", "Ash Shati")]),
    "makkah": (21.3891, 39.8579, [("العزيزية", "Al Aziziyah"), ("الشوقية", "Ash Shawqiyah")]),
    "madinah": (24.5247, 39.5692, [("قباء", "Quba"), ("العزيزية", "Al Aziziyah")]),
    "khobar": (26.2172, 50.1971, [("العقربية", "Al Aqrabiyah"), ("الراكة", "Ar Rakah")]),
}
NAME_WORDS = [
    ("الياسمين", "Jasmine"),
    ("الأميرة", "Princess"),
    ("اللؤلؤة", "Pearl"),
    ("الوردة", "Rose"),
    ("النخبة", "Elite"),
    ("الفخامة", "Luxury"),
    ("لمسة", "Touch"),
    ("جمال", "Beauty"),
    ("ليلى", "Layla"),
    ("سحر", "Sahar"),
]
SERVICES = [  # (ar, en, minutes, price in SAR)
    ("قص شعر", "Haircut", 45, 80),
    ("صبغة شعر", "Hair colour", 90, 250),
    ("تسريحة", "Hair styling", 60, 150),
    ("كيراتين", "Keratin treatment", 120, 600),
    ("بروتين", "Protein treatment", 120, 550),
    ("مناكير", "Manicure", 45, 90),
    ("باديكير", "Pedicure", 60, 120),
    ("تنظيف بشرة", "Facial", 60, 200),
    ("مكياج سهرة", "Evening make-up", 60, 350),
    ("مكياج عروس", "Bridal make-up", 120, 1500),
    ("حناء", "Henna", 60, 150),
    ("رموش", "Lash extensions", 90, 300),
    ("حواجب", "Brow shaping", 30, 60),
    ("إزالة الشعر بالشمع", "Waxing", 45, 120),
    ("مساج", "Massage", 60, 250),
    ("حمام مغربي", "Moroccan bath", 90, 300),
    ("سشوار", "Blow-dry", 30, 70),
    ("فرد الشعر", "Hair straightening", 120, 450),
    ("علاج الشعر", "Hair treatment", 60, 200),
    ("أظافر جل", "Gel nails", 60, 180),
    ("أظافر أكريليك", "Acrylic nails", 90, 250),
    ("تقليم الأظافر", "Nail trim", 20, 40),
    ("تنظيف عميق", "Deep cleansing", 75, 280),
    ("ماسك الوجه", "Face mask", 30, 100),
    ("تشقير", "Bleaching", 45, 110),
    ("قص أطراف", "Trim", 30, 60),
    ("ضفائر", "Braids", 60, 150),
    ("تمويج", "Waves", 60, 160),
    ("هايلايت", "Highlights", 120, 500),
    ("بالياج", "Balayage", 150, 700),
]

# Each case: (name, path, a list of query-parameter variants). `{tomorrow}` is filled in.
CASES = [
    ("search_ar", "/api/salons/", [{"q": "صبغه"}, {"q": "الياسمين"}, {"q": "كيراتين الروضه"}]),
    ("search_en", "/api/salons/", [{"q": "manicure"}, {"q": "pearl"}, {"q": "bridal"}]),
    ("search_typo", "/api/salons/", [{"q": "تصريحه"}, {"q": "manicur"}, {"q": "بديكير"}]),
    (
        "near_me",
        "/api/salons/",
        [{"near": "24.7136,46.6753", "radius_km": "5"}, {"near": "21.5433,39.1728", "radius_km": "10"}],
    ),
    ("available_tomorrow", "/api/salons/", [{"has_availability_on": "{tomorrow}"}]),
    ("suggest", "/api/salons/suggest/", [{"q": "صب"}, {"q": "man"}, {"q": "العل"}, {"q": "الياس"}]),
]
TARGETS_MS = {
    "search_ar": 80,
    "search_en": 80,
    "search_typo": 80,
    "near_me": 80,
    "available_tomorrow": 150,
    "suggest": 30,
}
TARGET_SIZE = 20_000


# --- Data ------------------------------------------------------------------------------------------


def grow_catalogue(target: int, rng: random.Random) -> float:
    """Add salons until there are `target`; returns the seconds it took."""
    from apps.accounts.models import User
    from apps.bookings.availability_changes import summary_rebuild
    from apps.bookings.models import Booking, BookingStatus
    from apps.salons.models import Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from apps.salons.search_index import salon_search_rebuild
    from django.db import connection, transaction

    started = clock.monotonic()
    category, _ = ServiceCategory.objects.get_or_create(slug="bench", defaults={"name_ar": "عام", "name_en": "General"})
    today = datetime.now(RIYADH).date()
    existing = Salon.objects.count()
    while existing < target:
        count = min(BATCH, target - existing)
        with transaction.atomic():
            salons = Salon.objects.bulk_create(_salon(existing + index, rng) for index in range(count))
            services, staff = [], []
            for salon in salons:
                for ar, en, minutes, price in rng.sample(SERVICES, rng.randint(6, 12)):
                    services.append(
                        Service(
                            salon=salon,
                            category=category,
                            name_ar=ar,
                            name_en=en,
                            duration_minutes=minutes,
                            price_amount=price * 100,
                        )
                    )
                for number in range(rng.randint(3, 6)):
                    staff.append(StaffMember(salon=salon, display_name=f"Stylist {salon.id}-{number}"))
            Service.objects.bulk_create(services)
            StaffMember.objects.bulk_create(staff)
            by_salon: dict[int, list[Service]] = {}
            for service in services:
                by_salon.setdefault(service.salon_id, []).append(service)
            # A customer cannot hold overlapping bookings: each has four stylists' bookings a day,
            # three hours apart (no service is longer than 2.5 hours).
            first_customer = User.objects.count()
            customers = User.objects.bulk_create(
                User(
                    phone_number=f"+96657{first_customer + number:07d}",
                    first_name=f"Bench {first_customer + number}",
                    password="!",  # noqa: S106 (Django's mark of an unusable password)
                    is_phone_verified=True,
                )
                for number in range((len(staff) + 3) // 4)
            )
            links, hours, bookings = [], [], []
            for position, member in enumerate(staff):
                customer = customers[position // 4]
                hour = 10 + 3 * (position % 4)
                offered = by_salon[member.salon_id]
                links += [
                    StaffMember.services.through(staffmember_id=member.id, service_id=service.id) for service in offered
                ]
                hours += [
                    WorkingHours(staff=member, weekday=weekday, start_time=time(10), end_time=time(22))
                    for weekday in range(7)
                    if weekday != 4  # Friday off
                ]
                for offset in range(DAYS):
                    day = today + timedelta(days=offset)
                    service = rng.choice(offered)
                    start = datetime.combine(day, time(hour), RIYADH)
                    end = start + timedelta(minutes=service.duration_minutes)
                    bookings.append(
                        Booking(
                            reference=secrets.token_hex(6).upper(),
                            customer=customer,
                            salon_id=member.salon_id,
                            service=service,
                            staff=member,
                            start=start,
                            end=end,
                            blocked_until=end,
                            price_amount=service.price_amount,
                            status=BookingStatus.CONFIRMED,
                        )
                    )
            StaffMember.services.through.objects.bulk_create(links, batch_size=5000)
            WorkingHours.objects.bulk_create(hours, batch_size=5000)
            Booking.objects.bulk_create(bookings, batch_size=5000)
        salon_search_rebuild(salon_ids=[salon.id for salon in salons])
        summary_rebuild(salon_ids=[salon.id for salon in salons])  # the availability filter reads it
        existing += count
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return clock.monotonic() - started


def _salon(number: int, rng: random.Random):
    from apps.salons.models import Salon

    city = rng.choice(list(CITIES))
    latitude, longitude, districts = CITIES[city]
    district_ar, district_en = rng.choice(districts)
    first, second = rng.sample(NAME_WORDS, 2)
    return Salon(
        slug=f"bench-{number}",
        name_ar=f"صالون {first[0]} {second[0]} {number}",
        name_en=f"{first[1]} {second[1]} Salon {number}",
        city=city,
        district_ar=district_ar,
        district_en=district_en,
        latitude=round(latitude + rng.uniform(-0.25, 0.25), 6),
        longitude=round(longitude + rng.uniform(-0.25, 0.25), 6),
        rating_average=round(rng.uniform(3, 5), 2),
        rating_count=rng.randint(0, 400),
    )


# --- Measuring -------------------------------------------------------------------------------------


def _variants(variants: list[dict]) -> list[dict]:
    tomorrow = (datetime.now(RIYADH).date() + timedelta(days=1)).isoformat()
    return [{key: value.format(tomorrow=tomorrow) for key, value in variant.items()} for variant in variants]


def query_counts() -> dict[str, int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    counts = {}
    for name, path, variants in CASES:
        client.get(path, _variants(variants)[0])  # per-connection first-use checks aside
        with CaptureQueriesContext(connection) as queries:
            status = client.get(path, _variants(variants)[0]).status_code
        if status != 200:
            raise RuntimeError(f"{name}: HTTP {status}")
        counts[name] = len(queries)
    return counts


def measure(base_url: str, repeats: int) -> dict[str, list[float]]:
    session = requests.Session()
    session.headers["Accept-Language"] = "ar"
    timings: dict[str, list[float]] = {}
    for name, path, variants in CASES:
        params = _variants(variants)
        for variant in params:  # warm-up
            session.get(f"{base_url}{path}", params=variant, timeout=30).raise_for_status()
        samples = []
        print(f"  {name}", file=sys.stderr, flush=True)
        for index in range(repeats):
            started = clock.perf_counter()
            response = session.get(f"{base_url}{path}", params=params[index % len(params)], timeout=30)
            samples.append((clock.perf_counter() - started) * 1000)
            response.raise_for_status()
        timings[name] = samples
    return timings


def connection_vendor() -> str:
    from django.db import connection

    return connection.vendor


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def child(database_url: str, sizes: list[int], repeats: int) -> None:
    """One database: grow, serve and measure at each size; prints one JSON line per size."""
    secret_key = secrets.token_urlsafe(32)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,testserver"  # the server, and the in-process query counts
    # Throttle counters in Redis as in production (the database cache would add queries to every request).
    os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
    # The server and the in-process query counts share the throttle counters and one address.
    os.environ["THROTTLE_SEARCH"] = "1000000/m"
    setup_django(database_url, secret_key)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(17)
    for size in sizes:
        print(f"{connection_vendor()}: growing the catalogue to {size:,} salons", file=sys.stderr, flush=True)
        seconds = grow_catalogue(size, rng)
        print(f"  seeded in {seconds:.0f} s; measuring", file=sys.stderr, flush=True)
        counts = query_counts()
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",
            "THROTTLE_SEARCH": "1000000/m",
        }
        gunicorn = Path(sys.executable).parent / "gunicorn"
        command = [str(gunicorn), "config.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"]
        with tempfile.TemporaryFile() as log:
            server = subprocess.Popen(command, cwd=BACKEND_DIR, env=env, stdout=log, stderr=log)  # noqa: S603
            try:
                base_url = f"http://127.0.0.1:{port}"
                wait_until_healthy(base_url, server)
                timings = measure(base_url, repeats)
            except Exception:
                log.seek(0)
                print(log.read().decode()[-3000:], file=sys.stderr)
                raise
            finally:
                stop_server(server)
        result = {
            "size": size,
            "seed_seconds": round(seconds, 1),
            "cases": {
                name: {
                    "p50": statistics.median(samples),
                    "p95": p95(samples),
                    "queries": counts[name],
                }
                for name, samples in timings.items()
            },
        }
        print("RESULT " + json.dumps(result), flush=True)


# --- Report ----------------------------------------------------------------------------------------


def report(vendor: str, results: list[dict]) -> list[str]:
    missed = []
    sizes = [result["size"] for result in results]
    print(f"\n== {vendor} ==  (median / p95 ms, queries; growth = p95 / p95 at {sizes[0]:,} salons)")
    print(f"{'case':<20}" + "".join(f"{size:>26,}" for size in sizes) + f"{'growth':>9}")
    for name, *_request in CASES:
        cells = []
        for result in results:
            case = result["cases"][name]
            cells.append(f"{case['p50']:8.1f} / {case['p95']:7.1f}, {case['queries']:>2} q")
        first, last = results[0]["cases"][name]["p95"], results[-1]["cases"][name]["p95"]
        growth = last / first
        print(f"{name:<20}" + "".join(f"{cell:>26}" for cell in cells) + f"{growth:>8.2f}x")
        if vendor == "postgresql" and sizes[-1] >= TARGET_SIZE:
            if last >= TARGETS_MS[name]:
                missed.append(f"{vendor} {name}: p95 {last:.1f} ms at {sizes[-1]:,} salons >= {TARGETS_MS[name]} ms")
            if growth > 2:
                missed.append(f"{vendor} {name}: p95 grew {growth:.2f}x from {sizes[0]:,} salons (> 2x)")
    print("seeding: " + ", ".join(f"{result['size']:,} salons in {result['seed_seconds']} s" for result in results))
    return missed


def run_database(vendor: str, sizes: list[int], repeats: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as temp_dir:
        if vendor == "postgresql":
            database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_BENCH_DATABASE_URL)
            create_database(database_url)
        else:
            database_url = f"sqlite:///{Path(temp_dir) / 'discovery.sqlite3'}"
        try:
            command = [
                sys.executable,
                __file__,
                "--child",
                database_url,
                "--sizes",
                ",".join(map(str, sizes)),
                "--requests",
                str(repeats),
            ]
            # The child's progress and errors go straight to this terminal; its results come on stdout.
            output = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)  # noqa: S603
            if output.returncode != 0:
                raise SystemExit(f"the {vendor} run failed")
            return [json.loads(line[7:]) for line in output.stdout.splitlines() if line.startswith("RESULT ")]
        finally:
            if vendor == "postgresql":
                drop_database(database_url)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--sizes", default="200,2000,20000")
    parser.add_argument("--requests", type=int, default=100, help="requests per case and size")
    parser.add_argument("--child", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if args.child:
        child(args.child, sizes, args.requests)
        return 0
    print(f"machine load average before: {os.getloadavg()}")
    vendors = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    missed = []
    for vendor in vendors:
        missed += report(vendor, run_database(vendor, sizes, args.requests))
    print(f"\nmachine load average after: {os.getloadavg()}")
    for line in missed:
        print(f"TARGET MISSED: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
