"""Benchmark of the back office's week calendar, over HTTP.

    .venv/bin/python benchmarks/manage_calendar.py                # SQLite, a throwaway file
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/salon_bench_calendar \\
        .venv/bin/python benchmarks/manage_calendar.py            # PostgreSQL, a throwaway database

Builds a salon with 20 stylists (a day shift and an evening shift that ends after midnight, some
special hours and time off) and 1,500 bookings in one week (a third of them paid), a manager with an
access token, and a second salon of the same manager with one stylist and one booking. Starts
gunicorn (one worker, so requests are served one at a time) on a free local port against that
database, then times GET /api/manage/salons/{id}/calendar/?start=…&days=7 (REQUESTS calls after a
warm-up) and prints the median and p95 milliseconds. The SQL query count of the same request is
measured in-process for both salons: it must be the same (the script exits 1 otherwise). Target:
median under 60 ms on SQLite. Only 127.0.0.1 is contacted; the database is removed afterwards.
"""

import os
import secrets
import shutil
import statistics
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import requests
from booking_race import create_database, drop_database, free_port, setup_django, stop_server, wait_until_healthy

REPO_DIR = Path(__file__).resolve().parent.parent
BACKEND_DIR = REPO_DIR / "backend"
RIYADH = ZoneInfo("Asia/Riyadh")
STYLISTS = 20
BOOKINGS = 1_500
DAYS = 7
SERVICES = [(30, 0), (45, 15), (60, 0), (30, 15)]  # (minutes, buffer)
WARM_UP = 5
REQUESTS = 100
TARGET_MEDIAN_MS = 60
REQUEST_TIMEOUT_SECONDS = 30


def build_fixture(first_day: date) -> tuple[int, int, str]:
    """The two salons and the manager's access token: (big salon id, small salon id, token)."""
    from apps.accounts.models import User
    from apps.bookings.models import Booking, BookingStatus
    from apps.core.money import vat_included
    from apps.payments.models import Payment, PaymentStatus
    from apps.salons.models import (
        City,
        Salon,
        Service,
        ServiceCategory,
        SpecialHours,
        StaffMember,
        TimeOff,
        WorkingHours,
    )
    from django.core.management import call_command
    from django.db import transaction
    from rest_framework_simplejwt.tokens import RefreshToken

    call_command("migrate", verbosity=0, interactive=False)
    run = secrets.token_hex(3)
    manager = User.objects.create_user(f"+96655{int(run, 16) % 10_000_000:07d}", first_name="Bench", role="manager")
    category = ServiceCategory.objects.create(slug=f"bench-{run}", name_ar="شعر", name_en="Hair")

    def salon_with(stylist_count: int, slug: str) -> tuple[Salon, list[Service], list[StaffMember]]:
        salon = Salon.objects.create(slug=slug, name_ar="صالون القياس", name_en="Bench salon", city=City.RIYADH)
        salon.managers.add(manager)
        services = [
            Service.objects.create(
                salon=salon,
                category=category,
                name_ar=f"خدمة {index}",
                name_en=f"Service {index}",
                duration_minutes=minutes,
                buffer_minutes=buffer,
                price_amount=15000,
            )
            for index, (minutes, buffer) in enumerate(SERVICES)
        ]
        staff = []
        for index in range(stylist_count):
            member = StaffMember.objects.create(salon=salon, display_name=f"Stylist {index}", display_order=index)
            member.services.set(services)
            staff.append(member)
        WorkingHours.objects.bulk_create(
            WorkingHours(staff=member, weekday=weekday, start_time=start, end_time=end)
            for member in staff
            for weekday in range(7)
            for start, end in [(time(9), time(14)), (time(15), time(1))]  # the evening shift ends after midnight
        )
        SpecialHours.objects.bulk_create(
            SpecialHours(
                staff=member, date=first_day + timedelta(days=index % DAYS), start_time=time(9), end_time=time(23)
            )
            for index, member in enumerate(staff[::4])
        )
        TimeOff.objects.bulk_create(
            TimeOff(
                staff=member,
                start=datetime.combine(first_day + timedelta(days=index % DAYS), time(14), tzinfo=RIYADH),
                end=datetime.combine(first_day + timedelta(days=index % DAYS), time(15), tzinfo=RIYADH),
                reason="Break",
            )
            for index, member in enumerate(staff)
        )
        return salon, services, staff

    big, big_services, big_staff = salon_with(STYLISTS, f"bench-calendar-{run}")
    small, small_services, small_staff = salon_with(1, f"bench-calendar-small-{run}")

    plan = []  # (salon, staff, service, start): each stylist's bookings one after another
    per_stylist_day = -(-BOOKINGS // (STYLISTS * DAYS))
    for offset in range(DAYS):
        day = first_day + timedelta(days=offset)
        for index, member in enumerate(big_staff):
            cursor = datetime.combine(day, time(9), tzinfo=RIYADH) + timedelta(minutes=15 * (index % 4))
            for number in range(per_stylist_day):
                service = big_services[(number + index) % len(big_services)]
                afternoon = datetime.combine(day, time(15), tzinfo=RIYADH)
                if cursor < afternoon and cursor + service.duration + service.buffer > afternoon - timedelta(hours=1):
                    cursor = afternoon  # the break between the shifts
                plan.append((big, member, service, cursor))
                cursor += service.duration + service.buffer
    plan = sorted(plan[:BOOKINGS], key=lambda row: (row[3], row[1].pk))
    plan.append((small, small_staff[0], small_services[0], datetime.combine(first_day, time(10), tzinfo=RIYADH)))

    with transaction.atomic():
        # One customer per stylist, so that no customer is booked twice at once.
        customers = {
            member.pk: User.objects.create_user(f"+96656{int(run, 16) % 1000:03d}{index:04d}", first_name=f"C{index}")
            for index, member in enumerate([*big_staff, *small_staff])
        }
        bookings = Booking.objects.bulk_create(
            [
                Booking(
                    reference=f"B{run[:4]}{number:06d}",
                    customer=customers[member.pk],
                    salon=salon,
                    service=service,
                    staff=member,
                    start=start,
                    end=start + service.duration,
                    buffer_minutes=service.buffer_minutes,
                    blocked_until=start + service.duration + service.buffer,
                    price_amount=service.price_amount,
                    status=BookingStatus.CONFIRMED if number % 5 else BookingStatus.PENDING,
                    created_by=customers[member.pk],
                )
                for number, (salon, member, service, start) in enumerate(plan)
            ],
            batch_size=500,
        )
        Payment.objects.bulk_create(
            [
                Payment(
                    booking=booking,
                    customer=booking.customer,
                    provider="fake",
                    amount=booking.price_amount,
                    currency="SAR",
                    vat_amount=vat_included(booking.price_amount),
                    status=PaymentStatus.PAID,
                    method="creditcard",
                )
                for number, booking in enumerate(bookings)
                if number % 3 == 0 or booking.salon_id == small.pk
            ],
            batch_size=500,
        )
    return big.pk, small.pk, str(RefreshToken.for_user(manager).access_token)


def query_counts(salon_ids: list[int], start: date) -> list[int]:
    """The SQL queries of one calendar request per salon, served in-process with the same token."""
    from apps.accounts.models import User
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(User.objects.get(first_name="Bench"))
    counts = []
    for salon_id in salon_ids:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(calendar_path(salon_id, start))
        assert response.status_code == 200, response.content[:200]
        counts.append(len(captured))
    return counts


def calendar_path(salon_id: int, start: date) -> str:
    return f"/api/manage/salons/{salon_id}/calendar/?start={start.isoformat()}&days={DAYS}"


def start_server(port: int, database_url: str, secret_key: str, log):
    import subprocess

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secret_key,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
    }
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "config.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}", "--timeout", "60"]
    return subprocess.Popen(command, cwd=BACKEND_DIR, env=env, stdout=log, stderr=log)  # noqa: S603


