"""`seed_demo` ends with books that cover every paid demo booking: demo rows are written directly, past
the payments' events, so the seed posts what they miss last (`ledger_backfill`)."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from apps.backoffice.tests.conftest import make_payment
from apps.bookings.models import Booking, BookingStatus
from apps.demo.management.commands import seed_demo
from apps.ledger.backfill import received_payments
from apps.ledger.checks import ledger_check
from apps.ledger.models import Cause, LedgerTransaction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def admin_password(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-admin-password")


def run_seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_the_demo_ends_with_books_that_add_up():
    output = run_seed()

    assert "Ledger: " in output
    assert ledger_check().problems == []


def test_a_paid_demo_booking_is_in_the_books_and_its_salons_balance(monkeypatch):
    seed_bookings = seed_demo.seed_demo_bookings

    def with_a_paid_visit(**kwargs):
        result = seed_bookings(**kwargs)
        visit = Booking.objects.filter(reference__startswith="DMO-", status=BookingStatus.COMPLETED).first()
        payment = make_payment(visit)
        type(payment).objects.filter(pk=payment.pk).update(paid_at=visit.start - timedelta(days=1))
        return result

    monkeypatch.setattr(seed_demo, "seed_demo_bookings", with_a_paid_visit)

    output = run_seed()

    [payment] = received_payments()
    assert "Ledger: 2 transactions posted for 1 payments received." in output
    captured = LedgerTransaction.objects.get(payment=payment, cause=Cause.PAYMENT_CAPTURED)
    assert (captured.salon_id, captured.occurred_at) == (payment.booking.salon_id, payment.paid_at)
    assert ledger_check().problems == []
