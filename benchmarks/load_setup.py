"""Set-up for benchmarks/load.py: the production-shaped environment, the seeded data, the gunicorn
server with the production config (gunicorn.conf.py) and the probes of its memory and connections.

The database, Django and server helpers of benchmarks/booking_race.py are reused as they are.
"""

import os
import random
import secrets
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

import booking_race  # noqa: E402
from booking_race import (  # noqa: E402 - the sibling module is found through the path above
    BACKEND_DIR,
    REPO_DIR,
    create_database,
    drop_database,
    free_port,
    setup_django,
    stop_server,
    wait_until_healthy,
)

# Workers boot slowly on a busy 2-core machine (the first requests import the whole app).
booking_race.SERVER_START_TIMEOUT_SECONDS = 180

__all__ = ["create_database", "drop_database", "free_port", "stop_server", "wait_until_healthy"]

RIYADH = ZoneInfo("Asia/Riyadh")
WORK_HOURS = (9, 21)  # bench stylists work 09:00-21:00 every day; a booking starts on the hour
SERVICE_MINUTES = (30, 45, 60)
CITIES = ("riyadh", "jeddah", "dammam", "khobar", "makkah", "madinah")


@dataclass
class Fixture:
    # Reads: every active salon with its active services' ids; category slugs; search words.
    catalog: list[tuple[int, list[int]]]
    categories: list[str]
    words: list[str]
    # Writes: bookings planned on free slots of the prepaid bench salons, one customer token each.
    slots: list[dict] = field(default_factory=list)
    tokens: list[str] = field(default_factory=list)


def production_environment(*, database_url: str, secret_key: str, moyasar_url: str, webhook_secret: str) -> None:
    """The minimal production environment, in os.environ (the server inherits it): debug off, a
    random key, the console SMS/OTP providers allowed, Moyasar at the local fake."""
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_DEBUG": "0",
            "LOG_LEVEL": "INFO",
            "DJANGO_SECRET_KEY": secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            # The generator is the load balancer: it connects from loopback and forwards visitors' addresses.
            "TRUSTED_PROXY_COUNT": "1",
            "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",
            "OTP_PROVIDER": "console",
            "NOTIFICATION_PROVIDER": "console",
            "PAYMENT_PROVIDER": "moyasar",
            "MOYASAR_BASE_URL": moyasar_url,
            "MOYASAR_SECRET_KEY": "sk_test_load_benchmark",
            "MOYASAR_PUBLISHABLE_KEY": "pk_test_load_benchmark",
            "MOYASAR_WEBHOOK_SECRET": webhook_secret,
            "DEMO_ADMIN_PASSWORD": secrets.token_urlsafe(16),
        }
    )
    setup_django(database_url, secret_key)


