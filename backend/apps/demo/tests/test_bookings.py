"""`seed_demo` also gives the demo a history: salon reviews, the stylist's day, the customer's visits."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Avg, Count
from django.utils import timezone

from apps.bookings.models import Booking, BookingStatus, Review
from apps.invoicing.models import Document, DocumentKind
from apps.salons.models import Salon

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def admin_password(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-admin-password")


def run_seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_every_salon_has_reviews_and_its_rating_comes_from_them():
    run_seed()

    for salon in Salon.objects.all():
        stats = Review.objects.filter(salon=salon).aggregate(average=Avg("rating"), count=Count("pk"))
        assert stats["count"] >= 3
        assert salon.rating_count == stats["count"]
        assert float(salon.rating_average) == pytest.approx(stats["average"], abs=0.005)
    assert all(review.booking.status == BookingStatus.COMPLETED for review in Review.objects.select_related("booking"))


def test_the_demo_customer_has_two_past_visits_and_an_upcoming_one():
    run_seed()

    bookings = Booking.objects.filter(customer__phone_number="+966500000001")

    assert sorted(bookings.values_list("status", flat=True)) == [
        BookingStatus.COMPLETED,
        BookingStatus.COMPLETED,
        BookingStatus.CONFIRMED,
    ]
    assert bookings.get(status=BookingStatus.CONFIRMED).start > timezone.now()


def test_a_visit_paid_online_has_its_invoice_and_the_credit_note_of_its_refund_and_is_kept_by_a_rerun():
    output = run_seed()
    paid = Booking.objects.get(reference="DMO-P0001")

    assert paid.customer.phone_number == "+966500000001"
    assert paid.salon.vat_number
    payment = paid.payments.get()
    assert (payment.status, payment.refunded_amount) == ("paid", 2000)
    invoice = Document.objects.get(payment=payment, kind=DocumentKind.INVOICE)
    note = Document.objects.get(kind=DocumentKind.CREDIT_NOTE)
    assert (note.original, note.total) == (invoice, 2000)
    assert "Invoices issued: 1, credit notes: 1." in output

    again = run_seed()

    assert Booking.objects.get(reference="DMO-P0001").pk == paid.pk
    assert Document.objects.count() == 2
    assert "Invoices issued: 0, credit notes: 0." in again


def test_a_rerun_replaces_the_demo_bookings_and_keeps_real_ones(book):
    run_seed()
    first = Booking.objects.count()
    real = book("10:00")

    output = run_seed()

    assert Booking.objects.filter(reference__startswith="DMO-").count() == first
    assert Booking.objects.filter(pk=real.pk).exists()
    assert "Demo bookings:" in output


def test_demo_reviews_are_dated_after_their_visit():
    run_seed()

    for review in Review.objects.select_related("booking"):
        assert review.booking.end < review.created_at < timezone.now()
