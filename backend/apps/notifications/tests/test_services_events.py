"""Every booking and payment event produces the right messages for the right people, in their
language, once. Bookings are changed through the bookings services, as in production."""

import pytest
from django.apps import apps

from apps.bookings import services as booking_services
from apps.bookings.models import Booking, BookingStatus
from apps.bookings.tests.conftest import at, make_user, work_every_day
from apps.notifications.models import Notification
from apps.salons.tests.factories import make_staff

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db


def messages_of(booking: Booking, **filters) -> list[tuple[str, str, str, str]]:
    """(recipient phone, event, template, language) of the booking's messages, oldest first."""
    rows = Notification.objects.filter(booking=booking, **filters).order_by("pk")
    return [(row.recipient.phone_number, row.event, row.template, row.language) for row in rows]


def body_for(booking: Booking, user, event: str) -> str:
    return Notification.objects.get(booking=booking, recipient=user, event=event).body


# --- created ------------------------------------------------------------------------------------


def test_a_new_booking_tells_the_customer_and_the_stylist_in_their_languages(book, customer, stylist_user):
    booking = book()
    ref = booking.reference

    assert messages_of(booking) == [
        ("+966500000101", "created", "customer_created_awaiting", "ar"),
        ("+966500000201", "created", "staff_new_awaiting", "en"),
    ]
    assert body_for(booking, customer, "created") == (
        f"استلمنا طلب حجزك {ref} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م. "
        "سيؤكده الصالون قريبًا."
    )
    assert body_for(booking, stylist_user, "created") == (
        f"New booking {ref} at Lamasat Beauty Salon, awaiting the salon's confirmation: Sara, Haircut and styling, "
        "Thursday, March 5 at 4:30 PM."
    )
    row = Notification.objects.get(booking=booking, recipient=customer)
    assert (row.status, row.channel, row.occurrence, row.attempts, row.read_at) == ("pending", "sms", "", 0, None)


def test_a_new_booking_in_the_other_languages(book, customer, stylist_user):
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])
    stylist_user.preferred_language = "ar"
    stylist_user.save(update_fields=["preferred_language"])

    booking = book()
    ref = booking.reference

    assert body_for(booking, customer, "created") == (
        f"We received your booking {ref} at Lamasat Beauty Salon: Haircut and styling with Hessa, "
        "Thursday, March 5 at 4:30 PM. The salon will confirm it shortly."
    )
    assert body_for(booking, stylist_user, "created") == (
        f"حجز جديد {ref} في صالون لمسات الجمال بانتظار تأكيد الصالون: Sara، قص وتصفيف الشعر، الخميس، ٥ مارس في ٤:٣٠ م."
    )


def test_an_unpaid_hold_says_how_long_it_lasts_and_the_stylist_hears_once_it_is_paid(
    book, salon, customer, stylist_user
):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])

    booking = book()
    ref = booking.reference

    assert messages_of(booking) == [("+966500000101", "created", "customer_created_hold", "ar")]
    assert body_for(booking, customer, "created") == (
        f"حجزك {ref} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م. "
        "يرجى الدفع خلال ١٠ دقائق لتأكيده."
    )

    booking_services.booking_confirm(booking_id=booking.pk, actor=None)  # the payment, as the system

    assert messages_of(booking, event="confirmed") == [
        ("+966500000101", "confirmed", "customer_confirmed", "ar"),
        ("+966500000201", "confirmed", "staff_new_confirmed", "en"),
    ]
    assert body_for(booking, customer, "confirmed") == (
        f"تم تأكيد حجزك {ref} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert body_for(booking, stylist_user, "confirmed") == (
        f"New booking {ref} at Lamasat Beauty Salon: Sara, Haircut and styling, Thursday, March 5 at 4:30 PM."
    )