def build_fixture(*, salons: int, customers: int, days: int, token_minutes: int, seed: int) -> Fixture:
    """Migrate, run `seed_demo`, add `salons` prepaid bench salons (3 services, 3 stylists each) and
    `customers` verified customers, and plan one booking per free slot over `days` days from the
    day after tomorrow. Access tokens are made here with a lifetime covering the whole run."""
    from apps.accounts.models import User
    from apps.salons.models import Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from django.core.management import call_command
    from django.db import transaction
    from rest_framework_simplejwt.tokens import RefreshToken

    rng = random.Random(seed)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115 - closed at exit
    categories = list(ServiceCategory.objects.order_by("display_order").values_list("pk", "slug"))
    planned: list[tuple[int, int, int]] = []  # (salon, service, stylist)
    with transaction.atomic():
        for index in range(salons):
            salon = Salon.objects.create(
                slug=f"load-{index}",
                name_ar=f"صالون الحمل {index}",
                name_en=f"Load salon {index}",
                description_en="A salon made by the load benchmark.",
                city=CITIES[index % len(CITIES)],
                district_en="Olaya",
                requires_prepayment=True,
                lead_time_minutes=60,
            )
            services = [
                Service.objects.create(
                    salon=salon,
                    category_id=categories[(index + number) % len(categories)][0],
                    name_ar=f"خدمة {number}",
                    name_en=f"Service {number}",
                    duration_minutes=minutes,
                    price_amount=5000 + 2500 * number,
                    display_order=number,
                )
                for number, minutes in enumerate(SERVICE_MINUTES)
            ]
            for number in range(3):
                stylist = StaffMember.objects.create(salon=salon, display_name=f"Stylist {index}-{number}")
                stylist.services.add(*services)
                WorkingHours.objects.bulk_create(
                    WorkingHours(
                        staff=stylist, weekday=weekday, start_time=time(WORK_HOURS[0]), end_time=time(WORK_HOURS[1])
                    )
                    for weekday in range(7)
                )
                planned.append((salon.pk, services[number].pk, stylist.pk))
        users = [
            User.objects.create_user(f"+96658{index:07d}", first_name=f"Load {index}", is_phone_verified=True)
            for index in range(customers)
        ]
    tokens = []
    for user in users:
        token = RefreshToken.for_user(user).access_token
        token.set_exp(lifetime=timedelta(minutes=token_minutes))
        tokens.append(str(token))

    first_day = datetime.now(RIYADH).date() + timedelta(days=2)
    slots = []
    for offset in range(days):
        day: date = first_day + timedelta(days=offset)
        for hour in range(*WORK_HOURS):
            start = datetime.combine(day, time(hour), tzinfo=RIYADH).isoformat()
            # Within one start time every booking has its own customer (customers >= stylists).
            for salon_id, service_id, stylist_id in planned:
                slots.append(
                    {
                        "salon": salon_id,
                        "payload": {"service": service_id, "staff": stylist_id, "start": start},
                        "customer": len(slots) % customers,
                    }
                )
    if customers < len(planned):
        raise ValueError(f"--customers must be at least the number of bench stylists ({len(planned)})")

    catalog = [
        (
            salon_id,
            [pk for pk in Service.objects.filter(salon_id=salon_id, is_active=True).values_list("pk", flat=True)],
        )
        for salon_id in Salon.objects.filter(is_active=True).values_list("pk", flat=True)
    ]
    catalog = [(salon_id, services) for salon_id, services in catalog if services]
    words = [name.split()[0] for name in Salon.objects.values_list("name_ar", flat=True) if name] + ["Load", "salon"]
    rng.shuffle(words)
    return Fixture(
        catalog=catalog, categories=[slug for _, slug in categories], words=words, slots=slots, tokens=tokens
    )


def start_production_server(port: int, log) -> subprocess.Popen:
    """gunicorn with the repository's production config, as deployed (workers and threads from the CPU
    count); Prometheus' multiprocess directory is a fresh temporary one."""
    env = {
        **os.environ,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PROMETHEUS_MULTIPROC_DIR": tempfile.mkdtemp(prefix="load_prometheus_"),
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "-c", str(REPO_DIR / "gunicorn.conf.py")]
    return subprocess.Popen(command, cwd=BACKEND_DIR, env=env, stdout=log, stderr=log)  # noqa: S603


# --- Probes -----------------------------------------------------------------------------------------


def server_processes(master_pid: int) -> list[int]:
    """The gunicorn master and its workers (its direct children), from /proc."""
    pids = [master_pid]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces: the fields after it start past the last ')'.
        if int(stat.rsplit(")", 1)[1].split()[1]) == master_pid:
            pids.append(int(entry.name))
    return pids


def rss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time the processes have used (live processes only)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def database_connections(database_url: str) -> int:
    """Connections to the benchmark database other than this probe's own."""
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url, connect_timeout=10) as connection:
        row = connection.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
        ).fetchone()
    return int(row[0])


@dataclass
class Probe:
    at: float  # seconds since the measured run began
    rss_kib: int
    connections: int
    cpu_seconds: float
    pids: list[int]


def probe(master_pid: int, database_url: str, at: float) -> Probe:
    pids = server_processes(master_pid)
    return Probe(at, rss_kib(pids), database_connections(database_url), cpu_seconds(pids), pids)
