from datetime import timedelta

import pytest

from apps.bookings import services
from apps.bookings.models import Booking, BookingEvent, BookingStatus, CancelledByRole
from apps.core.exceptions import AppError
from apps.salons.tests.factories import make_staff

from .conftest import at, make_user, work_every_day

pytestmark = pytest.mark.django_db


def _error_code(call) -> str:
    with pytest.raises(AppError) as excinfo:
        call()
    return excinfo.value.code


def _events(booking) -> list[tuple]:
    return list(BookingEvent.objects.filter(booking=booking).values_list("from_status", "to_status", "reason"))


# --- Cancel -------------------------------------------------------------------------------------


def test_customer_cancels_exactly_at_the_deadline(book, customer, day):
    booking = book("10:00")
    deadline = at(day, "10:00") - timedelta(hours=24)

    cancelled = services.booking_cancel(booking_id=booking.pk, actor=customer, now=deadline)

    assert cancelled.status == BookingStatus.CANCELLED
    assert (cancelled.cancelled_by, cancelled.cancelled_by_role) == (customer, CancelledByRole.CUSTOMER)
    assert cancelled.cancelled_at == deadline
    assert _events(booking)[-1] == (BookingStatus.PENDING, BookingStatus.CANCELLED, "")


def _confirmed(booking):
    Booking.objects.filter(pk=booking.pk).update(status=BookingStatus.CONFIRMED)
    booking.refresh_from_db()
    return booking


def test_customer_cannot_cancel_a_confirmed_booking_one_second_after_the_deadline(book, customer, day):
    booking = _confirmed(book("10:00"))
    too_late = at(day, "10:00") - timedelta(hours=24) + timedelta(seconds=1)

    with pytest.raises(AppError) as excinfo:
        services.booking_cancel(booking_id=booking.pk, actor=customer, now=too_late)

    assert (excinfo.value.code, excinfo.value.status_code) == ("cancellation_window_passed", 400)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert len(_events(booking)) == 1


def test_customer_may_let_an_unpaid_hold_go_inside_the_window(book, customer, salon, day):
    salon.requires_prepayment = True
    salon.save()
    booking = book("10:00", now=at(day, "08:55"))

    cancelled = services.booking_cancel(booking_id=booking.pk, actor=customer, now=at(day, "09:00"))

    assert cancelled.status == BookingStatus.CANCELLED


def test_the_window_applies_to_a_booking_awaiting_the_salons_confirmation(book, customer, day):
    booking = book("10:00")

    with pytest.raises(AppError) as excinfo:
        services.booking_cancel(booking_id=booking.pk, actor=customer, now=at(day, "09:00"))

    assert excinfo.value.code == "cancellation_window_passed"


def test_the_window_follows_the_salon_setting(book, customer, salon, day):
    salon.cancellation_window_hours = 2
    salon.save()
    booking = book("10:00")

    cancelled = services.booking_cancel(booking_id=booking.pk, actor=customer, now=at(day, "08:00"))

    assert cancelled.status == BookingStatus.CANCELLED


def test_salon_cancels_any_time_with_a_reason(book, stylist_user, day):
    booking = book("10:00")

    cancelled = services.booking_cancel(
        booking_id=booking.pk, actor=stylist_user, reason="  Stylist is ill ", now=at(day, "09:59")
    )

    assert (cancelled.status, cancelled.cancelled_by_role) == (BookingStatus.CANCELLED, CancelledByRole.SALON)
    assert cancelled.cancellation_reason == "Stylist is ill"
    assert _events(booking)[-1] == (BookingStatus.PENDING, BookingStatus.CANCELLED, "Stylist is ill")