def test_a_booking_made_by_the_salon_is_confirmed_at_once(book, manager, customer):
    booking = book(actor=manager, customer_phone=customer.phone_number)

    assert messages_of(booking) == [
        ("+966500000101", "created", "customer_confirmed", "ar"),
        ("+966500000201", "created", "staff_new_confirmed", "en"),
    ]


def test_the_stylist_is_not_told_of_what_they_did_themselves(book, stylist_user, customer):
    booking = book(actor=stylist_user, customer_phone=customer.phone_number)

    booking_services.booking_cancel(booking_id=booking.pk, actor=stylist_user, reason="Sick")

    assert messages_of(booking) == [
        ("+966500000101", "created", "customer_confirmed", "ar"),
        ("+966500000101", "cancelled", "customer_cancelled_by_salon", "ar"),
    ]


def test_a_stylist_without_an_account_gets_nothing(book, salon, service):
    unlinked = make_staff(salon, services=[service], display_name="Reem")

    work_every_day(unlinked)

    booking = book(staff_id=unlinked.pk)

    assert messages_of(booking) == [("+966500000101", "created", "customer_created_awaiting", "ar")]
    assert "مع Reem" in Notification.objects.get(booking=booking).body


# --- confirmed ----------------------------------------------------------------------------------


def test_the_salon_confirming_tells_the_customer_only(book, manager):
    booking = book()

    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)

    assert messages_of(booking, event="confirmed") == [("+966500000101", "confirmed", "customer_confirmed", "ar")]


# --- cancelled ----------------------------------------------------------------------------------


def test_a_customer_cancelling_hears_it_and_the_stylist_learns_who_cancelled(book, customer, stylist_user):
    booking = book()
    ref = booking.reference

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert messages_of(booking, event="cancelled") == [
        ("+966500000101", "cancelled", "customer_cancelled_by_customer", "ar"),
        ("+966500000201", "cancelled", "staff_cancelled", "en"),
    ]
    assert body_for(booking, customer, "cancelled") == (
        f"ألغيت حجزك {ref} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert body_for(booking, stylist_user, "cancelled") == (
        f"Booking {ref} at Lamasat Beauty Salon was cancelled by the customer: Sara, Haircut and styling, "
        "Thursday, March 5 at 4:30 PM."
    )


def test_the_salon_cancelling_apologises_to_the_customer(book, manager, customer, stylist_user):
    booking = book()
    ref = booking.reference

    booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Closed for maintenance")

    assert body_for(booking, customer, "cancelled") == (
        f"نعتذر، ألغى صالون لمسات الجمال حجزك {ref}: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert body_for(booking, stylist_user, "cancelled") == (
        f"Booking {ref} at Lamasat Beauty Salon was cancelled by the salon: Sara, Haircut and styling, "
        "Thursday, March 5 at 4:30 PM."
    )


def test_an_administrator_cancelling(book, customer, stylist_user):
    admin_user = make_user(phone_number="+966500000401", is_staff=True)
    booking = book()
    ref = booking.reference

    booking_services.booking_cancel(booking_id=booking.pk, actor=admin_user, reason="Fraud check", as_admin=True)

    assert body_for(booking, customer, "cancelled") == (
        f"تم إلغاء حجزك {ref} في صالون لمسات الجمال: قص وتصفيف الشعر مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert body_for(booking, stylist_user, "cancelled") == (
        f"Booking {ref} at Lamasat Beauty Salon was cancelled by the support team: Sara, Haircut and styling, "
        "Thursday, March 5 at 4:30 PM."
    )


def test_cancelling_an_unpaid_hold_does_not_bother_the_stylist(book, salon, customer):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    booking = book()

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert messages_of(booking, event="cancelled") == [
        ("+966500000101", "cancelled", "customer_cancelled_by_customer", "ar")
    ]


