"""Refunds: a cancelled paid booking is refunded in full; failures are recorded and retried without
ever refunding twice; administrators refund all or part with a reason."""

from datetime import timedelta

import pytest
import requests
from django.db import IntegrityError
from django.utils import timezone
from responses import matchers

from apps.bookings import services as booking_services
from apps.bookings.models import BookingStatus
from apps.payments.errors import PaymentNotRefundable, RefundAmountInvalid, RefundInProgress
from apps.payments.models import EventSource, PaymentStatus, Refund, RefundReason, RefundStatus
from apps.payments.refund_requests import refund_create, refund_retry
from apps.payments.refunds import MAX_REFUND_ATTEMPTS
from apps.payments.sync import payment_sync, refund_execute

from .conftest import MOYASAR, PRICE, make_payment, make_user, moyasar_payment, remote, sent

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid(booking):
    """A paid payment; its booking is confirmed."""
    payment = make_payment(booking)
    return payment_sync(payment_id=payment.id, remote=remote(payment, status="paid"), source=EventSource.REFRESH)


@pytest.fixture
def admin_user():
    return make_user(first_name="Admin", is_staff=True, is_superuser=True)


def _refund_endpoint(payment) -> str:
    return f"{MOYASAR}/payments/{payment.id}/refund"


def test_customer_cancelling_a_paid_booking_is_refunded_in_full_after_commit(
    moyasar, paid, booking, customer, notifications, django_capture_on_commit_callbacks
):
    moyasar.post(
        _refund_endpoint(paid),
        json=moyasar_payment(paid.id, status="refunded", refunded=PRICE),
        match=[matchers.json_params_matcher({"amount": PRICE})],
    )

    with django_capture_on_commit_callbacks() as callbacks:
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    refund = Refund.objects.get()
    assert (refund.status, refund.amount, refund.reason) == (RefundStatus.PENDING, PRICE, "booking_cancelled")
    assert len(moyasar.calls) == 0  # nothing leaves the process inside the transaction
    for callback in callbacks:
        callback()

    refund.refresh_from_db()
    paid.refresh_from_db()
    assert (refund.status, refund.attempts) == (RefundStatus.SUCCEEDED, 1)
    assert (paid.status, paid.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)
    assert sent(notifications, "refund_issued") == [
        {
            "booking_id": booking.pk,
            "event": "refund_issued",
            "actor_id": None,
            "data": {
                "refund_id": str(refund.id),
                "payment_id": str(paid.id),
                "amount": PRICE,
                "currency": "SAR",
                "reason": "booking_cancelled",
            },
        }
    ]


def test_the_salon_cancelling_refunds_too(moyasar, paid, booking, salon, django_capture_on_commit_callbacks):
    manager = make_user(first_name="Maha", role="manager")
    salon.managers.add(manager)
    moyasar.post(_refund_endpoint(paid), json=moyasar_payment(paid.id, status="refunded", refunded=PRICE))

    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Stylist ill")

    assert Refund.objects.get().status == RefundStatus.SUCCEEDED


def test_cancelling_an_unpaid_booking_refunds_nothing(booking, customer, moyasar):
    make_payment(booking)

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert Refund.objects.count() == 0