def time_requests(url: str, token: str) -> tuple[list[float], dict]:
    with requests.Session() as session:
        session.headers["Authorization"] = f"Bearer {token}"
        for _ in range(WARM_UP):
            session.get(url, timeout=REQUEST_TIMEOUT_SECONDS).raise_for_status()
        timings = []
        for _ in range(REQUESTS):
            began = clock.perf_counter()
            response = session.get(url, timeout=REQUEST_TIMEOUT_SECONDS)
            timings.append((clock.perf_counter() - began) * 1000)
            response.raise_for_status()
        return sorted(timings), response.json()


def main() -> int:
    temp_dir = Path(tempfile.mkdtemp(prefix="salon-bench-calendar-"))
    bench_url = os.environ.get("BENCH_DATABASE_URL", "")
    database_url = bench_url or f"sqlite:///{temp_dir / 'bench.sqlite3'}"
    secret_key = secrets.token_urlsafe(40)
    os.environ["DJANGO_ALLOWED_HOSTS"] = "127.0.0.1,localhost,testserver"
    server = None
    log = tempfile.NamedTemporaryFile(prefix="manage_calendar_", suffix=".log", delete=False)
    if bench_url:
        create_database(bench_url)
    try:
        setup_django(database_url, secret_key)
        from django.db import connection

        first_day = datetime.now(RIYADH).date() + timedelta(days=1)
        big, small, token = build_fixture(first_day)
        counts = query_counts([big, small], first_day)
        connection.close()
        base_url = f"http://127.0.0.1:{free_port()}"
        server = start_server(int(base_url.rsplit(":", 1)[1]), database_url, secret_key, log)
        wait_until_healthy(base_url, server)
        timings, body = time_requests(base_url + calendar_path(big, first_day), token)
    finally:
        if server is not None:
            stop_server(server)
        log.close()
        if bench_url:
            from django.db import connections

            connections.close_all()
            drop_database(bench_url)
        shutil.rmtree(temp_dir, ignore_errors=True)

    median = statistics.median(timings)
    p95 = timings[max(0, round(0.95 * len(timings)) - 1)]
    shown = sum(len(row["bookings"]) for row in body["staff"])
    print(f"Week calendar on {'PostgreSQL' if bench_url else 'SQLite'}, over HTTP (gunicorn, 1 worker)")
    print(f"  {len(body['staff'])} stylists, {shown:,} bookings, {DAYS} days; {REQUESTS} requests")
    print(f"  median {median:.1f} ms, p95 {p95:.1f} ms (target: median under {TARGET_MEDIAN_MS} ms)")
    print(f"  queries: {counts[0]} for {STYLISTS} stylists and {BOOKINGS:,} bookings, {counts[1]} for 1 and 1")
    print(f"server log: {log.name}")
    same = counts[0] == counts[1]
    if not same:
        print("The query count grows with stylists or bookings.")
    return 0 if same and shown == BOOKINGS else 1


if __name__ == "__main__":
    sys.exit(main())
