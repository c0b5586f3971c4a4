from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings.models import Booking, BookingStatus
from apps.bookings.services import booking_expire_holds
from apps.notifications.models import Notification
from apps.waitlist import services
from apps.waitlist.models import EntryStatus, OfferOutcome, WaitlistOffer
from apps.waitlist.offers import waitlist_expire_entries, waitlist_offer_run

from .conftest import at, cancel

pytestmark = pytest.mark.django_db


def test_a_freed_time_is_held_for_the_first_in_line_and_told_with_a_link(full_day, line, day, settings):
    first, second = line(), line()
    cancel(full_day[0])

    offered = waitlist_offer_run()

    assert offered == 1
    offer = WaitlistOffer.objects.get()
    assert offer.entry == first
    assert offer.start == at(day, "10:00")
    booking = offer.booking
    assert (booking.customer, booking.status) == (first.customer, BookingStatus.PENDING)
    assert booking.hold_expires_at == offer.expires_at
    assert timedelta(minutes=14) < booking.hold_expires_at - timezone.now() <= timedelta(minutes=15)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (EntryStatus.OFFERED, EntryStatus.WAITING)
    message = Notification.objects.get(recipient=first.customer, booking=booking)
    assert message.template == "customer_waitlist_offer"
    assert f"{settings.FRONTEND_URL}/waitlist/offers/{booking.pk}" in message.body
    assert "١٥ دقيقة" in message.body


def test_offers_are_made_once_per_freed_time(full_day, line):
    line(), line()
    cancel(full_day[0])

    assert waitlist_offer_run() == 1
    assert waitlist_offer_run() == 0
    assert WaitlistOffer.objects.count() == 1


def test_the_cancellation_itself_sets_off_the_offer_after_commit(full_day, line, django_capture_on_commit_callbacks):
    first = line()

    with django_capture_on_commit_callbacks(execute=True):
        cancel(full_day[1])

    first.refresh_from_db()
    assert first.status == EntryStatus.OFFERED
    assert first.offers.get().start == full_day[1].start


def test_a_window_of_times_of_day_is_respected(full_day, line, day):
    afternoon_only = line(time_from=at(day, "11:00").time(), time_to=at(day, "12:00").time())
    cancel(full_day[0])  # 10:00 is free: outside the window

    assert waitlist_offer_run() == 0
    cancel(full_day[1])
    assert waitlist_offer_run() == 1
    assert afternoon_only.offers.get().start == at(day, "11:00")


def test_taking_the_offer_confirms_the_booking_and_books_the_entry(full_day, line):
    entry = line()
    cancel(full_day[0])
    waitlist_offer_run()
    offer = entry.offers.get()

    services.waitlist_offer_accept(customer=entry.customer, booking_id=offer.booking_id)

    offer.refresh_from_db(), entry.refresh_from_db()
    assert offer.booking.status == BookingStatus.CONFIRMED
    assert (offer.outcome, entry.status) == (OfferOutcome.BOOKED, EntryStatus.BOOKED)


def test_at_a_prepayment_salon_taking_the_offer_leaves_it_held_for_payment(full_day, line, salon):
    salon.requires_prepayment = True
    salon.save()
    entry = line()
    cancel(full_day[0])
    waitlist_offer_run()
    offer = entry.offers.get()

    services.waitlist_offer_accept(customer=entry.customer, booking_id=offer.booking_id)

    offer.refresh_from_db()
    assert (offer.outcome, offer.booking.status) == (OfferOutcome.OPEN, BookingStatus.PENDING)


def test_no_thanks_releases_the_time_to_the_next_and_never_offers_it_again(full_day, line):
    first, second = line(), line()
    cancel(full_day[0])
    waitlist_offer_run()
    declined = first.offers.get()

    services.waitlist_offer_decline(customer=first.customer, booking_id=declined.booking_id)
    waitlist_offer_run()

    declined.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert declined.outcome == OfferOutcome.DECLINED
    assert declined.booking.status == BookingStatus.CANCELLED
    assert (first.status, second.status) == (EntryStatus.WAITING, EntryStatus.OFFERED)
    assert second.offers.get().start == declined.start


def test_a_hold_that_runs_out_goes_to_the_next_in_line(full_day, line):
    first, second = line(), line()
    cancel(full_day[0])
    waitlist_offer_run()

    booking_expire_holds(now=timezone.now() + timedelta(minutes=16))
    waitlist_offer_run()

    lapsed = first.offers.get()
    assert lapsed.outcome == OfferOutcome.LAPSED
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (EntryStatus.WAITING, EntryStatus.OFFERED)


def test_leaving_with_a_time_held_lets_it_go(full_day, line):
    entry = line()
    cancel(full_day[0])
    waitlist_offer_run()

    services.waitlist_leave(customer=entry.customer, entry_id=entry.pk)

    entry.refresh_from_db()
    assert entry.status == EntryStatus.LEFT
    assert entry.offers.get().outcome == OfferOutcome.DECLINED
    assert Booking.objects.get(pk=entry.offers.get().booking_id).status == BookingStatus.CANCELLED


def test_entries_whose_window_passed_expire(line, day):
    passed = line(date_from=day - timedelta(days=4), date_to=day - timedelta(days=4))
    today_over = line(
        date_from=day - timedelta(days=3),
        date_to=day - timedelta(days=3),
        time_from=at(day, "00:00").time(),
        time_to=at(day, "00:01").time(),
    )
    current = line()

    expired = waitlist_expire_entries(now=at(day - timedelta(days=3), "09:00"))

    assert expired == 2
    for entry in (passed, today_over, current):
        entry.refresh_from_db()
    assert [passed.status, today_over.status, current.status] == ["expired", "expired", "waiting"]


def test_a_customer_who_cannot_book_is_passed_over(full_day, line, salon):
    from apps.bookings.models import SalonCustomer

    blocked, next_one = line(), line()
    SalonCustomer.objects.create(salon=salon, customer=blocked.customer, blocked=True)
    cancel(full_day[0])

    waitlist_offer_run()

    blocked.refresh_from_db(), next_one.refresh_from_db()
    assert (blocked.status, next_one.status) == (EntryStatus.WAITING, EntryStatus.OFFERED)