def test_a_cancellation_after_a_payment_promises_a_refund(book, customer, stylist_user):
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])
    booking = book()
    apps.get_model("payments", "Payment").objects.create(
        booking=booking,
        customer=customer,
        provider="fake",
        amount=11500,
        currency="SAR",
        vat_amount=1500,
        status="paid",
        method="creditcard",
    )

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert body_for(booking, customer, "cancelled") == (
        f"You cancelled your booking {booking.reference} at Lamasat Beauty Salon: Haircut and styling with Hessa, "
        "Thursday, March 5 at 4:30 PM. Any payment will be refunded in full."
    )
    assert "refund" not in body_for(booking, stylist_user, "cancelled")


# --- rescheduled --------------------------------------------------------------------------------


def test_a_reschedule_tells_both_the_new_time_and_the_stylist_the_old_one_too(book, customer, stylist_user):
    booking = book()
    ref = booking.reference

    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(VISIT_DAY, "18:00"))

    assert messages_of(booking, event="rescheduled") == [
        ("+966500000101", "rescheduled", "customer_rescheduled", "ar"),
        ("+966500000201", "rescheduled", "staff_rescheduled", "en"),
    ]
    assert body_for(booking, customer, "rescheduled") == (
        f"تم تغيير موعد حجزك {ref} في صالون لمسات الجمال إلى الخميس، ٥ مارس في ٦:٠٠ م: قص وتصفيف الشعر مع Hessa."
    )
    assert body_for(booking, stylist_user, "rescheduled") == (
        f"Booking {ref} at Lamasat Beauty Salon has moved from Thursday, March 5 at 4:30 PM to Thursday, March 5 "
        "at 6:00 PM: Sara, Haircut and styling."
    )
    assert set(Notification.objects.filter(event="rescheduled").values_list("occurrence", flat=True)) == {
        "1@2026-03-05T15:00:00+00:00"
    }


def test_each_reschedule_is_told_once(book, customer):
    booking = book()

    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(VISIT_DAY, "18:00"))
    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(VISIT_DAY, "19:00"))

    assert Notification.objects.filter(booking=booking, event="rescheduled", recipient=customer).count() == 2


def test_moving_back_to_an_earlier_time_is_told_again(book, customer):
    booking = book()
    first_start = booking.start

    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(VISIT_DAY, "18:00"))
    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=first_start)
    booking_services.booking_reschedule(booking_id=booking.pk, actor=customer, start=at(VISIT_DAY, "18:00"))

    assert Notification.objects.filter(booking=booking, event="rescheduled", recipient=customer).count() == 3


# --- events nobody is told about ----------------------------------------------------------------


def test_completion_no_show_and_expiry_send_nothing(clock, book, manager, salon, customer):
    done = book("10:00")
    missed = book("12:00")
    booking_services.booking_confirm(booking_id=done.pk, actor=manager)
    booking_services.booking_confirm(booking_id=missed.pk, actor=manager)
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    unpaid = book("18:00")
    before = Notification.objects.count()

    clock.advance(minutes=11)
    booking_services.booking_expire_holds()
    clock.set(at(VISIT_DAY, "13:30"))
    booking_services.booking_complete(booking_id=done.pk, actor=manager)
    booking_services.booking_mark_no_show(booking_id=missed.pk, actor=manager)

    assert Booking.objects.get(pk=unpaid.pk).status == BookingStatus.EXPIRED
    assert Notification.objects.count() == before


def test_a_stylist_with_an_english_name_is_named_so_in_english_and_in_arabic_otherwise(book, customer, stylist):
    stylist.display_name = "حصة"
    stylist.display_name_en = "Hessa A."
    stylist.save(update_fields=["display_name", "display_name_en"])
    customer.preferred_language = "en"
    customer.save(update_fields=["preferred_language"])

    booking = book()

    assert "Haircut and styling with Hessa A.," in body_for(booking, customer, "created")
    customer.preferred_language = "ar"
    customer.save(update_fields=["preferred_language"])
    assert "مع حصة،" in body_for(book("18:00"), customer, "created")
