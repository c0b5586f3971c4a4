"""A stylist's time off and special hours through the back office: listed, added (refused or settled
when they would leave bookings outside working time) and removed, each audited."""

from datetime import timedelta

import pytest

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.models import Booking
from apps.bookings.tests.conftest import at, client_for
from apps.notifications.models import Notification
from apps.salons.models import SpecialHours, TimeOff
from apps.salons.tests.factories import add_special_hours, add_time_off, make_staff

pytestmark = pytest.mark.django_db


def time_off_url(salon, staff, time_off_id=None) -> str:
    return url(salon, f"staff/{staff.pk}/time-off/" + (f"{time_off_id}/" if time_off_id else ""))


def special_url(salon, staff, special_id=None) -> str:
    return url(salon, f"staff/{staff.pk}/special-hours/" + (f"{special_id}/" if special_id else ""))


# --- Time off -----------------------------------------------------------------------------------


def test_time_off_is_added_in_the_salons_zone_and_audited(manager_client, manager, salon, stylist, day):
    body = {"start": at(day, "13:00").isoformat(), "end": at(day, "15:00").isoformat(), "reason": "Doctor"}

    response = manager_client.post(time_off_url(salon, stylist), body, format="json")

    assert response.status_code == 201
    time_off = TimeOff.objects.get()
    assert response.json() == {"id": time_off.pk, **body, "source": "manual"}
    assert response.json()["start"].endswith("+03:00")
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.action, entry.changes["reason"]) == (
        manager,
        "time_off",
        "created",
        [None, "Doctor"],
    )
    listed = manager_client.get(time_off_url(salon, stylist)).json()
    assert listed == [response.json()]


def test_time_off_over_a_booking_is_refused_with_the_booking(manager_client, salon, stylist, book, day):
    booking = book("14:00")
    book("17:00")

    response = manager_client.post(
        time_off_url(salon, stylist),
        {"start": at(day, "13:00").isoformat(), "end": at(day, "15:00").isoformat()},
        format="json",
    )

    assert response.status_code == 409
    assert [row["id"] for row in response.json()["affected"]] == [booking.pk]
    assert (TimeOff.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_time_off_with_cancel_affected_cancels_with_the_reason_customers_see(
    manager_client, salon, stylist, book, day, customer
):
    booking = book("14:00")

    response = manager_client.post(
        time_off_url(salon, stylist),
        {
            "start": at(day, "13:00").isoformat(),
            "end": at(day, "15:00").isoformat(),
            "reason": "Doctor",
            "cancel_affected": True,
            "cancel_reason": "The stylist is unwell",
        },
        format="json",
    )

    assert response.status_code == 201
    booking.refresh_from_db()
    assert (booking.status, booking.cancellation_reason) == ("cancelled", "The stylist is unwell")
    assert Notification.objects.filter(booking=booking, recipient=customer, event="cancelled").count() == 1


@pytest.mark.parametrize(
    "start, end, field",
    [("15:00", "13:00", "end"), ("13:00", "13:00", "end")],
)
def test_time_off_must_end_after_it_starts(manager_client, salon, stylist, day, start, end, field):
    response = manager_client.post(
        time_off_url(salon, stylist),
        {"start": at(day, start).isoformat(), "end": at(day, end).isoformat()},
        format="json",
    )

    assert (response.status_code, list(response.json()["errors"])) == (400, [field])
    assert TimeOff.objects.count() == 0


def test_a_naive_datetime_is_refused(manager_client, salon, stylist, day):
    response = manager_client.post(
        time_off_url(salon, stylist), {"start": f"{day}T13:00:00", "end": f"{day}T15:00:00"}, format="json"
    )

    assert (response.status_code, sorted(response.json()["errors"])) == (400, ["end", "start"])


def test_past_time_off_is_not_listed_and_time_off_is_removed(manager_client, salon, stylist, day):
    past = add_time_off(stylist, at(day - timedelta(days=10), "09:00"), at(day - timedelta(days=9), "09:00"))
    coming = add_time_off(stylist, at(day, "09:00"), at(day, "10:00"))

    listed = manager_client.get(time_off_url(salon, stylist)).json()
    removed = manager_client.delete(time_off_url(salon, stylist, coming.pk))

    assert [row["id"] for row in listed] == [coming.pk]
    assert (removed.status_code, list(TimeOff.objects.all())) == (204, [past])
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.object_type, entry.object_id) == ("deleted", "time_off", str(coming.pk))


