"""`GET /api/manage/salons/{id}/calendar/`: per stylist, working intervals as the engine computes them,
time off and bookings of the days asked for, in the salon's zone, in a constant number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings.models import BookingStatus
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_staff

from .conftest import make_booking, make_payment

pytestmark = pytest.mark.django_db


def calendar_url(salon, **params) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return f"/api/manage/salons/{salon.pk}/calendar/" + (f"?{query}" if query else "")


@pytest.fixture
def stylist(stylist_user):
    return stylist_user.staff_profile


def test_the_calendar_of_two_days(manager_client, salon, service, stylist, customer, day):
    # Given the stylist works 10:00–14:00 and 16:00–02:00, but the second day only 12:00–15:00
    for weekday in range(7):
        add_hours(stylist, weekday, "10:00", "14:00")
        add_hours(stylist, weekday, "16:00", "02:00")
    second = day + timedelta(days=1)
    add_special_hours(stylist, second, "12:00", "15:00")
    add_time_off(stylist, at(day, "12:00"), at(day, "13:00"), reason="Dentist")
    paid = make_booking(stylist, service, customer, at(day, "10:00"))
    make_payment(paid)
    held = make_booking(
        stylist,
        service,
        customer,
        at(second, "12:00"),
        status=BookingStatus.PENDING,
        hold_expires_at=timezone.now() + timedelta(minutes=10),
    )
    make_booking(stylist, service, customer, at(day, "16:00"), status=BookingStatus.CANCELLED)
    make_booking(
        stylist,
        service,
        customer,
        at(day, "17:00"),
        status=BookingStatus.PENDING,
        hold_expires_at=timezone.now() - timedelta(minutes=1),
    )
    make_booking(stylist, service, customer, at(day + timedelta(days=2), "10:00"))

    response = manager_client.get(calendar_url(salon, start=day.isoformat(), days=2))

    assert response.status_code == 200
    body = response.json()
    assert body["salon"] == {"id": salon.pk, "timezone": "Asia/Riyadh", "slot_step_minutes": 15}
    assert (body["start"], body["days"]) == (day.isoformat(), 2)
    [row] = body["staff"]
    iso = lambda d, hhmm: at(d, hhmm).isoformat()  # noqa: E731
    assert row == {
        "id": stylist.pk,
        "display_name": stylist.display_name,
        "is_active": True,
        "working": [
            # the day before's overnight interval reaches into the first day
            {"start": iso(day - timedelta(days=1), "16:00"), "end": iso(day, "02:00")},
            {"start": iso(day, "10:00"), "end": iso(day, "14:00")},
            {"start": iso(day, "16:00"), "end": iso(second, "02:00")},
            {"start": iso(second, "12:00"), "end": iso(second, "15:00")},
        ],
        "time_off": [{"start": iso(day, "12:00"), "end": iso(day, "13:00"), "reason": "Dentist"}],
        "bookings": [
            {
                "id": paid.pk,
                "reference": paid.reference,
                "customer_first_name": "Noura",
                "service_name": service.name_ar,
                "status": "confirmed",
                "start": iso(day, "10:00"),
                "end": iso(day, "10:30"),
                "payment_status": "paid",
            },
            {
                "id": held.pk,
                "reference": held.reference,
                "customer_first_name": "Noura",
                "service_name": service.name_ar,
                "status": "pending",
                "start": iso(second, "12:00"),
                "end": iso(second, "12:30"),
                "payment_status": None,
            },
        ],
    }


def test_names_follow_the_language_of_the_request(manager_client, salon, service, stylist, customer, day):
    make_booking(stylist, service, customer, at(day, "10:00"))

    body = manager_client.get(calendar_url(salon, start=day.isoformat()), HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["staff"][0]["bookings"][0]["service_name"] == service.name_en


def test_inactive_stylists_show_only_with_bookings_then(manager_client, salon, service, stylist, customer, day):
    idle = make_staff(salon, [service], display_name="Idle", is_active=False, display_order=2)
    leaving = make_staff(salon, [service], display_name="Leaving", is_active=False, display_order=1)
    make_booking(leaving, service, customer, at(day, "11:00"))
    make_booking(idle, service, customer, at(day + timedelta(days=3), "11:00"))

    body = manager_client.get(calendar_url(salon, start=day.isoformat())).json()

    assert [(row["display_name"], row["is_active"]) for row in body["staff"]] == [
        (stylist.display_name, True),
        ("Leaving", False),
    ]


def test_other_salons_bookings_are_not_shown(manager_client, salon, other_salon, service, stylist, customer, day):
    elsewhere = make_staff(other_salon, [service])
    make_booking(elsewhere, service, customer, at(day, "10:00"), salon=other_salon)

    body = manager_client.get(calendar_url(salon, start=day.isoformat())).json()

    assert [row["bookings"] for row in body["staff"]] == [[]]


def test_by_default_today_alone(manager_client, salon, stylist):
    body = manager_client.get(calendar_url(salon)).json()

    assert (body["start"], body["days"]) == (timezone.now().astimezone(salon.tz).date().isoformat(), 1)


@pytest.mark.parametrize(
    "params, field",
    [
        ({"start": "tomorrow"}, "start"),
        ({"start": "2026-02-30"}, "start"),
        ({"start": "9999-12-31", "days": 7}, "start"),
        ({"days": 0}, "days"),
        ({"days": 8}, "days"),
        ({"days": "week"}, "days"),
    ],
)
def test_bad_start_or_days_are_field_errors(manager_client, salon, params, field):
    response = manager_client.get(calendar_url(salon, **params))

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_stylists_and_customers_are_refused(request, who, salon):
    response = client_for(request.getfixturevalue(who)).get(calendar_url(salon))

    assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")


def test_a_salon_the_manager_does_not_run_is_404(manager_client, other_salon):
    response = manager_client.get(calendar_url(other_salon))

    assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")


def test_anonymous_is_401(api_client, salon):
    assert api_client.get(calendar_url(salon)).status_code == 401


def _fill(salon, service, day, *, stylists: int, bookings_each: int) -> None:
    for index in range(stylists):
        member = make_staff(salon, [service], display_name=f"Stylist {index}")
        add_hours(member, day.weekday(), "09:00", "23:00")
        add_special_hours(member, day + timedelta(days=1), "12:00", "15:00")
        add_time_off(member, at(day, "13:00"), at(day, "14:00"))
        for number in range(bookings_each):
            booking = make_booking(member, service, make_user(), at(day, "09:00") + timedelta(minutes=30 * number))
            make_payment(booking)


def test_the_query_count_does_not_grow_with_stylists_or_bookings(
    manager_client, salon, service, day, django_assert_num_queries
):
    url = calendar_url(salon, start=day.isoformat(), days=7)
    _fill(salon, service, day, stylists=1, bookings_each=1)
    with django_assert_num_queries(8) as few:  # the stylists' hours and exceptions are one query
        assert manager_client.get(url).status_code == 200

    _fill(salon, service, day + timedelta(days=2), stylists=6, bookings_each=12)
    with django_assert_num_queries(len(few.captured_queries)):
        body = manager_client.get(url).json()

    assert sum(len(row["bookings"]) for row in body["staff"]) == 1 + 6 * 12
