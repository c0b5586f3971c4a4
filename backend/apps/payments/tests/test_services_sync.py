"""Following the gateway: paid confirms the booking, late payments, taken slots, cancellations in
flight, double payments, forward-only statuses and amount mismatches."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone
from responses import matchers

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.payments.models import EventSource, Payment, PaymentEvent, PaymentStatus, Refund, RefundStatus
from apps.payments.sync import payment_sync

from .conftest import MOYASAR, PRICE, make_payment, make_user, moyasar_payment, remote, sent

pytestmark = pytest.mark.django_db


def _sync(payment, **kwargs) -> Payment:
    return payment_sync(payment_id=payment.id, remote=remote(payment, **kwargs), source=EventSource.REFRESH)


def test_paid_confirms_the_booking_and_asks_for_one_payment_received(booking, notifications):
    payment = make_payment(booking)

    synced = _sync(payment, status="paid")

    assert synced.status == PaymentStatus.PAID
    assert synced.paid_at is not None
    assert (synced.card_brand, synced.card_last4) == ("mada", "1010")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert sent(notifications, "payment_received") == [
        {
            "booking_id": booking.pk,
            "event": "payment_received",
            "actor_id": None,
            "data": {"payment_id": str(payment.id), "amount": PRICE, "currency": "SAR"},
        }
    ]
    assert list(payment.events.values_list("kind", "from_status", "to_status")) == [
        ("status_changed", "initiated", "paid")
    ]


def test_the_same_report_twice_changes_nothing_the_second_time(booking, notifications):
    payment = make_payment(booking)
    _sync(payment, status="paid")

    _sync(payment, status="paid")

    assert payment.events.filter(kind="status_changed").count() == 1
    assert len(sent(notifications, "payment_received")) == 1
    assert BookingEvent.objects.filter(booking=booking, to_status=BookingStatus.CONFIRMED).count() == 1


def test_a_decline_fails_the_payment_and_leaves_the_booking_pending(booking, notifications):
    payment = make_payment(booking)

    synced = _sync(payment, status="failed", message="INSUFFICIENT FUNDS")

    assert (synced.status, synced.failure_message) == (PaymentStatus.FAILED, "INSUFFICIENT FUNDS")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING
    assert sent(notifications, "payment_received") == []


def test_statuses_only_move_forward_a_late_failed_never_undoes_paid(booking):
    payment = make_payment(booking)
    _sync(payment, status="paid")

    synced = _sync(payment, status="failed", message="DECLINED")

    assert synced.status == PaymentStatus.PAID
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED


def test_payment_arriving_after_the_hold_expired_confirms_when_the_slot_is_free(booking):
    payment = make_payment(booking)
    booking_services.booking_expire_holds(now=booking.hold_expires_at + timedelta(seconds=1))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED

    _sync(payment, status="paid")

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    last = BookingEvent.objects.filter(booking=booking).last()
    assert (last.from_status, last.to_status, last.actor_id) == (BookingStatus.EXPIRED, BookingStatus.CONFIRMED, None)


def test_payment_arriving_after_the_slot_was_taken_is_refunded_and_the_customer_told(
    moyasar, booking, book, notifications, django_capture_on_commit_callbacks
):
    payment = make_payment(booking)
    booking_services.booking_expire_holds(now=timezone.now() + timedelta(minutes=11))
    book(actor=make_user(first_name="Sara"))  # the freed slot goes to someone else
    moyasar.post(
        f"{MOYASAR}/payments/{payment.id}/refund",
        json=moyasar_payment(payment.id, status="refunded", refunded=PRICE),
        match=[matchers.json_params_matcher({"amount": PRICE})],
    )

    with django_capture_on_commit_callbacks(execute=True):
        synced = _sync(payment, status="paid")

    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    refund = Refund.objects.get()
    assert (refund.reason, refund.amount, refund.status) == ("slot_taken", PRICE, RefundStatus.SUCCEEDED)
    synced.refresh_from_db()
    assert (synced.status, synced.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)
    assert [call["data"]["reason"] for call in sent(notifications, "refund_issued")] == ["slot_taken"]
    assert payment.events.filter(kind="booking_not_confirmed").get().data == {"code": "slot_unavailable"}


def test_payment_arriving_after_the_customer_cancelled_is_refunded(
    moyasar, booking, customer, notifications, django_capture_on_commit_callbacks
):
    payment = make_payment(booking)
    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    moyasar.post(
        f"{MOYASAR}/payments/{payment.id}/refund", json=moyasar_payment(payment.id, status="refunded", refunded=PRICE)
    )

    with django_capture_on_commit_callbacks(execute=True):
        _sync(payment, status="paid")

    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    refund = Refund.objects.get()
    assert (refund.reason, refund.status) == ("booking_cancelled", RefundStatus.SUCCEEDED)
    assert [call["data"]["reason"] for call in sent(notifications, "refund_issued")] == ["booking_cancelled"]


def test_a_second_payment_reported_paid_is_a_duplicate_and_refunded(
    moyasar, booking, notifications, django_capture_on_commit_callbacks
):
    first, second = make_payment(booking), make_payment(booking)
    _sync(first, status="paid")
    moyasar.post(
        f"{MOYASAR}/payments/{second.id}/refund", json=moyasar_payment(second.id, status="refunded", refunded=PRICE)
    )

    with django_capture_on_commit_callbacks(execute=True):
        duplicate = _sync(second, status="paid")

    first.refresh_from_db()
    duplicate.refresh_from_db()
    assert first.status == PaymentStatus.PAID
    assert duplicate.status == PaymentStatus.REFUNDED
    assert duplicate.events.filter(to_status=PaymentStatus.DUPLICATE).count() == 1
    assert Refund.objects.get().reason == "duplicate_payment"
    assert len(sent(notifications, "payment_received")) == 1
    assert [call["data"] for call in sent(notifications, "duplicate_received")] == [
        {"payment_id": str(second.id), "amount": PRICE, "currency": "SAR"}
    ]
    assert [call["data"]["payment_id"] for call in sent(notifications, "refund_issued")] == [str(second.id)]


def test_the_database_refuses_two_payments_holding_money_for_one_booking(booking):
    make_payment(booking, status=PaymentStatus.PAID)

    with pytest.raises(IntegrityError):
        make_payment(booking, status=PaymentStatus.CAPTURED)


def test_an_amount_mismatch_is_flagged_and_never_marked_paid(booking, notifications):
    payment = make_payment(booking)

    synced = _sync(payment, status="paid", amount=100)

    assert synced.status == PaymentStatus.INITIATED
    assert synced.flagged is True
    assert synced.flag_reason == f"amount 100 instead of {PRICE}"
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING
    assert sent(notifications, "payment_received") == []
    assert PaymentEvent.objects.get(kind="mismatch").data["amount"] == 100


def test_a_currency_or_booking_mismatch_is_flagged_too(booking, book):
    other_booking = book("14:00")
    payment = make_payment(booking)
    other = make_payment(other_booking)

    _sync(payment, status="paid", currency="USD")
    _sync(other, status="paid", metadata={"booking_id": str(booking.pk)})

    flagged = dict(Payment.objects.values_list("id", "flag_reason"))
    assert flagged == {
        payment.id: "currency USD instead of SAR",
        other.id: f"metadata booking_id {booking.pk} instead of {other_booking.pk}",
    }
    assert set(Booking.objects.values_list("status", flat=True)) == {BookingStatus.PENDING}


def test_a_partial_refund_reported_as_refunded_keeps_the_payment_paid(booking):
    payment = make_payment(booking)
    _sync(payment, status="paid")

    synced = _sync(payment, status="refunded", refunded=5000)

    assert (synced.status, synced.refunded_amount) == (PaymentStatus.PAID, 5000)


def test_a_full_refund_is_decided_by_the_amounts(booking):
    payment = make_payment(booking)
    _sync(payment, status="paid")

    synced = _sync(payment, status="refunded", refunded=PRICE)

    assert (synced.status, synced.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)


def test_money_reported_for_a_payment_we_failed_is_taken_like_any_payment(booking, notifications):
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway.")

    synced = _sync(payment, status="paid")

    assert (synced.status, synced.paid_at is not None) == (PaymentStatus.PAID, True)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len(sent(notifications, "payment_received")) == 1


def test_money_reported_for_a_payment_we_failed_after_the_booking_was_cancelled_is_refunded(
    moyasar, booking, customer, django_capture_on_commit_callbacks
):
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway.")
    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    moyasar.post(
        f"{MOYASAR}/payments/{payment.id}/refund", json=moyasar_payment(payment.id, status="refunded", refunded=PRICE)
    )

    with django_capture_on_commit_callbacks(execute=True):
        _sync(payment, status="paid")

    payment.refresh_from_db()
    assert (payment.status, payment.refunded_amount) == (PaymentStatus.REFUNDED, PRICE)
    assert Refund.objects.get().reason == "booking_cancelled"


def test_a_decline_reported_for_a_payment_we_failed_keeps_it_failed_with_the_gateways_reason(booking):
    payment = make_payment(booking, status=PaymentStatus.FAILED, failure_message="Not found at the gateway.")

    synced = _sync(payment, status="failed", message="DECLINED")

    assert (synced.status, synced.failure_message) == (PaymentStatus.FAILED, "DECLINED")
    assert synced.events.filter(kind="status_changed").count() == 0