def test_a_failed_refund_call_is_recorded_and_the_retry_sees_it_went_through_without_refunding_twice(
    moyasar, paid, booking, customer, django_capture_on_commit_callbacks
):
    moyasar.post(_refund_endpoint(paid), body=requests.Timeout("read timed out"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    refund = Refund.objects.get()
    assert (refund.status, refund.attempts) == (RefundStatus.PENDING, 1)
    assert "Timeout" in refund.last_error
    assert refund.next_attempt_at > timezone.now()
    # The timed-out call did reach Moyasar: the payment shows it refunded.
    moyasar.get(f"{MOYASAR}/payments/{paid.id}", json=moyasar_payment(paid.id, status="refunded", refunded=PRICE))

    retried = refund_execute(refund_id=refund.id, now=refund.next_attempt_at)

    assert (retried.status, retried.attempts) == (RefundStatus.SUCCEEDED, 2)
    assert [call.request.method for call in moyasar.calls] == ["POST", "GET"]


def test_the_retry_refunds_when_the_payment_shows_the_earlier_call_did_not_happen(
    moyasar, paid, booking, customer, django_capture_on_commit_callbacks
):
    moyasar.post(_refund_endpoint(paid), body=requests.ConnectionError("reset"))
    with django_capture_on_commit_callbacks(execute=True):
        booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    refund = Refund.objects.get()
    moyasar.get(f"{MOYASAR}/payments/{paid.id}", json=moyasar_payment(paid.id, status="paid"))
    moyasar.replace("POST", _refund_endpoint(paid), json=moyasar_payment(paid.id, status="refunded", refunded=PRICE))

    retried = refund_execute(refund_id=refund.id, now=refund.next_attempt_at)

    assert retried.status == RefundStatus.SUCCEEDED
    assert [call.request.method for call in moyasar.calls] == ["POST", "GET", "POST"]


def test_a_refund_claimed_by_another_process_is_left_alone(moyasar, paid, admin_user):
    refund = refund_create(payment_id=paid.id, amount=PRICE, actor=admin_user, note="Goodwill")
    Refund.objects.filter(pk=refund.pk).update(next_attempt_at=timezone.now() + timedelta(minutes=5))

    assert refund_execute(refund_id=refund.pk) is None
    assert len(moyasar.calls) == 0


def test_a_refund_moyasar_refuses_fails_for_an_operator_and_can_be_retried(moyasar, paid, admin_user):
    moyasar.post(
        _refund_endpoint(paid),
        status=400,
        json={"type": "invalid_request_error", "message": "Payment can't be refunded", "errors": None},
    )
    refund = refund_create(payment_id=paid.id, amount=PRICE, actor=admin_user, note="Goodwill")

    failed = refund_execute(refund_id=refund.id)

    assert (failed.status, failed.last_error) == (RefundStatus.FAILED, "Payment can't be refunded")
    retried = refund_retry(refund_id=refund.id, actor=admin_user)
    assert (retried.status, retried.attempts, retried.next_attempt_at) == (RefundStatus.PENDING, 1, None)


def test_a_refund_is_given_up_after_the_maximum_attempts(moyasar, paid, admin_user):
    moyasar.get(f"{MOYASAR}/payments/{paid.id}", json=moyasar_payment(paid.id, status="paid"))
    moyasar.post(_refund_endpoint(paid), status=503, json={"type": "api_error", "message": "Maintenance"})
    refund = refund_create(payment_id=paid.id, amount=PRICE, actor=admin_user, note="Goodwill")
    Refund.objects.filter(pk=refund.pk).update(attempts=MAX_REFUND_ATTEMPTS - 1)

    last = refund_execute(refund_id=refund.id)

    assert (last.status, last.attempts) == (RefundStatus.FAILED, MAX_REFUND_ATTEMPTS)


def test_administrator_refunds_part_then_the_rest(moyasar, paid, admin_user, notifications):
    moyasar.post(
        _refund_endpoint(paid),
        json=moyasar_payment(paid.id, status="refunded", refunded=5000),
        match=[matchers.json_params_matcher({"amount": 5000})],
    )
    moyasar.post(
        _refund_endpoint(paid),
        json=moyasar_payment(paid.id, status="refunded", refunded=PRICE),
        match=[matchers.json_params_matcher({"amount": PRICE - 5000})],
    )

    first = refund_create(payment_id=paid.id, amount=5000, actor=admin_user, note="Late start")
    refund_execute(refund_id=first.id)
    paid.refresh_from_db()
    assert (paid.status, paid.refunded_amount) == (PaymentStatus.PAID, 5000)
    second = refund_create(payment_id=paid.id, amount=PRICE - 5000, actor=admin_user, note="Rest")
    refund_execute(refund_id=second.id)

    paid.refresh_from_db()
    assert (paid.status, paid.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)
    assert [r.reason for r in Refund.objects.order_by("created_at")] == [RefundReason.ADMIN, RefundReason.ADMIN]
    assert [call["data"]["amount"] for call in sent(notifications, "refund_issued")] == [5000, PRICE - 5000]
    booking = paid.booking
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


@pytest.mark.parametrize("amount", [0, PRICE + 1])
def test_administrator_cannot_refund_nothing_or_more_than_is_left(paid, admin_user, amount):
    with pytest.raises(RefundAmountInvalid):
        refund_create(payment_id=paid.id, amount=amount, actor=admin_user)

    assert Refund.objects.count() == 0


def test_one_refund_in_flight_per_payment(paid, admin_user):
    refund_create(payment_id=paid.id, amount=1000, actor=admin_user)

    with pytest.raises(RefundInProgress):
        refund_create(payment_id=paid.id, amount=1000, actor=admin_user)

    assert Refund.objects.count() == 1


def test_the_database_refuses_a_second_pending_refund(paid):
    Refund.objects.create(payment=paid, amount=100, reason=RefundReason.ADMIN, refunded_before=0)

    with pytest.raises(IntegrityError):
        Refund.objects.create(payment=paid, amount=100, reason=RefundReason.ADMIN, refunded_before=0)


def test_an_unpaid_payment_cannot_be_refunded(booking, admin_user):
    payment = make_payment(booking)

    with pytest.raises(PaymentNotRefundable):
        refund_create(payment_id=payment.id, amount=100, actor=admin_user)

    assert Refund.objects.count() == 0
