"""Fault test: a worker killed in the middle of a booking (after its row is written, before the commit)
leaves nothing behind: no booking, no hold, no lock; the same slot can be booked at once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from apps.bookings import services
from apps.bookings.models import Booking

from .conftest import at

BACKEND_DIR = Path(__file__).resolve().parents[3]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a second process on the same database"),
    pytest.mark.django_db(transaction=True),
]

# Runs in the doomed process: book through the service, and die (SIGKILL, as the OOM killer or a
# gunicorn timeout would) right after the booking row is inserted, inside the service's transaction.
DOOMED = """
import os, signal, sys
from datetime import datetime
import django
django.setup()
from django.db import connection
from apps.accounts.models import User
from apps.bookings.services import booking_create

def die_after_the_booking_insert(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    if sql.startswith('INSERT INTO "bookings_booking"'):
        os.kill(os.getpid(), signal.SIGKILL)
    return result

customer_id, service_id, staff_id, start = sys.argv[1:5]
with connection.execute_wrapper(die_after_the_booking_insert):
    booking_create(
        actor=User.objects.get(pk=customer_id),
        service_id=int(service_id),
        staff_id=int(staff_id),
        start=datetime.fromisoformat(start),
    )
print("not killed")
"""


def test_a_worker_killed_mid_booking_leaves_nothing_and_the_slot_free(service, stylist, customer, day):
    start = at(day, "10:00")
    settings_dict = connection.settings_dict
    database_url = (
        f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
        f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1", "DATABASE_URL": database_url}

    doomed = subprocess.run(  # noqa: S603 - our own code
        [sys.executable, "-c", DOOMED, str(customer.pk), str(service.pk), str(stylist.pk), start.isoformat()],
        cwd=BACKEND_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert doomed.returncode == -9, doomed.stdout + doomed.stderr
    assert Booking.objects.count() == 0
    booking = services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=start)
    assert Booking.objects.get().pk == booking.pk
