"""Benchmark of the personal-data export (`GET /api/auth/me/export/`).

Run from the repository root:  .venv/bin/python benchmarks/privacy_export.py
(set BENCH_DATABASE_URL=postgres://... to run on PostgreSQL; a throwaway database is created there).

Builds, in a throwaway database, a customer with 500 bookings at 5 salons over two years, each with two
events, two thirds paid (some partly refunded) and a notification each; then requests the export as
that customer, reads the body and prints seconds, size and SQL queries. Target: under 5 s, the query
count independent of the bookings.
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

BOOKINGS = 500
SALONS = 5
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
    test_name = f"bench_privacy_{os.getpid()}" if bench_url else str(temp_dir / "bench-run.sqlite3")
    settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = test_name


def build():
    from apps.bookings.models import Booking, BookingEvent, BookingStatus
    from apps.core.money import vat_included
    from apps.notifications.models import Notification
    from apps.payments.models import Payment, PaymentStatus, Refund
    from apps.salons.models import City, Salon, Service, ServiceCategory, StaffMember
    from django.contrib.auth import get_user_model

    User = get_user_model()
    customer = User.objects.create_user("+966512345678", first_name="نورة", last_name="العتيبي")
    category = ServiceCategory.objects.create(slug="bench", name_ar="شعر", name_en="Hair")
    places = []
    for index in range(SALONS):
        salon = Salon.objects.create(slug=f"bench-{index}", name_ar=f"صالون {index}", city=City.RIYADH)
        service = Service.objects.create(
            salon=salon, category=category, name_ar="قص شعر", name_en="Haircut", duration_minutes=60, price_amount=11500
        )
        places.append((salon, service, StaffMember.objects.create(salon=salon, display_name=f"مصففة {index}")))
    bookings = []
    for number in range(BOOKINGS):
        salon, service, staff = places[number % SALONS]
        start = datetime.combine(FIRST_DAY + timedelta(days=number), time(10), tzinfo=RIYADH)
        bookings.append(
            Booking(
                reference=f"B{number:07d}",
                customer=customer,
                salon=salon,
                service=service,
                staff=staff,
                start=start,
                end=start + timedelta(hours=1),
                blocked_until=start + timedelta(hours=1),
                price_amount=11500,
                status=BookingStatus.COMPLETED,
            )
        )
    Booking.objects.bulk_create(bookings)
    bookings = list(Booking.objects.filter(customer=customer))
    BookingEvent.objects.bulk_create(
        BookingEvent(booking=booking, from_status=status_from, to_status=status_to)
        for booking in bookings
        for status_from, status_to in (("", "confirmed"), ("confirmed", "completed"))
    )
    Payment.objects.bulk_create(
        Payment(
            booking=booking,
            customer=customer,
            provider="fake",
            amount=11500,
            currency="SAR",
            vat_amount=vat_included(11500),
            status=PaymentStatus.PAID,
            method="creditcard",
            card_brand="mada",
            card_last4="1234",
            paid_at=booking.start,
        )
        for number, booking in enumerate(bookings)
        if number % 3
    )
    Refund.objects.bulk_create(
        Refund(payment=payment, amount=5000, refunded_before=0, reason="admin", status="succeeded")
        for number, payment in enumerate(Payment.objects.filter(customer=customer))
        if number % 10 == 0
    )
    Notification.objects.bulk_create(
        Notification(
            recipient=customer,
            booking=booking,
            event="booking_confirmed",
            occurrence=str(booking.pk),
            template="booking_confirmed",
            language="ar",
            body=f"تم تأكيد حجزك {booking.reference}",
            channel="sms",
            status="sent",
        )
        for booking in bookings
    )
    return customer


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        configure_django(Path(temp))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext
        from rest_framework.test import APIClient

        original_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
        try:
            started = clock.perf_counter()
            customer = build()
            print(f"built {BOOKINGS} bookings in {clock.perf_counter() - started:.1f} s ({connection.vendor})")
            client = APIClient()
            client.force_authenticate(customer)
            with CaptureQueriesContext(connection) as queries:
                started = clock.perf_counter()
                response = client.get("/api/auth/me/export/")
                seconds = clock.perf_counter() - started
            print(
                f"export  {response.status_code}  {seconds:6.2f} s  {len(response.content) / 1e6:6.2f} MB  "
                f"{len(queries)} queries (target: under 5 s)"
            )
        finally:
            connection.creation.destroy_test_db(original_name, verbosity=0)


if __name__ == "__main__":
    main()
