"""Messages about the team: a booking given to another stylist (its customer, the new stylist and the
old one are told), and a stylist's welcome when a salon adds them."""

import pytest
from django.db import transaction

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at, make_user, work_every_day
from apps.notifications.models import Notification
from apps.notifications.services import notification_staff_added
from apps.salons.tests.factories import make_staff

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_stylist(salon, service):
    user = make_user(phone_number="+966500000202", first_name="Reem", preferred_language="ar")
    staff = make_staff(salon, services=[service], display_name="Reem", user=user)
    work_every_day(staff)
    return staff


def test_a_booking_given_to_another_stylist_at_its_time_tells_the_three_of_them(
    book, manager, customer, stylist_user, other_stylist
):
    booking = book()
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    ref = booking.reference

    booking_services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=booking.start, staff_id=other_stylist.pk
    )

    told = Notification.objects.filter(booking=booking, event="rescheduled").order_by("pk")
    assert [(row.recipient.first_name, row.template) for row in told] == [
        ("Sara", "customer_stylist_changed"),
        ("Reem", "staff_new_confirmed"),
        ("Hessa", "staff_reassigned_away"),
    ]
    assert (
        told[0].body
        == f"تغيّرت المختصة في حجزك {ref} في صالون لمسات الجمال، الخميس، ٥ مارس في ٤:٣٠ م: قص وتصفيف الشعر مع Reem."
    )
    assert told[2].body == (
        f"Booking {ref} at Lamasat Beauty Salon, Thursday, March 5 at 4:30 PM, has moved to another stylist: "
        "Sara, Haircut and styling."
    )


def test_a_booking_moved_to_another_time_and_stylist_is_a_move_for_the_customer(book, manager, other_stylist):
    booking = book()

    booking_services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=at(VISIT_DAY, "18:00"), staff_id=other_stylist.pk
    )

    told = Notification.objects.filter(booking=booking, event="rescheduled").order_by("pk")
    assert [row.template for row in told] == ["customer_rescheduled", "staff_new_awaiting", "staff_reassigned_away"]


def test_a_stylist_is_welcomed_once_by_sms_after_commit(salon, outbox, django_capture_on_commit_callbacks):
    user = make_user(phone_number="+966500000401", preferred_language="en")
    staff = make_staff(salon, user=user)

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        notification_staff_added(staff_id=staff.pk)
        notification_staff_added(staff_id=staff.pk)

    message = Notification.objects.get(recipient=user)
    assert (message.booking, message.event, message.status) == (None, "staff_added", "sent")
    assert outbox.to("+966500000401") == [
        "Lamasat Beauty Salon has added you to its team. Sign in with this number to see your bookings."
    ]


def test_a_stylist_without_an_account_is_not_told(salon):
    notification_staff_added(staff_id=make_staff(salon).pk)

    assert Notification.objects.count() == 0
