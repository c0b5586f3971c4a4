"""Benchmark of the Google Calendar two-way sync, with the fake provider and injected latency.

    .venv/bin/python benchmarks/calendar_sync.py                  # SQLite, a throwaway file
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/salon_bench_gcal \\
        .venv/bin/python benchmarks/calendar_sync.py              # PostgreSQL, a throwaway database
    .venv/bin/python benchmarks/calendar_sync.py --latency 0.3 --senders 2 --changes 90

Out: builds a salon with 3 stylists whose (fake) Google calendars are connected, starts `--senders`
processes of `manage.py send_calendar_changes --loop` (as the cron/worker would run them; the
request-time send is off, so every change goes through the outbox and a sender), then makes
`--changes` booking changes through the bookings' services, one every `--interval` seconds: bookings
created, then a third of them moved and a third cancelled. Every fake Google call sleeps `--latency`
seconds. For each change, the time from its commit (`CalendarChange.created_at`, written in the
booking's transaction) to the event written in the calendar (`done_at`) is measured; the script
prints the median, p95 and max, checks the calendars hold exactly the bookings that are still on
(once each), and exits 1 unless p95 < 5 s.

In: puts a busy event in one stylist's calendar, runs one sync cycle (`calendar_sync`, as a push
notification or `sync_calendars` would) and checks the customer's free starts (the availability
engine) no longer offer that time; prints how long the cycle took. Exits 1 if the time is still
offered. Only the local database is used; it is removed afterwards.
"""

import argparse
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from booking_race import create_database, drop_database, setup_django

REPO_DIR = Path(__file__).resolve().parent.parent
BACKEND_DIR = REPO_DIR / "backend"
RIYADH = ZoneInfo("Asia/Riyadh")
STYLISTS = 3
TARGET_P95_SECONDS = 5.0
DRAIN_TIMEOUT_SECONDS = 120


def build_fixture(changes: int):
    """The salon, its service, the stylists (with connected fake calendars) and enough customers."""
    from apps.accounts.models import User
    from apps.google_calendar.crypto import token_encrypt
    from apps.google_calendar.models import ConnectionStatus, GoogleConnection
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0, interactive=False)
    run = secrets.token_hex(3)
    salon = Salon.objects.create(
        slug=f"gcal-{run}", name_ar="صالون المزامنة", name_en="Sync salon", city=City.RIYADH, lead_time_minutes=0
    )
    manager = User.objects.create_user("+966560009999", first_name="Manager", is_phone_verified=True)
    salon.managers.add(manager)
    category = ServiceCategory.objects.create(slug=f"gcal-{run}", name_ar="شعر", name_en="Hair")
    service = Service.objects.create(
        salon=salon, category=category, name_ar="قص", name_en="Cut", duration_minutes=60, price_amount=11500
    )
    stylists = []
    for number in range(STYLISTS):
        staff = StaffMember.objects.create(salon=salon, display_name=f"Stylist {number}")
        staff.services.add(service)
        WorkingHours.objects.bulk_create(
            [WorkingHours(staff=staff, weekday=day, start_time=time(8), end_time=time(22)) for day in range(7)]
        )
        GoogleConnection.objects.create(
            staff=staff,
            status=ConnectionStatus.CONNECTED,
            access_token=token_encrypt(f"fake-access-bench{number}.x"),
            refresh_token=token_encrypt(f"fake-refresh-bench{number}"),
            token_expires_at=timezone.now() + timedelta(hours=2),
            calendar_id=f"bench{number}@fake.calendar",
            calendar_name="My calendar",
            connected_at=timezone.now(),
        )
        stylists.append(staff)
    customers = [
        User.objects.create_user(f"+9665600{index:05d}", first_name=f"Customer {index}", is_phone_verified=True)
        for index in range(changes)
    ]
    return salon, service, stylists, manager, customers


