"""Benchmark of the salon exports (`/api/manage/salons/{id}/exports/…`).

Run from the repository root:  .venv/bin/python benchmarks/exports.py [bookings|payments|customers ...]
(set BENCH_DATABASE_URL=postgres://... to run on PostgreSQL; a throwaway database is created there).

Builds, in a throwaway database, a busy salon's year: 10 stylists, 2,000 customers and 20,000
bookings over 365 days (two thirds completed, each completed one paid, some refunded), then requests
every export over the whole year as the salon's manager, reads the whole body and prints its
seconds, size and SQL query count. Target: each under 10 s.
"""

import os
import sys
import tempfile
import time as clock
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_DIR / "backend"))

BOOKINGS = 20_000
STAFF_COUNT = 10
CUSTOMERS = 2_000
FIRST_DAY = date(2025, 1, 1)
RIYADH = ZoneInfo("Asia/Riyadh")


def configure_django(temp_dir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    bench_url = os.environ.get("BENCH_DATABASE_URL", "")
    os.environ["TEST_DATABASE_URL"] = bench_url or f"sqlite:///{temp_dir / 'bench.sqlite3'}"
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    test_name = f"bench_exports_{os.getpid()}" if bench_url else str(temp_dir / "bench-run.sqlite3")
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name


def build():
    from apps.bookings.models import Booking, BookingStatus
    from apps.core.money import vat_included
    from apps.payments.models import Payment, PaymentStatus
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember
    from django.contrib.auth import get_user_model

    User = get_user_model()
    salon = Salon.objects.create(slug="bench", name_ar="صالون القياس", city=City.RIYADH)
    manager = User.objects.create_user("+966511111111", first_name="مديرة")
    salon.managers.add(manager)
    category = ServiceCategory.objects.create(slug="bench", name_ar="شعر", name_en="Hair")
    service = Service.objects.create(
        salon=salon, category=category, name_ar="قص شعر", name_en="Haircut", duration_minutes=60, price_amount=11500
    )
    staff = [StaffMember.objects.create(salon=salon, display_name=f"مصففة {index}") for index in range(STAFF_COUNT)]
    User.objects.bulk_create(
        User(phone_number=f"+9665{index:08d}", first_name=f"عميلة {index}", last_name="العتيبي")
        for index in range(1, CUSTOMERS + 1)
    )
    customers = list(User.objects.exclude(pk=manager.pk).order_by("pk"))
    bookings = []
    slots_per_day = -(-BOOKINGS // (365 * STAFF_COUNT))
    for number in range(BOOKINGS):
        day, rest = divmod(number, slots_per_day * STAFF_COUNT)
        slot, stylist = divmod(rest, STAFF_COUNT)
        start = datetime.combine(FIRST_DAY + timedelta(days=day), time(10), tzinfo=RIYADH) + timedelta(hours=slot)
        status = BookingStatus.COMPLETED if number % 3 else (BookingStatus.NO_SHOW, BookingStatus.CANCELLED)[number % 2]
        bookings.append(
            Booking(
                reference=f"B{number:07d}",
                customer=customers[number % CUSTOMERS],
                salon=salon,
                service=service,
                staff=staff[stylist],
                start=start,
                end=start + timedelta(hours=1),
                blocked_until=start + timedelta(hours=1),
                price_amount=11500,
                status=status,
            )
        )
    Booking.objects.bulk_create(bookings, batch_size=2000)
    Payment.objects.bulk_create(
        (
            Payment(
                booking=booking,
                customer=booking.customer,
                provider="fake",
                amount=11500,
                currency="SAR",
                vat_amount=vat_included(11500),
                status=PaymentStatus.PAID,
                method="creditcard",
                refunded_amount=5000 if number % 20 == 0 else 0,
                paid_at=booking.start - timedelta(days=1),
            )
            for number, booking in enumerate(Booking.objects.filter(status=BookingStatus.COMPLETED))
        ),
        batch_size=2000,
    )
    return salon, manager


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        configure_django(Path(temp))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from rest_framework.test import APIClient

        original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            started = clock.perf_counter()
            salon, manager = build()
            print(f"built {BOOKINGS} bookings in {clock.perf_counter() - started:.1f} s ({connection.vendor})")
            client = APIClient()
            client.force_authenticate(manager)
            worst = 0.0
            for name in sys.argv[1:] or ("bookings", "payments", "customers"):
                for file_format in ("csv", "xlsx"):
                    url = f"/api/manage/salons/{salon.pk}/exports/{name}.{file_format}?from=2025-01-01&to=2025-12-31"
                    with CaptureQueriesContext(connection) as queries:
                        started = clock.perf_counter()
                        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
                        body = b"".join(response.streaming_content) if response.streaming else response.content
                        seconds = clock.perf_counter() - started
                    worst = max(worst, seconds)
                    print(
                        f"{name}.{file_format:4}  {response.status_code}  {seconds:6.2f} s  "
                        f"{len(body) / 1e6:6.2f} MB  {len(queries)} queries"
                    )
            print(f"slowest: {worst:.2f} s (target: under 10 s)")
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
