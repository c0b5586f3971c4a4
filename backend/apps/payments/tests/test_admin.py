"""The payments admin: search, filters, the event log, and refunds through the refund service."""

import pytest
from django.test import Client

from apps.payments.models import EventSource, PaymentStatus, Refund, RefundReason, RefundStatus
from apps.payments.sync import payment_sync

from .conftest import MOYASAR, PRICE, make_payment, make_user, moyasar_payment, remote

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_user(first_name="Admin", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def paid(booking):
    payment = make_payment(booking)
    return payment_sync(payment_id=payment.id, remote=remote(payment, status="paid"), source=EventSource.REFRESH)


@pytest.mark.parametrize("term", ["reference", "phone", "moyasar_id"])
def test_payments_are_found_by_booking_reference_phone_or_moyasar_id(
    admin_client, paid, booking, book, other_customer, term
):
    make_payment(book("14:00", actor=other_customer))
    value = {"reference": booking.reference, "phone": booking.customer.phone_number, "moyasar_id": str(paid.id)}[term]

    response = admin_client.get("/admin/payments/payment/", {"q": value})

    assert response.status_code == 200
    assert [payment.pk for payment in response.context["cl"].result_list] == [paid.pk]


def test_payments_are_filtered_by_status_and_method(admin_client, paid, book):
    make_payment(book("14:00"))

    response = admin_client.get("/admin/payments/payment/", {"status__exact": "paid", "method__exact": "creditcard"})

    assert [payment.pk for payment in response.context["cl"].result_list] == [paid.pk]


def test_the_change_page_shows_the_event_log_and_the_refund_link(admin_client, paid):
    response = admin_client.get(f"/admin/payments/payment/{paid.pk}/change/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "status_changed" in html
    assert f"/admin/payments/payment/{paid.pk}/refund/" in html


def test_the_change_page_shows_amounts_in_sar_not_halalas(admin_client, paid):
    response = admin_client.get(f"/admin/payments/payment/{paid.pk}/change/", headers={"accept-language": "en"})

    html = response.content.decode()
    assert f"{paid.amount // 100}.{paid.amount % 100:02d} SAR" in html
    assert f"{paid.vat_amount // 100}.{paid.vat_amount % 100:02d} SAR" in html
    assert f'<div class="readonly">{paid.amount}</div>' not in html


def test_a_partial_refund_with_a_reason_goes_through_the_refund_service(
    admin_client, paid, moyasar, django_capture_on_commit_callbacks
):
    moyasar.post(
        f"{MOYASAR}/payments/{paid.id}/refund", json=moyasar_payment(paid.id, status="refunded", refunded=2550)
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/payments/payment/{paid.pk}/refund/", {"amount": "25.50", "note": "Started late"}
        )

    assert response.status_code == 302
    refund = Refund.objects.get()
    assert (refund.amount, refund.reason, refund.note, refund.status) == (
        2550,
        RefundReason.ADMIN,
        "Started late",
        RefundStatus.SUCCEEDED,
    )
    paid.refresh_from_db()
    assert (paid.status, paid.refunded_amount) == (PaymentStatus.PAID, 2550)


def test_a_refund_above_what_is_left_is_refused_on_the_form(admin_client, paid):
    response = admin_client.post(f"/admin/payments/payment/{paid.pk}/refund/", {"amount": "115.01", "note": "Too much"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert Refund.objects.count() == 0


def test_the_bulk_refund_action_needs_a_reason(admin_client, paid):
    response = admin_client.post(
        "/admin/payments/payment/", {"action": "refund_in_full", "_selected_action": [paid.pk], "note": ""}
    )

    assert response.status_code == 302
    assert Refund.objects.count() == 0


def test_the_bulk_refund_action_refunds_what_is_left(admin_client, paid):
    admin_client.post(
        "/admin/payments/payment/", {"action": "refund_in_full", "_selected_action": [paid.pk], "note": "Closed"}
    )

    refund = Refund.objects.get()
    assert (refund.amount, refund.note) == (PRICE, "Closed")


def test_failed_refunds_can_be_retried_from_the_refunds_list(admin_client, paid):
    refund = Refund.objects.create(
        payment=paid, amount=PRICE, reason=RefundReason.ADMIN, refunded_before=0, status=RefundStatus.FAILED
    )

    admin_client.post("/admin/payments/refund/", {"action": "retry_failed", "_selected_action": [refund.pk]})

    refund.refresh_from_db()
    assert refund.status == RefundStatus.PENDING


def test_the_refunds_list_loads(admin_client, paid):
    Refund.objects.create(payment=paid, amount=100, reason=RefundReason.ADMIN, refunded_before=0)

    assert admin_client.get("/admin/payments/refund/").status_code == 200