def test_salon_cancellation_needs_a_reason(book, manager, now):
    booking = book("10:00")

    assert _error_code(lambda: services.booking_cancel(booking_id=booking.pk, actor=manager, reason=" ", now=now)) == (
        "reason_required"
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_admin_cancels_with_admin_role(book, now):
    booking = book("10:00")
    admin = make_user(is_staff=True)

    cancelled = services.booking_cancel(booking_id=booking.pk, actor=admin, reason="Fraud", as_admin=True, now=now)

    assert (cancelled.cancelled_by, cancelled.cancelled_by_role) == (admin, CancelledByRole.ADMIN)


def test_someone_unrelated_cannot_cancel_and_learns_nothing(book, now):
    booking = book("10:00")

    with pytest.raises(AppError) as excinfo:
        services.booking_cancel(booking_id=booking.pk, actor=make_user(), reason="x", now=now)

    assert (excinfo.value.code, excinfo.value.status_code) == ("booking_not_found", 404)


def test_cancelling_twice_is_an_invalid_transition(book, customer, now):
    booking = book("10:00")
    services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)

    assert _error_code(lambda: services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)) == (
        "invalid_transition"
    )


def test_cancelling_frees_the_slot_for_someone_else(book, customer, now, day):
    booking = book("10:00")
    services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)

    assert book("10:00", actor=make_user()).start == at(day, "10:00")


# --- Reschedule ---------------------------------------------------------------------------------


def test_customer_reschedules_to_a_free_slot_keeping_status(book, customer, now, day):
    booking = book("10:00")

    moved = services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:00"), now=now)

    moved.refresh_from_db()
    assert (moved.start, moved.end, moved.blocked_until) == (at(day, "15:00"), at(day, "16:00"), at(day, "16:00"))
    assert moved.status == BookingStatus.PENDING
    event = BookingEvent.objects.filter(booking=booking).last()
    assert (event.from_status, event.to_status) == (BookingStatus.PENDING, BookingStatus.PENDING)
    assert event.data == {"old_start": at(day, "10:00").isoformat(), "new_start": at(day, "15:00").isoformat()}


def test_reschedule_may_overlap_its_own_current_time(book, customer, now, day):
    booking = book("10:00")

    moved = services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "10:30"), now=now)

    assert moved.start == at(day, "10:30")


def test_reschedule_to_a_taken_slot_leaves_the_booking_unchanged(book, customer, now, day):
    booking = book("10:00")
    book("15:00", actor=make_user())

    with pytest.raises(AppError) as excinfo:
        services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:30"), now=now)

    assert (excinfo.value.code, excinfo.value.status_code) == ("slot_unavailable", 409)
    booking.refresh_from_db()
    assert (booking.start, booking.end) == (at(day, "10:00"), at(day, "11:00"))
    assert BookingEvent.objects.filter(booking=booking).count() == 1


def test_reschedule_into_another_own_booking_is_customer_overlap(book, customer, salon, service, now, day):
    other_stylist = make_staff(salon, services=[service])
    work_every_day(other_stylist)
    booking = book("10:00")
    book("15:00", staff_id=other_stylist.pk)

    assert _error_code(
        lambda: services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:00"), now=now)
    ) == ("customer_overlap")


def test_customer_reschedule_follows_the_cancellation_window(book, customer, day):
    booking = _confirmed(book("10:00"))
    too_late = at(day, "10:00") - timedelta(hours=23)

    assert _error_code(
        lambda: services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:00"), now=too_late)
    ) == ("cancellation_window_passed")


def test_salon_reschedules_inside_the_window(book, manager, day):
    booking = book("10:00")

    moved = services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=at(day, "15:00"), now=at(day, "08:00")
    )

    assert moved.start == at(day, "15:00")


def test_reschedule_checks_the_time_rules(book, customer, now, day):
    booking = book("10:00")

    assert _error_code(
        lambda: services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:10"), now=now)
    ) == ("slot_not_on_grid")
    assert _error_code(
        lambda: services.booking_reschedule(
            booking_id=booking.pk, actor=customer, start=now - timedelta(hours=1), now=now
        )
    ) == ("start_in_past")


def test_a_cancelled_booking_cannot_be_rescheduled(book, customer, now, day):
    booking = book("10:00")
    services.booking_cancel(booking_id=booking.pk, actor=customer, now=now)

    assert _error_code(
        lambda: services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(day, "15:00"), now=now)
    ) == ("invalid_transition")


# --- Confirm, complete, no-show -----------------------------------------------------------------


