"""The audit trail of personal data in the back office: a manager opening a customer's profile and a salon member
changing a booking on a customer's behalf are recorded (who, what, from which address); the customer's own changes
and refused requests are not."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import client_for
from apps.core.phone_mask import mask_phone_number

from .conftest import make_booking, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def visited(stylist, service, customer):
    return make_booking(stylist, service, customer, timezone.now() - timedelta(days=3), status="completed")


def test_opening_a_customers_profile_is_recorded_with_the_address(manager_client, manager, salon, customer, visited):
    response = manager_client.get(url(salon, f"customers/{customer.pk}/"), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.salon, entry.action, entry.object_type, entry.object_id, entry.ip_address) == (
        manager,
        salon,
        "viewed",
        "customer",
        str(customer.pk),
        "203.0.113.7",
    )
    assert entry.object_repr == f"Noura ({mask_phone_number(customer.phone_number)})"  # the log spreads no numbers


def test_the_address_behind_a_trusted_proxy_is_the_clients(settings, manager_client, salon, customer, visited):
    settings.TRUSTED_PROXY_COUNT = 1

    manager_client.get(
        url(salon, f"customers/{customer.pk}/"), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.9"
    )

    assert AuditEntry.objects.get().ip_address == "198.51.100.9"


def test_a_refused_or_missing_profile_records_nothing(manager_client, salon, other_salon, customer, visited):
    assert manager_client.get(url(other_salon, f"customers/{customer.pk}/")).status_code == 404
    assert manager_client.get(url(salon, f"customers/{2**31}/")).status_code == 404
    assert client_for(customer).get(url(salon, f"customers/{customer.pk}/")).status_code == 403

    assert not AuditEntry.objects.exists()


def test_the_list_and_a_change_of_notes_are_not_views(manager_client, salon, customer, visited):
    manager_client.get(url(salon, "customers/"))
    manager_client.patch(url(salon, f"customers/{customer.pk}/"), {"notes": "Likes tea"}, format="json")

    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["updated"]


def test_a_booking_the_salon_makes_and_cancels_for_a_customer_is_recorded(manager, salon, book, other_stylist):
    booking = book("10:00", actor=manager, customer_phone="+966551234567", customer_name="Reem")
    booking_services.booking_cancel(booking_id=booking.pk, actor=manager, reason="Closed for a holiday")

    entries = list(AuditEntry.objects.order_by("id"))
    assert [(e.actor, e.salon_id, e.object_type, e.object_id, e.action) for e in entries] == [
        (manager, salon.pk, "booking", str(booking.pk), "created"),
        (manager, salon.pk, "booking", str(booking.pk), "updated"),
    ]
    assert entries[1].changes == {"event": "cancelled", "status": "cancelled", "reason": "Closed for a holiday"}
    assert entries[0].object_repr == f"{booking.reference} Reem (+9665•••••567)"


def test_a_reschedule_by_the_salon_records_the_times_and_stylists(manager, book, other_stylist, day):
    booking = book("10:00")
    booking_services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=booking.start + timedelta(hours=2), staff_id=other_stylist.pk
    )

    entry = AuditEntry.objects.get()
    assert entry.action == "updated"
    assert {"event", "old_start", "new_start", "old_staff_id", "new_staff_id"} <= set(entry.changes)
    assert entry.changes["new_staff_id"] == other_stylist.pk


def test_the_activity_log_shows_a_booking_changed_for_a_customer_with_its_details(
    manager, manager_client, salon, book, other_stylist
):
    booking = book("10:00")
    booking_services.booking_reschedule(
        booking_id=booking.pk, actor=manager, start=booking.start + timedelta(hours=2), staff_id=other_stylist.pk
    )

    response = manager_client.get(url(salon, "audit/"))

    assert response.status_code == 200, response.content
    [entry] = [item for item in response.json()["results"] if item["object_type"] == "booking"]
    assert entry["details"]["new_staff_id"] == other_stylist.pk
    assert entry["details"]["event"] == "rescheduled"
    assert entry["changes"] == {}


def test_the_customers_own_changes_and_the_systems_are_not_recorded_here(customer, book):
    booking = book("10:00")
    booking_services.booking_cancel(booking_id=booking.pk, actor=customer)
    other = book("12:00")
    booking_services.booking_cancel(booking_id=other.pk, actor=None)

    assert not AuditEntry.objects.exists()
