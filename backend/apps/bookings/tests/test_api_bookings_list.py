"""Listing bookings through the API: what each caller sees, the filters, and its query count."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings import services
from apps.bookings.models import Booking, BookingStatus
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, client_for, make_user, work_every_day

pytestmark = pytest.mark.django_db


def test_list_is_scoped_to_what_each_caller_may_see(api_book, customer, other_customer, stylist_user, manager, day):
    mine = api_book("10:00")
    theirs = api_book("12:00", actor=other_customer)
    elsewhere_salon = make_salon()
    elsewhere_service = make_service(elsewhere_salon)
    elsewhere_stylist = make_staff(elsewhere_salon, services=[elsewhere_service])
    work_every_day(elsewhere_stylist)
    elsewhere = services.booking_create(
        actor=customer, service_id=elsewhere_service.pk, staff_id=elsewhere_stylist.pk, start=at(day, "15:00")
    )

    def ids(user) -> list[int]:
        return [item["id"] for item in client_for(user).get("/api/bookings/").json()["results"]]

    assert ids(customer) == [mine.pk, elsewhere.pk]
    assert ids(other_customer) == [theirs.pk]
    assert ids(stylist_user) == [mine.pk, theirs.pk]
    assert ids(manager) == [mine.pk, theirs.pk]
    assert ids(make_user()) == []


def test_a_manager_who_also_books_sees_the_union(api_book, manager, other_customer, day, salon, service):
    elsewhere_salon = make_salon()
    elsewhere_service = make_service(elsewhere_salon)
    elsewhere_stylist = make_staff(elsewhere_salon, services=[elsewhere_service])
    work_every_day(elsewhere_stylist)
    own = services.booking_create(
        actor=manager, service_id=elsewhere_service.pk, staff_id=elsewhere_stylist.pk, start=at(day, "15:00")
    )
    salons_booking = api_book("10:00", actor=other_customer)

    response = client_for(manager).get("/api/bookings/")

    assert [item["id"] for item in response.json()["results"]] == [salons_booking.pk, own.pk]


def test_list_filters_by_status_dates_and_upcoming(api_book, customer, day, manager, settings):
    settings.BOOKING_MAX_UPCOMING_PER_SALON = 10  # four of them at one salon
    first = api_book("10:00")
    second = api_book("12:00")
    third = services.booking_create(
        actor=customer, service_id=first.service_id, staff_id=first.staff_id, start=at(day + timedelta(days=1), "10:00")
    )
    services.booking_confirm(booking_id=second.pk, actor=manager)
    past = api_book("14:00")
    Booking.objects.filter(pk=past.pk).update(
        start=timezone.now() - timedelta(days=1),
        end=timezone.now() - timedelta(days=1) + timedelta(hours=1),
        blocked_until=timezone.now() - timedelta(days=1) + timedelta(hours=1),
        status=BookingStatus.COMPLETED,
    )
    client = client_for(customer)

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/bookings/?{query}")
        assert response.status_code == 200, response.json()
        return [item["id"] for item in response.json()["results"]]

    assert ids("status=confirmed") == [second.pk]
    assert ids("status=pending,completed") == [past.pk, first.pk, third.pk]
    assert ids(f"from={day.isoformat()}&to={day.isoformat()}") == [first.pk, second.pk]
    assert ids(f"from={(day + timedelta(days=1)).isoformat()}") == [third.pk]
    assert ids("to=" + at(day, "12:00").isoformat().replace("+", "%2B")) == [past.pk, first.pk]
    assert ids("upcoming=true") == [first.pk, second.pk, third.pk]
    assert ids("upcoming=false") == [past.pk]


@pytest.mark.parametrize(
    "query", ["status=booked", "from=2025-13-01", "to=yesterday", "upcoming=maybe", "from=2025-01-01T10:00:00"]
)
def test_list_rejects_bad_filters(customer, query):
    response = client_for(customer).get(f"/api/bookings/?{query}")

    assert response.status_code == 400
    assert response.json()["errors"]


def test_list_query_count_does_not_grow_with_the_page(
    api_book, manager, salon, service, day, django_assert_max_num_queries
):
    stylists = []
    for _ in range(5):
        stylist = make_staff(salon, services=[service], user=make_user())
        work_every_day(stylist)
        stylists.append(stylist)

    def create(count: int) -> None:
        existing = Booking.objects.count()
        for index in range(existing, existing + count):
            stylist = stylists[index % 5]
            hour = 9 + index // 5
            services.booking_create(
                actor=make_user(), service_id=service.pk, staff_id=stylist.pk, start=at(day, f"{hour:02d}:00")
            )

    client = client_for(manager)
    create(5)
    with django_assert_max_num_queries(6):
        small = client.get("/api/bookings/?page_size=100")
    create(20)
    with django_assert_max_num_queries(6):
        large = client.get("/api/bookings/?page_size=100")

    assert (small.json()["count"], large.json()["count"]) == (5, 25)


def test_the_status_filter_matches_the_status_shown(customer, salon, book, day):
    salon.requires_prepayment = True
    salon.save()
    lapsed = book("10:00", now=timezone.now() - timedelta(hours=1))  # its 10-minute hold ran out
    live = book("12:00")
    client = client_for(customer)

    expired = client.get("/api/bookings/?status=expired").json()["results"]
    pending = client.get("/api/bookings/?status=pending").json()["results"]

    assert [(item["id"], item["status"]) for item in expired] == [(lapsed.pk, "expired")]
    assert [(item["id"], item["status"]) for item in pending] == [(live.pk, "pending")]


def test_a_cancelled_or_expired_booking_ahead_leaves_upcoming_for_the_past_tab(api_book, customer, day):
    kept = api_book("10:00")
    cancelled = api_book("12:00")
    lapsed = api_book("14:00")
    services.booking_cancel(booking_id=cancelled.pk, actor=customer)
    Booking.objects.filter(pk=lapsed.pk).update(hold_expires_at=timezone.now() - timedelta(minutes=1))
    client = client_for(customer)

    def ids(query: str) -> list[int]:
        return [item["id"] for item in client.get(f"/api/bookings/?{query}").json()["results"]]

    assert ids("upcoming=true") == [kept.pk]
    assert ids("upcoming=false") == [lapsed.pk, cancelled.pk]
