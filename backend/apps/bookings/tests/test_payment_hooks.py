"""The bookings side of payments: a successful payment confirms (also after the hold ran out, while the
time is free), the state machine's system-only way back from expired, and the booking's payment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings import services
from apps.bookings.errors import InvalidTransition, SlotUnavailable
from apps.bookings.models import BookingEvent, BookingStatus
from apps.bookings.state import Action, Actor, allowed_actions, check_action
from apps.core.exceptions import AppError
from apps.payments.models import Payment, PaymentStatus

from .conftest import at, client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def prepaid(salon):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    return salon


@pytest.fixture
def pending(prepaid, service, stylist, customer, day):
    """A prepayment booking made now: pending, held for ten minutes."""
    return services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00"))


def _payment(booking, status=PaymentStatus.PAID) -> Payment:
    return Payment.objects.create(
        booking=booking,
        customer=booking.customer,
        provider="fake",
        amount=booking.price_amount,
        currency=booking.currency,
        vat_amount=1500,
        method="creditcard",
        status=status,
    )


def test_a_payment_confirms_a_pending_booking_as_the_system(pending):
    booking = services.booking_confirm_paid(booking_id=pending.pk)

    assert booking.status == BookingStatus.CONFIRMED
    event = BookingEvent.objects.filter(booking=pending).last()
    assert (event.from_status, event.to_status, event.actor_id) == (
        BookingStatus.PENDING,
        BookingStatus.CONFIRMED,
        None,
    )


def test_a_payment_after_the_hold_ran_out_confirms_while_the_time_is_free(pending):
    late = pending.hold_expires_at + timedelta(minutes=5)

    booking = services.booking_confirm_paid(booking_id=pending.pk, now=late)

    assert booking.status == BookingStatus.CONFIRMED


def test_an_expired_booking_comes_back_confirmed_while_the_time_is_free(pending):
    services.booking_expire_holds(now=pending.hold_expires_at + timedelta(seconds=1))

    booking = services.booking_confirm_paid(booking_id=pending.pk)

    assert booking.status == BookingStatus.CONFIRMED
    event = BookingEvent.objects.filter(booking=pending).last()
    assert (event.from_status, event.to_status) == (BookingStatus.EXPIRED, BookingStatus.CONFIRMED)


def test_an_expired_booking_whose_time_was_taken_stays_expired(pending, service, stylist, day):
    services.booking_expire_holds(now=pending.hold_expires_at + timedelta(seconds=1))
    services.booking_create(actor=make_user(), service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:30"))

    with pytest.raises(SlotUnavailable):
        services.booking_confirm_paid(booking_id=pending.pk)

    pending.refresh_from_db()
    assert pending.status == BookingStatus.EXPIRED


def test_a_dead_hold_whose_time_another_hold_now_covers_is_refused(pending, service, stylist, day):
    late = pending.hold_expires_at + timedelta(minutes=1)
    services.booking_create(
        actor=make_user(), service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00"), now=late
    )

    with pytest.raises(SlotUnavailable):
        services.booking_confirm_paid(booking_id=pending.pk, now=late)


def test_a_booking_whose_start_has_passed_is_refused(pending):
    with pytest.raises(SlotUnavailable):
        services.booking_confirm_paid(booking_id=pending.pk, now=pending.start + timedelta(minutes=1))


def test_confirming_a_confirmed_booking_again_is_a_no_op(pending):
    services.booking_confirm_paid(booking_id=pending.pk)
    events = BookingEvent.objects.count()

    booking = services.booking_confirm_paid(booking_id=pending.pk)

    assert booking.status == BookingStatus.CONFIRMED
    assert BookingEvent.objects.count() == events


def test_a_cancelled_booking_is_not_confirmed_by_a_payment(pending, customer):
    services.booking_cancel(booking_id=pending.pk, actor=customer)

    with pytest.raises(InvalidTransition):
        services.booking_confirm_paid(booking_id=pending.pk)


def test_only_the_system_confirms_from_expired_and_nobody_is_offered_it(pending, customer):
    later = timezone.now() + timedelta(minutes=11)
    everyone = frozenset({Actor.CUSTOMER, Actor.SALON, Actor.ADMIN})

    assert check_action(pending, Action.CONFIRM_PAID, frozenset({Actor.SYSTEM}), later) == Actor.SYSTEM
    with pytest.raises(AppError):
        check_action(pending, Action.CONFIRM_PAID, everyone, later)
    assert "confirm_paid" not in allowed_actions(pending, everyone, timezone.now())


def test_the_booking_shows_its_payment(pending, customer):
    failed = _payment(pending, status=PaymentStatus.FAILED)
    paid = _payment(pending)

    body = client_for(customer).get(f"/api/bookings/{pending.pk}/").json()

    assert failed.pk != paid.pk
    assert body["payment"] == {
        "id": str(paid.id),
        "status": "paid",
        "amount": pending.price_amount,
        "currency": "SAR",
        "vat_amount": 1500,
        "refunded_amount": 0,
        "method": "creditcard",
        "card_brand": "",
        "card_last4": "",
    }


def test_listing_bookings_reads_their_payments_in_one_query(
    prepaid, service, stylist, customer, day, django_assert_max_num_queries, settings
):
    settings.BOOKING_MAX_UPCOMING_PER_SALON = 10  # several bookings at one salon
    client = client_for(customer)
    first = services.booking_create(actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, "10:00"))
    _payment(first)
    with django_assert_max_num_queries(100) as one_booking:
        client.get("/api/bookings/")
    for hhmm in ("12:00", "14:00", "16:00"):
        booking = services.booking_create(
            actor=customer, service_id=service.pk, staff_id=stylist.pk, start=at(day, hhmm)
        )
        _payment(booking)

    with django_assert_max_num_queries(len(one_booking.captured_queries)):
        body = client.get("/api/bookings/").json()

    assert [item["payment"]["status"] for item in body["results"]] == ["paid"] * 4