def start_senders(count: int, env: dict, log) -> list[subprocess.Popen]:
    command = [sys.executable, "manage.py", "send_calendar_changes", "--loop", "--interval", "0.1"]
    return [
        subprocess.Popen(command, cwd=BACKEND_DIR, env=env, stdout=log, stderr=log)  # noqa: S603
        for _ in range(count)
    ]


def wait_until_ready(log_path: str, count: int) -> None:
    """The senders print "sender ready" once Django is loaded: changes are timed from then on."""
    deadline = clock.monotonic() + 60
    while clock.monotonic() < deadline:
        if Path(log_path).read_text(errors="replace").count("sender ready") >= count:
            return
        clock.sleep(0.2)
    raise RuntimeError("the senders did not start")


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.terminate()
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def make_changes(service, stylists, manager, customers, changes: int, interval: float, first_day: date) -> int:
    """Create bookings, then move a third and cancel a third, one change every `interval` seconds."""
    from apps.bookings import services as booking_services
    from apps.bookings.rescheduling import booking_reschedule

    creations = max(1, changes * 3 // 5)
    moves = cancels = (changes - creations) // 2
    bookings = []
    for index in range(creations):
        staff = stylists[index % len(stylists)]
        slot = index // len(stylists)
        day = first_day + timedelta(days=slot // 12)
        start = datetime.combine(day, time(8 + slot % 12), tzinfo=RIYADH)
        bookings.append(
            booking_services.booking_create(
                actor=customers[index], service_id=service.pk, start=start, staff_id=staff.pk
            )
        )
        clock.sleep(interval)
    for booking in bookings[:moves]:
        booking_reschedule(booking_id=booking.pk, actor=manager, start=booking.start + timedelta(days=10))
        clock.sleep(interval)
    for booking in bookings[-cancels:] if cancels else []:
        booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Benchmark")
        clock.sleep(interval)
    return creations + moves + cancels


def wait_for_drain(expected: int) -> None:
    from apps.google_calendar.models import CalendarChange, ChangeStatus

    deadline = clock.monotonic() + DRAIN_TIMEOUT_SECONDS
    while clock.monotonic() < deadline:
        if CalendarChange.objects.filter(status=ChangeStatus.DONE).count() >= expected:
            return
        clock.sleep(0.2)
    raise RuntimeError("the senders did not write every change in time")


def check_calendars() -> list[str]:
    """Problems: a booking still on without exactly one event, or an event for one that is off."""
    from apps.bookings.models import BLOCKING_STATUSES, Booking
    from apps.google_calendar.models import EventLink, FakeCalendarEvent

    problems = []
    live = {
        row.body["extendedProperties"]["private"]["salonBooking"]: row
        for row in FakeCalendarEvent.objects.all()
        if row.body.get("status") != "cancelled"
    }
    for booking in Booking.objects.all():
        on = booking.status in BLOCKING_STATUSES
        if on != (str(booking.pk) in live):
            problems.append(f"booking {booking.reference} ({booking.status}): event {'missing' if on else 'left'}")
        if on and live[str(booking.pk)].body["start"]["dateTime"] != booking.start.astimezone(RIYADH).isoformat():
            problems.append(f"booking {booking.reference}: event at the wrong time")
    if EventLink.objects.count() != len(live):
        problems.append(f"{EventLink.objects.count()} links for {len(live)} events")
    return problems


def in_sync(salon, service, staff, day: date) -> tuple[bool, float]:
    """A busy event at 15:00 on `day`: is that start gone after one sync cycle, and how long did it take?"""
    from apps.bookings.availability import slot_list_available
    from apps.google_calendar.inbound import calendar_sync
    from apps.google_calendar.models import GoogleConnection
    from apps.google_calendar.providers.fake import fake_event_put

    start = datetime.combine(day, time(15), tzinfo=RIYADH)

    def offered() -> bool:
        slots = slot_list_available(salon=salon, service=service, start_date=day, staff_id=staff.pk)[day]
        return any(slot.start == start for slot in slots)

    if not offered():
        raise RuntimeError("15:00 should be free before the busy event")
    connection = GoogleConnection.objects.get(staff=staff)
    fake_event_put(
        calendar_id=connection.calendar_id,
        event_id="dentist",
        body={
            "summary": "Dentist",
            "start": {"dateTime": start.isoformat()},
            "end": {"dateTime": (start + timedelta(hours=1)).isoformat()},
        },
    )
    began = clock.perf_counter()
    outcome = calendar_sync(connection_id=connection.pk)
    took = clock.perf_counter() - began
    return outcome == "synced" and not offered(), took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=60, help="booking changes (default 60)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between changes (default 0.25)")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds each fake Google call takes (default 0.2)")
    parser.add_argument("--senders", type=int, default=2, help="sender processes (default 2)")
    args = parser.parse_args()
    if not 3 <= args.changes <= 1000 or not 1 <= args.senders <= 8:
        parser.error("--changes must be 3..1000 and --senders 1..8")

    temp_dir = Path(tempfile.mkdtemp(prefix="salon-bench-gcal-"))
    bench_url = os.environ.get("BENCH_DATABASE_URL", "")
    database_url = bench_url or f"sqlite:///{temp_dir / 'bench.sqlite3'}"
    secret_key = secrets.token_urlsafe(40)
    os.environ.update(
        {
            "GOOGLE_CALENDAR_PROVIDER": "fake",
            "GOOGLE_CLIENT_ID": "",
            "GOOGLE_FAKE_LATENCY_SECONDS": str(args.latency),
            "GOOGLE_SEND_IMMEDIATELY": "0",  # every change through the outbox and a sender process
            "NOTIFICATION_SEND_IMMEDIATELY": "0",
            "DJANGO_ALLOW_CONSOLE_PROVIDERS": "1",
        }
    )
    log = tempfile.NamedTemporaryFile(prefix="calendar_sync_", suffix=".log", delete=False)
    senders: list[subprocess.Popen] = []
    if bench_url:
        create_database(bench_url)
    try:
        setup_django(database_url, secret_key)
        from apps.google_calendar.models import CalendarChange
        from django.utils import timezone

        salon, service, stylists, manager, customers = build_fixture(args.changes)
        env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SECRET_KEY": secret_key, "DJANGO_DEBUG": "0"}
        senders = start_senders(args.senders, env, log)
        wait_until_ready(log.name, args.senders)
        first_day = timezone.now().astimezone(RIYADH).date() + timedelta(days=1)
        print(
            f"{args.changes} booking changes, one every {args.interval}s, {args.senders} sender(s), "
            f"{args.latency}s per Google call, {'PostgreSQL' if bench_url else 'SQLite'}"
        )
        made = make_changes(service, stylists, manager, customers, args.changes, args.interval, first_day)
        wait_for_drain(made)
        delays = sorted(
            (change.done_at - change.created_at).total_seconds()
            for change in CalendarChange.objects.exclude(done_at=None)
        )
        stop(senders)
        senders = []
        p95 = delays[max(0, round(0.95 * len(delays)) - 1)]
        print(
            f"out: {len(delays)} changes written; change to calendar median {statistics.median(delays):.2f}s, "
            f"p95 {p95:.2f}s, max {delays[-1]:.2f}s (target p95 < {TARGET_P95_SECONDS:.0f}s)"
        )
        problems = check_calendars()
        for problem in problems:
            print(f"  problem: {problem}")
        blocked, took = in_sync(salon, service, stylists[0], first_day + timedelta(days=30))
        print(f"in: busy event {'blocks' if blocked else 'does NOT block'} the time after one sync cycle ({took:.2f}s)")
    finally:
        stop(senders)
        log.close()
        if bench_url:
            from django.db import connections

            connections.close_all()
            drop_database(bench_url)
        shutil.rmtree(temp_dir, ignore_errors=True)
    ok = p95 < TARGET_P95_SECONDS and blocked and not problems
    if not ok:
        print(f"FAILED (sender log: {log.name})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