def test_time_off_of_another_stylist_or_salon_is_404(manager_client, salon, stylist, other_stylist, other_salon, day):
    theirs = add_time_off(other_stylist, at(day, "09:00"), at(day, "10:00"))
    foreign = make_staff(other_salon)

    wrong_staff = manager_client.delete(time_off_url(salon, stylist, theirs.pk))
    wrong_salon = manager_client.get(time_off_url(salon, foreign))

    assert (wrong_staff.status_code, wrong_staff.json()["code"]) == (404, "time_off_not_found")
    assert (wrong_salon.status_code, wrong_salon.json()["code"]) == (404, "staff_not_found")
    assert TimeOff.objects.count() == 1


# --- Special hours ------------------------------------------------------------------------------


def test_special_hours_and_a_day_off_are_added_and_listed(manager_client, manager, salon, stylist, day):
    later = day + timedelta(days=7)

    hours = manager_client.post(
        special_url(salon, stylist), {"date": str(later), "start": "10:00", "end": "14:00"}, format="json"
    )
    off = manager_client.post(special_url(salon, stylist), {"date": str(later + timedelta(days=1))}, format="json")

    assert (hours.status_code, off.status_code) == (201, 201)
    assert manager_client.get(special_url(salon, stylist)).json() == [
        {"id": hours.json()["id"], "date": str(later), "start": "10:00", "end": "14:00"},
        {"id": off.json()["id"], "date": str(later + timedelta(days=1)), "start": None, "end": None},
    ]
    assert list(AuditEntry.objects.values_list("object_type", "action")) == [
        ("special_hours", "created"),
        ("special_hours", "created"),
    ]


def test_a_day_off_over_bookings_is_refused_then_settled(manager_client, salon, stylist, book, day, customer):
    booking = book("10:00")

    refused = manager_client.post(special_url(salon, stylist), {"date": str(day)}, format="json")
    settled = manager_client.post(
        special_url(salon, stylist), {"date": str(day), "cancel_affected": True}, format="json"
    )

    assert (refused.status_code, [row["id"] for row in refused.json()["affected"]]) == (409, [booking.pk])
    assert settled.status_code == 201
    booking.refresh_from_db()
    assert booking.status == "cancelled"
    assert SpecialHours.objects.count() == 1


@pytest.mark.parametrize(
    "existing, body, field",
    [
        (("10:00", "14:00"), {"start": "13:00", "end": "16:00"}, "date"),
        ((None, None), {"start": "13:00", "end": "16:00"}, "date"),
        (None, {"start": "13:00"}, "end"),
        (None, {"end": "13:00"}, "start"),
        (None, {"start": "13:00", "end": "13:00"}, "date"),
    ],
    ids=["overlap", "with-day-off", "no-end", "no-start", "empty"],
)
def test_special_hours_that_do_not_hang_together_are_refused(
    manager_client, salon, stylist, day, existing, body, field
):
    later = day + timedelta(days=7)
    if existing is not None:
        add_special_hours(stylist, later, *existing)

    response = manager_client.post(special_url(salon, stylist), {"date": str(later), **body}, format="json")

    assert (response.status_code, list(response.json()["errors"])) == (400, [field])
    assert SpecialHours.objects.count() == (0 if existing is None else 1)


def test_removing_special_hours_that_held_a_booking_is_refused_unless_cancelled(
    manager_client, salon, stylist, book, day
):
    longer = add_special_hours(stylist, day, "09:00", "23:00")
    booking = book("21:30")

    refused = manager_client.delete(special_url(salon, stylist, longer.pk))
    removed = manager_client.delete(special_url(salon, stylist, longer.pk) + "?cancel_affected=true&reason=Closed")

    assert (refused.status_code, [row["id"] for row in refused.json()["affected"]]) == (409, [booking.pk])
    assert removed.status_code == 204
    booking.refresh_from_db()
    assert (booking.status, booking.cancellation_reason, SpecialHours.objects.count()) == ("cancelled", "Closed", 0)
    assert AuditEntry.objects.filter(object_type="special_hours", action="deleted").count() == 1


def test_special_hours_of_another_stylist_are_404_and_others_are_refused(
    manager_client, salon, stylist, other_stylist, day, customer, stylist_user
):
    theirs = add_special_hours(other_stylist, day)

    response = manager_client.delete(special_url(salon, stylist, theirs.pk))

    assert (response.status_code, response.json()["code"]) == (404, "special_hours_not_found")
    for user in (customer, stylist_user):
        client = client_for(user)
        for response in (
            client.get(special_url(salon, stylist)),
            client.post(special_url(salon, stylist), {"date": str(day)}, format="json"),
            client.post(time_off_url(salon, stylist), {}, format="json"),
        ):
            assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    assert (SpecialHours.objects.count(), Booking.objects.count()) == (1, 0)