def test_salon_confirms_a_pending_booking(book, stylist_user, now):
    booking = book("10:00")

    confirmed = services.booking_confirm(booking_id=booking.pk, actor=stylist_user, now=now)

    assert confirmed.status == BookingStatus.CONFIRMED
    assert _events(booking)[-1] == (BookingStatus.PENDING, BookingStatus.CONFIRMED, "")


def test_confirm_at_a_prepayment_salon_is_refused(book, salon, manager, now):
    salon.requires_prepayment = True
    salon.save()
    booking = book("10:00")

    assert _error_code(lambda: services.booking_confirm(booking_id=booking.pk, actor=manager, now=now)) == (
        "prepayment_required"
    )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_the_system_confirms_a_paid_booking_at_a_prepayment_salon(book, salon, now):
    salon.requires_prepayment = True
    salon.save()
    booking = book("10:00")

    assert services.booking_confirm(booking_id=booking.pk, actor=None, now=now).status == BookingStatus.CONFIRMED


def test_customer_cannot_confirm_their_own_booking(book, customer, now):
    booking = book("10:00")

    with pytest.raises(AppError) as excinfo:
        services.booking_confirm(booking_id=booking.pk, actor=customer, now=now)

    assert (excinfo.value.code, excinfo.value.status_code) == ("not_allowed", 403)


def test_complete_and_no_show_only_after_the_start(book, manager, day):
    first = book("10:00", actor=manager, customer_phone="0551234567")
    second = book("12:00", actor=manager, customer_phone="0551234568")

    assert _error_code(lambda: services.booking_complete(booking_id=first.pk, actor=manager, now=at(day, "09:59"))) == (
        "not_started_yet"
    )
    assert _error_code(
        lambda: services.booking_mark_no_show(booking_id=second.pk, actor=manager, now=at(day, "11:59"))
    ) == ("not_started_yet")
    completed = services.booking_complete(booking_id=first.pk, actor=manager, now=at(day, "10:00"))
    no_show = services.booking_mark_no_show(booking_id=second.pk, actor=manager, now=at(day, "12:20"))

    assert (completed.status, no_show.status) == (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (BookingStatus.PENDING, "complete"),
        (BookingStatus.PENDING, "no_show"),
        (BookingStatus.CONFIRMED, "confirm"),
        (BookingStatus.COMPLETED, "cancel"),
        (BookingStatus.COMPLETED, "confirm"),
        (BookingStatus.COMPLETED, "no_show"),
        (BookingStatus.CANCELLED, "confirm"),
        (BookingStatus.CANCELLED, "complete"),
        (BookingStatus.NO_SHOW, "complete"),
        (BookingStatus.NO_SHOW, "cancel"),
        (BookingStatus.EXPIRED, "confirm"),
        (BookingStatus.EXPIRED, "cancel"),
    ],
)
def test_transitions_outside_the_state_machine_are_refused(book, manager, day, status, action):
    booking = book("10:00")
    Booking.objects.filter(pk=booking.pk).update(status=status)
    calls = {
        "confirm": lambda: services.booking_confirm(booking_id=booking.pk, actor=manager, now=at(day, "10:30")),
        "complete": lambda: services.booking_complete(booking_id=booking.pk, actor=manager, now=at(day, "10:30")),
        "no_show": lambda: services.booking_mark_no_show(booking_id=booking.pk, actor=manager, now=at(day, "10:30")),
        "cancel": lambda: services.booking_cancel(
            booking_id=booking.pk, actor=manager, reason="x", now=at(day, "10:30")
        ),
    }

    assert _error_code(calls[action]) == "invalid_transition"
    booking.refresh_from_db()
    assert booking.status == status


def test_a_pending_booking_whose_hold_ran_out_counts_as_expired(book, salon, customer, now):
    salon.requires_prepayment = True
    salon.save()
    booking = book("10:00")

    later = now + timedelta(minutes=salon.hold_minutes)
    assert _error_code(lambda: services.booking_cancel(booking_id=booking.pk, actor=customer, now=later)) == (
        "invalid_transition"
    )
