"""Deactivating a stylist with bookings ahead: refused with the bookings listed, or they are given to
another stylist (all or none), or cancelled through the bookings' state machine (customers told,
paid bookings refunded)."""

import pytest

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.models import Booking, BookingEvent
from apps.bookings.tests.conftest import at, make_user
from apps.notifications.models import Notification
from apps.payments.models import Payment, Refund
from apps.salons.tests.factories import add_time_off, make_service, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def bookings(book, other_customer, manager):
    """A pending booking at 10:00 and one the salon made (confirmed) at 14:00 for another customer."""
    return [book("10:00"), book("14:00", actor=manager, customer_phone=other_customer.phone_number)]


@pytest.fixture
def other_customer():
    return make_user(first_name="Sara", preferred_language="en")


def affected_row(booking, stylist) -> dict:
    return {
        "id": booking.pk,
        "reference": booking.reference,
        "start": booking.start.isoformat(),
        "end": booking.end.isoformat(),
        "service_name": booking.service.name_ar,
        "customer_first_name": booking.customer.first_name,
        "staff_id": stylist.pk,
        "status": booking.status,
    }


def test_a_stylist_with_bookings_ahead_is_not_deactivated_and_the_bookings_are_listed(
    manager_client, salon, stylist, bookings
):
    for response in (
        manager_client.patch(url(salon, f"staff/{stylist.pk}/"), {"is_active": False}, format="json"),
        manager_client.delete(url(salon, f"staff/{stylist.pk}/")),
    ):
        assert response.status_code == 409
        body = response.json()
        assert (body["code"], body["affected"]) == (
            "bookings_affected",
            [affected_row(booking, stylist) for booking in bookings],
        )
    stylist.refresh_from_db()
    assert (stylist.is_active, AuditEntry.objects.exclude(object_type="booking").count()) == (True, 0)


def test_a_stylist_without_bookings_ahead_is_deactivated_and_leaves_the_public_catalog(
    manager_client, salon, stylist, api_client
):
    response = manager_client.delete(url(salon, f"staff/{stylist.pk}/"))

    assert (response.status_code, response.json()["is_active"]) == (200, False)
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.changes) == ("deactivated", "staff", {"is_active": [True, False]})
    assert api_client.get(f"/api/salons/{salon.pk}/staff/").json() == []


def test_cancel_affected_cancels_them_as_the_salon_tells_the_customers_and_refunds_the_paid_one(
    manager_client, manager, salon, stylist, bookings, customer, other_customer
):
    pending, confirmed = bookings
    paid = Payment.objects.create(
        booking=confirmed,
        customer=other_customer,
        provider="fake",
        amount=confirmed.price_amount,
        currency="SAR",
        vat_amount=1304,
        method="creditcard",
        status="paid",
    )

    response = manager_client.delete(
        url(salon, f"staff/{stylist.pk}/"), {"cancel_affected": True, "reason": "Hessa is leaving"}, format="json"
    )

    assert response.status_code == 200
    for booking in bookings:
        booking.refresh_from_db()
        assert (booking.status, booking.cancelled_by, booking.cancelled_by_role, booking.cancellation_reason) == (
            "cancelled",
            manager,
            "salon",
            "Hessa is leaving",
        )
    told = Notification.objects.filter(event="cancelled").order_by("booking_id", "recipient_id")
    assert [(n.recipient, n.template) for n in told if n.recipient in (customer, other_customer)] == [
        (customer, "customer_cancelled_by_salon"),
        (other_customer, "customer_cancelled_by_salon"),
    ]
    refund = Refund.objects.get()
    assert (refund.payment, refund.amount, refund.reason) == (paid, confirmed.price_amount, "booking_cancelled")
    assert sorted(AuditEntry.objects.values_list("object_type", "action")) == [
        ("booking", "created"),  # the salon booked for the other customer (the fixture)
        ("booking", "updated"),
        ("booking", "updated"),
        ("staff", "deactivated"),
    ]


def test_a_default_reason_is_given_when_none_is_sent(manager_client, salon, stylist, bookings):
    manager_client.patch(
        url(salon, f"staff/{stylist.pk}/"),
        {"is_active": False, "cancel_affected": True},
        format="json",
        headers={"accept-language": "en"},
    )

    assert set(Booking.objects.values_list("cancellation_reason", flat=True)) == {
        "The stylist is not available at this time."
    }


