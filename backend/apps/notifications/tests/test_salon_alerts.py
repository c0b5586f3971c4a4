"""The salon hears what its customers do online: its managers get a new booking, a cancellation or a
reschedule by the customer (the booked stylist already hears of these); managers and stylists get them
by SMS only if they chose to, and always in their inbox."""

import pytest

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.notifications.models import Notification
from apps.notifications.services import IN_APP_ONLY, notification_booking_event

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db


def alerts(booking, user) -> list[tuple[str, str]]:
    """(event, template) of the messages `user` got about the booking, oldest first."""
    rows = Notification.objects.filter(booking=booking, recipient=user).order_by("pk")
    return [(row.event, row.template) for row in rows]


@pytest.fixture
def english_manager(manager):
    manager.preferred_language = "en"
    manager.save(update_fields=["preferred_language"])
    return manager


def test_a_new_online_booking_asks_the_managers_to_confirm_it(book, english_manager, stylist_user):
    second_manager = make_user(phone_number="+966500000302", first_name="Amal", role="manager")
    english_manager.managed_salons.first().managers.add(second_manager)

    booking = book()

    assert alerts(booking, english_manager) == [("created", "manager_new_awaiting")]
    assert alerts(booking, second_manager) == [("created", "manager_new_awaiting")]
    assert alerts(booking, stylist_user) == [("created", "staff_new_awaiting")]
    english = Notification.objects.get(booking=booking, recipient=english_manager)
    arabic = Notification.objects.get(booking=booking, recipient=second_manager)
    assert english.body == (
        f"New online booking {booking.reference} at Lamasat Beauty Salon, awaiting your confirmation: Sara, "
        "Haircut and styling with Hessa, Thursday, March 5 at 4:30 PM."
    )
    assert arabic.body == (
        f"حجز جديد عبر التطبيق {booking.reference} في صالون لمسات الجمال ينتظر تأكيدك: Sara، قص وتصفيف الشعر "
        "مع Hessa، الخميس، ٥ مارس في ٤:٣٠ م."
    )
    assert (english.channel, english.status) == ("sms", "pending")


def test_a_prepaid_booking_is_announced_to_the_managers_once_paid(book, salon, manager):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])

    booking = book()
    assert alerts(booking, manager) == []

    booking_services.booking_confirm(booking_id=booking.pk, actor=None)  # the payment, as the system

    assert alerts(booking, manager) == [("confirmed", "manager_new_booking")]


def test_the_salon_confirming_an_online_booking_is_not_announced_again(book, manager):
    booking = book()

    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)

    assert alerts(booking, manager) == [("created", "manager_new_awaiting")]


def test_the_desks_own_bookings_are_not_announced_to_the_managers(book, manager, stylist_user, customer):
    other_manager = make_user(phone_number="+966500000302", role="manager")
    manager.managed_salons.first().managers.add(other_manager)

    by_manager = book("10:00", actor=manager, customer_phone=customer.phone_number)
    by_stylist = book("12:00", actor=stylist_user, customer_phone=customer.phone_number)

    for booking in (by_manager, by_stylist):
        assert alerts(booking, manager) == []
        assert alerts(booking, other_manager) == []


def test_a_customers_cancellation_and_reschedule_are_told_to_the_managers(book, english_manager, customer):
    moved = book("10:00")
    cancelled = book("16:30")

    booking_services.booking_reschedule(booking_id=moved.pk, actor=customer, start=at(VISIT_DAY, "12:00"))
    booking_services.booking_cancel(booking_id=cancelled.pk, actor=customer)

    assert alerts(moved, english_manager)[-1] == ("rescheduled", "manager_rescheduled")
    assert alerts(cancelled, english_manager)[-1] == ("cancelled", "manager_cancelled")
    assert Notification.objects.get(booking=moved, recipient=english_manager, event="rescheduled").body == (
        f"The customer moved booking {moved.reference} at Lamasat Beauty Salon to Thursday, March 5 at 12:00 PM: "
        "Sara, Haircut and styling with Hessa."
    )
    assert Notification.objects.get(booking=cancelled, recipient=english_manager, event="cancelled").body == (
        f"The customer cancelled booking {cancelled.reference} at Lamasat Beauty Salon: Sara, Haircut and styling "
        "with Hessa, Thursday, March 5 at 4:30 PM."
    )


def test_what_the_salon_does_itself_is_not_told_to_its_managers(book, manager, customer):
    other_manager = make_user(phone_number="+966500000302", role="manager")
    manager.managed_salons.first().managers.add(other_manager)
    booking = book()

    booking_services.booking_reschedule(booking_id=booking.pk, actor=manager, start=at(VISIT_DAY, "18:00"))
    booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Closed")

    assert alerts(booking, other_manager) == [("created", "manager_new_awaiting")]


def test_cancelling_an_unpaid_hold_does_not_bother_the_managers(book, salon, manager, customer):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    booking = book()

    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)

    assert alerts(booking, manager) == []


def test_a_manager_who_is_the_booked_stylist_hears_once(book, salon, stylist_user):
    salon.managers.add(stylist_user)

    booking = book()

    assert alerts(booking, stylist_user) == [("created", "staff_new_awaiting")]


def test_an_inactive_manager_hears_nothing(book, manager):
    manager.is_active = False
    manager.save(update_fields=["is_active"])

    assert alerts(book(), manager) == []


def test_a_replayed_event_records_the_alert_once(book, manager, customer):
    booking = book()

    notification_booking_event(booking_id=booking.pk, event="created", actor_id=customer.pk)

    assert alerts(booking, manager) == [("created", "manager_new_awaiting")]


def test_without_sms_the_alert_is_in_the_inbox_only(
    book, manager, stylist_user, customer, outbox, django_capture_on_commit_callbacks
):
    for user in (manager, stylist_user):
        user.salon_alerts_by_sms = False
        user.save(update_fields=["salon_alerts_by_sms"])

    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    for user in (manager, stylist_user):
        row = Notification.objects.get(booking=booking, recipient=user)
        assert (row.channel, row.status, row.last_error, row.attempts) == ("inbox", "skipped", IN_APP_ONLY, 0)
        assert outbox.to(user.phone_number) == []
        inbox = client_for(user).get("/api/notifications/").json()
        assert [item["id"] for item in inbox["results"]] == [row.pk]
        assert client_for(user).get("/api/notifications/unread-count/").json() == {"count": 1}
    assert len(outbox.to(customer.phone_number)) == 1


def test_with_sms_the_alert_is_sent_and_in_the_inbox(book, manager, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        booking = book()

    row = Notification.objects.get(booking=booking, recipient=manager)
    assert (row.channel, row.status) == ("sms", "sent")
    assert outbox.to(manager.phone_number) == [row.body]
    assert client_for(manager).get("/api/notifications/").json()["count"] == 1


def test_marking_all_read_includes_inbox_only_alerts(book, manager):
    manager.salon_alerts_by_sms = False
    manager.save(update_fields=["salon_alerts_by_sms"])
    book()

    response = client_for(manager).post("/api/notifications/read-all/")

    assert response.json() == {"updated": 1}
