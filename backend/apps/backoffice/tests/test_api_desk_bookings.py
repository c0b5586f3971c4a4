"""`GET /api/manage/salons/{id}/bookings/`: the salon's bookings in the bookings API's representation,
filtered by dates, stylist and status, searched by reference, customer name or phone, paginated."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.bookings.models import BookingStatus
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.core.phone_mask import mask_phone_number
from apps.salons.tests.factories import make_staff

from .conftest import make_booking, make_payment

pytestmark = pytest.mark.django_db


def bookings_url(salon, query: str = "") -> str:
    return f"/api/manage/salons/{salon.pk}/bookings/" + (f"?{query}" if query else "")


def references(response) -> list[str]:
    return [row["reference"] for row in response.json()["results"]]


@pytest.fixture
def stylist(stylist_user):
    return stylist_user.staff_profile


@pytest.fixture
def week(salon, service, stylist, customer, day):
    """Noura at 10:00 (paid) and Sara at 12:00 on `day`; Sara again the next day with another stylist."""
    sara = make_user(first_name="Sara", last_name="Alharbi", phone_number="+966551112233")
    other = make_staff(salon, [service], display_name="Reem")
    first = make_booking(stylist, service, customer, at(day, "10:00"))
    make_payment(first)
    second = make_booking(stylist, service, sara, at(day, "12:00"), status=BookingStatus.PENDING)
    third = make_booking(other, service, sara, at(day + timedelta(days=1), "09:00"))
    return first, second, third, other


def test_the_salons_bookings_in_the_standard_representation(manager_client, salon, other_salon, week, customer):
    first, second, third, _other = week
    make_booking(make_staff(other_salon, []), first.service, make_user(), first.start, salon=other_salon)

    response = manager_client.get(bookings_url(salon))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert references(response) == [first.reference, second.reference, third.reference]
    row = body["results"][0]
    assert row["customer"] == {
        "id": customer.pk,
        "first_name": "Noura",
        "phone_number": mask_phone_number(customer.phone_number),  # not today
    }
    assert (row["payment"]["status"], row["payment"]["amount"]) == ("paid", first.price_amount)
    assert row["salon"]["timezone"] == "Asia/Riyadh"
    assert row["start"] == first.start.isoformat()
    assert set(row["allowed_actions"]) == {"cancel", "reschedule"}
    assert body["results"][1]["payment"] is None
    assert "confirm" in body["results"][1]["allowed_actions"]


def test_filters_by_dates_in_the_salons_zone_stylist_and_status(manager_client, salon, week, day):
    first, second, third, other = week
    today_only = f"from={day.isoformat()}&to={day.isoformat()}"

    assert references(manager_client.get(bookings_url(salon, today_only))) == [first.reference, second.reference]
    assert references(manager_client.get(bookings_url(salon, f"staff={other.pk}"))) == [third.reference]
    assert references(manager_client.get(bookings_url(salon, "status=pending"))) == [second.reference]
    assert references(manager_client.get(bookings_url(salon, "status=confirmed,pending&staff=" + str(other.pk)))) == [
        third.reference
    ]
    after_eleven = at(day, "11:00").isoformat().replace("+", "%2B")
    assert references(manager_client.get(bookings_url(salon, f"from={after_eleven}"))) == [
        second.reference,
        third.reference,
    ]


def test_a_lapsed_hold_counts_as_expired(manager_client, salon, service, stylist, customer, day):
    lapsed = make_booking(
        stylist,
        service,
        customer,
        at(day, "15:00"),
        status=BookingStatus.PENDING,
        hold_expires_at=timezone.now() - timedelta(minutes=1),
    )

    assert references(manager_client.get(bookings_url(salon, "status=pending"))) == []
    assert references(manager_client.get(bookings_url(salon, "status=expired"))) == [lapsed.reference]


@pytest.mark.parametrize(
    "query, who",
    [
        ("q=sara", {"Sara"}),
        ("q=Alharbi", {"Sara"}),
        ("q=0551112233", {"Sara"}),
        ("q=%D9%A0%D9%A5%D9%A5%D9%A1%D9%A1%D9%A1%D9%A2%D9%A2%D9%A3%D9%A3", {"Sara"}),  # ٠٥٥١١١٢٢٣٣
        ("q=%2B966551112233", {"Sara"}),
        ("q=2233", {"Sara"}),
        ("q=nou", {"Noura"}),
        ("q=nobody", set()),
    ],
)
def test_search_by_customer_name_or_phone(manager_client, salon, week, query, who):
    rows = manager_client.get(bookings_url(salon, query)).json()["results"]

    assert {row["customer"]["first_name"] for row in rows} == who


def test_search_by_reference(manager_client, salon, week):
    first = week[0]

    assert references(manager_client.get(bookings_url(salon, f"q={first.reference.lower()}"))) == [first.reference]


def test_paginated(manager_client, salon, week):
    body = manager_client.get(bookings_url(salon, "page_size=2&page=2")).json()

    assert (body["count"], len(body["results"]), body["previous"] is not None) == (3, 1, True)


@pytest.mark.parametrize(
    "query, field",
    [("from=yesterday", "from"), ("to=2026-13-01", "to"), ("status=done", "status"), ("staff=abc", "staff")],
)
def test_bad_filters_are_field_errors(manager_client, salon, query, field):
    response = manager_client.get(bookings_url(salon, query))

    assert response.status_code == 400
    assert field in response.json()["errors"]


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_stylists_and_customers_are_refused(request, who, salon):
    response = client_for(request.getfixturevalue(who)).get(bookings_url(salon))

    assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")


def test_a_salon_the_manager_does_not_run_is_404(manager_client, other_salon):
    response = manager_client.get(bookings_url(other_salon))

    assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")


def test_the_query_count_does_not_grow_with_bookings(manager_client, salon, service, stylist, day):
    make_payment(make_booking(stylist, service, make_user(), at(day, "09:00")))
    with CaptureQueriesContext(connection) as one:
        manager_client.get(bookings_url(salon))
    for number in range(1, 10):
        make_payment(make_booking(stylist, service, make_user(), at(day, "09:00") + timedelta(minutes=30 * number)))

    with CaptureQueriesContext(connection) as ten:
        body = manager_client.get(bookings_url(salon)).json()

    assert (body["count"], len(ten.captured_queries)) == (10, len(one.captured_queries))