def test_reassign_to_moves_every_booking_to_the_other_stylist_at_the_same_time(
    manager_client, salon, stylist, other_stylist, bookings, customer, other_customer
):
    response = manager_client.delete(url(salon, f"staff/{stylist.pk}/?reassign_to={other_stylist.pk}"))

    assert (response.status_code, response.json()["is_active"]) == (200, False)
    for booking in bookings:
        start, status = booking.start, booking.status
        booking.refresh_from_db()
        assert (booking.staff, booking.start, booking.status) == (other_stylist, start, status)
        event = BookingEvent.objects.filter(booking=booking).last()
        assert (event.data["old_staff_id"], event.data["new_staff_id"]) == (stylist.pk, other_stylist.pk)
    customers = Notification.objects.filter(event="rescheduled", recipient__in=[customer, other_customer])
    assert sorted(n.template for n in customers) == ["customer_stylist_changed", "customer_stylist_changed"]
    english = customers.get(recipient=other_customer)
    assert english.body.startswith(f"Your booking {bookings[1].reference} at {salon.name_en}, ")
    assert english.body.endswith(f"has a new stylist: {bookings[1].service.name_en} with Sara.")
    # the new stylist hears of the bookings as new ones; the old one that they moved
    assert sorted(
        Notification.objects.filter(event="rescheduled", recipient=other_stylist.user).values_list(
            "template", flat=True
        )
    ) == ["staff_new_awaiting", "staff_new_confirmed"]
    assert Notification.objects.filter(event="rescheduled", recipient=stylist.user).count() == 2


def test_reassigning_ignores_the_lead_time_but_not_the_other_stylists_time(
    manager_client, salon, stylist, other_stylist, book, day
):
    booking, late = book("10:00"), book("14:00")
    salon.lead_time_minutes = 60 * 24 * 30  # a month's notice: neither booking could be made now
    salon.save()
    add_time_off(other_stylist, at(day, "13:00"), at(day, "15:00"))

    response = manager_client.patch(
        url(salon, f"staff/{stylist.pk}/"), {"is_active": False, "reassign_to": other_stylist.pk}, format="json"
    )

    assert response.status_code == 409
    assert [row["id"] for row in response.json()["affected"]] == [late.pk]
    booking.refresh_from_db()
    stylist.refresh_from_db()
    assert (booking.staff, stylist.is_active, AuditEntry.objects.count()) == (stylist, True, 0)
    assert Notification.objects.filter(event="rescheduled").count() == 0
    # without the clash, the same request moves both: the month's notice does not matter
    other_stylist.time_off.all().delete()
    response = manager_client.patch(
        url(salon, f"staff/{stylist.pk}/"), {"is_active": False, "reassign_to": other_stylist.pk}, format="json"
    )
    assert response.status_code == 200
    assert set(Booking.objects.values_list("staff_id", flat=True)) == {other_stylist.pk}


def test_reassigning_only_to_a_stylist_offering_the_service(manager_client, salon, stylist, service, bookings):
    other = make_staff(salon, [make_service(salon)], display_name="Lama")

    response = manager_client.delete(url(salon, f"staff/{stylist.pk}/"), {"reassign_to": other.pk}, format="json")

    assert response.status_code == 409
    assert [row["id"] for row in response.json()["affected"]] == [booking.pk for booking in bookings]
    assert set(Booking.objects.values_list("staff_id", flat=True)) == {stylist.pk}


@pytest.mark.parametrize("target", ["self", "inactive", "other_salon", "unknown"])
def test_the_reassign_target_must_be_another_active_stylist_of_the_salon(
    manager_client, salon, stylist, bookings, other_salon, target
):
    staff_id = {
        "self": lambda: stylist.pk,
        "inactive": lambda: make_staff(salon, is_active=False).pk,
        "other_salon": lambda: make_staff(other_salon).pk,
        "unknown": lambda: 999_999,
    }[target]()

    response = manager_client.delete(url(salon, f"staff/{stylist.pk}/"), {"reassign_to": staff_id}, format="json")

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (
        400,
        "invalid_reassign_target",
        ["reassign_to"],
    )
    stylist.refresh_from_db()
    assert stylist.is_active is True


def test_reassigning_and_cancelling_together_is_refused(manager_client, salon, stylist, other_stylist, bookings):
    response = manager_client.delete(
        url(salon, f"staff/{stylist.pk}/"), {"reassign_to": other_stylist.pk, "cancel_affected": True}, format="json"
    )

    assert (response.status_code, list(response.json()["errors"])) == (400, ["reassign_to"])
    assert set(Booking.objects.values_list("status", flat=True)) == {"pending", "confirmed"}


def test_past_and_cancelled_bookings_do_not_stop_a_deactivation(manager_client, salon, stylist, book, manager):
    cancelled = book("10:00")
    from apps.bookings.services import booking_cancel

    booking_cancel(booking_id=cancelled.pk, actor=manager, reason="Closed")

    response = manager_client.delete(url(salon, f"staff/{stylist.pk}/"))

    assert response.status_code == 200


def test_a_platform_admin_deactivates_with_cancellation_as_an_administrator(admin_user, salon, stylist, bookings):
    from apps.bookings.tests.conftest import client_for

    response = client_for(admin_user).delete(
        url(salon, f"staff/{stylist.pk}/"), {"cancel_affected": True, "reason": "Closing"}, format="json"
    )

    assert response.status_code == 200
    assert set(Booking.objects.values_list("status", "cancelled_by_role")) == {("cancelled", "admin")}
