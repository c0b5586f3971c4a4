"""Benchmark of the salon summary report, in-process.

    .venv/bin/python benchmarks/reports.py                        # SQLite, a throwaway file
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/salon_bench_reports \\
        .venv/bin/python benchmarks/reports.py                    # PostgreSQL, a throwaway database

Builds a salon with 12 stylists (09:00–21:00 every day), 20,000 bookings over 2025 (mixed statuses)
and 15,000 payments (one in ten partly refunded), analyses the tables (BENCH_ANALYZE=0: not), then
times `reports.selectors.summary` for the year grouped by month (RUNS calls after a warm-up) and prints
the median and p95 milliseconds and the SQL query count. The database is removed afterwards.
"""

import os
import secrets
import statistics
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from booking_race import create_database, drop_database, setup_django

RIYADH = ZoneInfo("Asia/Riyadh")
STYLISTS = 12
BOOKINGS = 20_000
PAYMENTS = 15_000
CUSTOMERS = 500
WARM_UP = 1
RUNS = 20


def build() -> int:
    from apps.accounts.models import User
    from apps.bookings.models import Booking, BookingStatus, CancelledByRole
    from apps.core.money import vat_included
    from apps.payments.models import Payment, PaymentStatus, Refund, RefundReason, RefundStatus
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember, WorkingHours
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0, interactive=False)
    with transaction.atomic():
        salon = Salon.objects.create(slug="bench", name_ar="صالون", name_en="Bench", city=City.RIYADH)
        category = ServiceCategory.objects.create(slug="bench", name_ar="شعر", name_en="Hair")
        service = Service.objects.create(
            salon=salon, category=category, name_ar="خدمة", name_en="Cut", duration_minutes=45, buffer_minutes=15,
            price_amount=15000,
        )  # fmt: skip
        staff = [StaffMember.objects.create(salon=salon, display_name=f"Stylist {n}") for n in range(STYLISTS)]
        WorkingHours.objects.bulk_create(
            WorkingHours(staff=member, weekday=weekday, start_time=time(9), end_time=time(21))
            for member in staff
            for weekday in range(7)
        )
        customers = [
            User.objects.create_user(f"+96656{n:07d}", first_name="Bench", is_phone_verified=True)
            for n in range(CUSTOMERS)
        ]
        statuses = [BookingStatus.COMPLETED] * 6 + [BookingStatus.CONFIRMED, BookingStatus.CANCELLED]
        statuses += [BookingStatus.NO_SHOW, BookingStatus.EXPIRED]
        rows = []
        first = date(2025, 1, 1)
        index = 0
        while len(rows) < BOOKINGS:
            day, rest = divmod(index, 12 * STYLISTS)
            slot, member = divmod(rest, STYLISTS)
            start = datetime.combine(first + timedelta(days=day % 365), time(9 + slot), tzinfo=RIYADH)
            status = statuses[(index // 2) % len(statuses)]  # index is even: every status in turn
            rows.append(
                Booking(
                    reference=f"B{index:07d}",
                    customer=customers[index % CUSTOMERS],
                    salon=salon,
                    service=service,
                    staff=staff[member],
                    start=start,
                    end=start + timedelta(minutes=45),
                    buffer_minutes=15,
                    blocked_until=start + timedelta(minutes=60),
                    price_amount=15000,
                    status=status,
                    cancelled_by_role=CancelledByRole.CUSTOMER if status == BookingStatus.CANCELLED else "",
                )
            )
            index += 2  # every other slot: about 60 % of the working time booked
        bookings = Booking.objects.bulk_create(rows, batch_size=2000)
        payments = Payment.objects.bulk_create(
            (
                Payment(
                    booking=booking,
                    customer=booking.customer,
                    provider="fake",
                    amount=15000,
                    currency="SAR",
                    vat_amount=vat_included(15000),
                    status=PaymentStatus.PAID,
                    method="creditcard",
                    paid_at=booking.start - timedelta(days=1),
                    refunded_amount=5000 if n % 10 == 0 else 0,
                )
                for n, booking in enumerate(bookings[:PAYMENTS])
            ),
            batch_size=2000,
        )
        Refund.objects.bulk_create(
            (
                Refund(
                    payment=payment,
                    amount=5000,
                    reason=RefundReason.ADMIN,
                    status=RefundStatus.SUCCEEDED,
                    refunded_before=0,
                    succeeded_at=payment.paid_at + timedelta(days=2),
                )
                for n, payment in enumerate(payments)
                if n % 10 == 0
            ),
            batch_size=2000,
        )
    if os.environ.get("BENCH_ANALYZE", "1") != "0":
        # Planner statistics, as a live database has them (autovacuum analyses a table soon after
        # such a load); BENCH_ANALYZE=0 measures the freshly loaded tables without them.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return salon.pk


def measure(salon_id: int) -> tuple[float, float, int]:
    from apps.reports.periods import Period
    from apps.reports.selectors import summary
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    period = Period(first=date(2025, 1, 1), last=date(2025, 12, 31), tz=RIYADH)
    timings = []
    for run in range(WARM_UP + RUNS):
        started = clock.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            summary(salon_ids=[salon_id], period=period, group_by="month")
        if run >= WARM_UP:
            timings.append((clock.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries.captured_queries)


def main() -> int:
    database_url = os.environ.get("BENCH_DATABASE_URL")
    directory = None
    if database_url:
        create_database(database_url)
    else:
        directory = tempfile.mkdtemp(prefix="salon-bench-reports-")
        database_url = f"sqlite:///{Path(directory) / 'bench.sqlite3'}"
    try:
        setup_django(database_url, secrets.token_urlsafe(32))
        started = clock.perf_counter()
        salon_id = build()
        print(f"fixture: {BOOKINGS} bookings, {PAYMENTS} payments in {clock.perf_counter() - started:.1f} s")
        median, p95, queries = measure(salon_id)
        engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
        print(f"{engine}: year summary by month: median {median:.1f} ms, p95 {p95:.1f} ms, {queries} queries")
    finally:
        from django.db import connections

        connections.close_all()
        if directory is None:
            drop_database(database_url)
        else:
            import shutil

            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
