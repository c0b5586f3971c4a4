"""`seed_demo` ends with books that cover every paid demo booking: demo rows are written directly, past
the payments' events, so the seed posts what they miss last (`ledger_backfill`)."""

import io

import pytest
from django.core.management import call_command

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


def test_the_demo_visit_paid_online_is_in_the_books_with_its_refund():
    output = run_seed()

    [payment] = received_payments()
    assert "Ledger: " in output
    captured = LedgerTransaction.objects.get(payment=payment, cause=Cause.PAYMENT_CAPTURED)
    assert (captured.salon_id, captured.occurred_at) == (payment.booking.salon_id, payment.paid_at)
    [refund] = payment.refunds.all()
    assert LedgerTransaction.objects.filter(refund=refund, cause=Cause.REFUND_SUCCEEDED).count() == 1
    assert ledger_check().problems == []


def test_a_second_run_posts_nothing_twice():
    run_seed()
    posted = LedgerTransaction.objects.count()

    output = run_seed()

    assert LedgerTransaction.objects.count() == posted
    assert "Ledger: 0 transactions posted" in output
    assert ledger_check().problems == []
