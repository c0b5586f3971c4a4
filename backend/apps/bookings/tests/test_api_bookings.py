from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from apps.bookings import services
from apps.bookings.models import Booking, BookingEvent, BookingStatus
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import at, client_for, make_user, work_every_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_book(service, stylist, customer, day):
    """Create a booking through the service, as of the real current time (API calls use it too)."""

    def _book(hhmm: str = "10:00", actor=None, **kwargs):
        kwargs.setdefault("staff_id", stylist.pk)
        return services.booking_create(actor=actor or customer, service_id=service.pk, start=at(day, hhmm), **kwargs)

    return _book


def _payload(service, stylist, day, hhmm="10:00", **extra) -> dict:
    return {"service": service.pk, "staff": stylist.pk, "start": at(day, hhmm).isoformat(), **extra}


# --- Create -------------------------------------------------------------------------------------


def test_customer_books_and_gets_the_full_booking(service, stylist, customer, day, salon):
    response = client_for(customer).post(
        "/api/bookings/", _payload(service, stylist, day, note="First visit"), format="json"
    )

    assert response.status_code == 201
    body = response.json()
    booking = Booking.objects.get()
    assert body == {
        "id": booking.pk,
        "reference": booking.reference,
        "status": "pending",
        "salon": {"id": salon.pk, "name": salon.name, "timezone": "Asia/Riyadh"},
        "service": {"id": service.pk, "name": service.name, "duration_minutes": 60},
        "staff": {"id": stylist.pk, "display_name": "Hessa"},
        "start": f"{day.isoformat()}T10:00:00+03:00",
        "end": f"{day.isoformat()}T11:00:00+03:00",
        "price": {"amount": 11500, "currency": "SAR", "vat_amount": 1500},
        "hold_expires_at": None,
        "note": "First visit",
        "customer": {"id": customer.pk, "first_name": "Noura", "phone_number": customer.phone_number},
        "cancellation": None,
        "cancellation_deadline": f"{(day - timedelta(days=1)).isoformat()}T10:00:00+03:00",
        "created_at": booking.created_at.astimezone(salon.tz).isoformat(),
        "allowed_actions": ["cancel", "reschedule"],
        "payment": None,
    }


def test_times_are_answered_in_the_salons_zone_whatever_the_offset_sent(service, stylist, customer, day):
    start_utc = at(day, "10:00").astimezone(UTC)

    response = client_for(customer).post(
        "/api/bookings/", {"service": service.pk, "start": start_utc.isoformat().replace("+00:00", "Z")}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["start"] == f"{day.isoformat()}T10:00:00+03:00"
    assert response.json()["staff"]["id"] == stylist.pk


def test_prepayment_booking_offers_pay_and_shows_the_hold(service, stylist, customer, day, salon):
    salon.requires_prepayment = True
    salon.save()

    response = client_for(customer).post("/api/bookings/", _payload(service, stylist, day), format="json")

    body = response.json()
    assert body["status"] == "pending"
    assert body["hold_expires_at"] is not None
    assert body["allowed_actions"] == ["cancel", "reschedule", "pay"]


def test_staff_books_on_behalf_and_sees_salon_actions(service, stylist, stylist_user, day):
    response = client_for(stylist_user).post(
        "/api/bookings/",
        _payload(service, stylist, day, customer_phone="٠٥٥١٢٣٤٥٦٧", customer_name="Reem"),
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["customer"]["first_name"] == "Reem"
    assert body["customer"]["phone_number"] == "+966551234567"
    assert body["allowed_actions"] == ["cancel", "reschedule"]  # complete and no-show come after the start


def test_naive_start_is_a_field_error(service, stylist, customer, day):
    payload = _payload(service, stylist, day)
    payload["start"] = at(day, "10:00").replace(tzinfo=None).isoformat()

    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "naive"
    assert list(response.json()["errors"]) == ["start"]
    assert Booking.objects.count() == 0


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"service": "abc", "start": "2030-01-01T10:00:00+03:00"},
        {"service": 2**70, "start": "2030-01-01T10:00:00+03:00"},
        {"service": 1, "start": "tomorrow"},
        {"service": 1, "start": "9999-12-31T23:59:59-12:00"},
        {"service": 1, "start": "2030-01-01T10:00:00+03:00", "note": "x" * 501},
        {"service": 1, "start": "2030-01-01T10:00:00+03:00", "staff": -1},
    ],
)
def test_malformed_create_input_is_400(customer, payload):
    response = client_for(customer).post("/api/bookings/", payload, format="json")

    assert response.status_code == 400
    assert "errors" in response.json()


def test_unknown_service_is_404(customer, day):
    response = client_for(customer).post(
        "/api/bookings/", {"service": 987654, "start": at(day, "10:00").isoformat()}, format="json"
    )

    assert response.status_code == 404
    assert response.json()["code"] == "service_not_found"


def test_anonymous_cannot_book(api_client, service, stylist, day):
    response = api_client.post("/api/bookings/", _payload(service, stylist, day), format="json")

    assert response.status_code == 401
    assert Booking.objects.count() == 0


def test_taken_slot_is_409_with_code(api_book, service, stylist, day):
    api_book("10:00")

    response = client_for(make_user()).post("/api/bookings/", _payload(service, stylist, day), format="json")

    assert response.status_code == 409
    assert response.json()["code"] == "slot_unavailable"
    assert response.json()["detail"]


def test_customer_phone_from_a_customer_is_403(service, stylist, customer, day):
    response = client_for(customer).post(
        "/api/bookings/", _payload(service, stylist, day, customer_phone="0551234567"), format="json"
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"


def test_errors_are_in_arabic_by_default_and_english_on_request(service, stylist, day):
    unverified = make_user(verified=False)
    client = client_for(unverified)

    arabic = client.post("/api/bookings/", _payload(service, stylist, day), format="json")
    english = client.post("/api/bookings/", _payload(service, stylist, day), format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert arabic.json()["code"] == english.json()["code"] == "phone_not_verified"
    assert english.json()["detail"] == "Verify your phone number before booking."
    assert arabic.json()["detail"] != english.json()["detail"]


# --- Detail and actions: 404, not 403 ----------------------------------------------------------


def test_someone_elses_booking_is_404_for_every_endpoint(api_book, day):
    booking = api_book("10:00")
    stranger = client_for(make_user())

    responses = [
        stranger.get(f"/api/bookings/{booking.pk}/"),
        stranger.post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json"),
        stranger.post(
            f"/api/bookings/{booking.pk}/reschedule/", {"start": at(day, "12:00").isoformat()}, format="json"
        ),
        stranger.post(f"/api/bookings/{booking.pk}/confirm/"),
        stranger.post(f"/api/bookings/{booking.pk}/complete/"),
        stranger.post(f"/api/bookings/{booking.pk}/no-show/"),
        stranger.post(f"/api/bookings/{booking.pk}/review/", {"rating": 5}, format="json"),
    ]

    assert [response.status_code for response in responses] == [404] * 7
    assert {response.json()["code"] for response in responses} == {"booking_not_found"}
    booking.refresh_from_db()
    assert booking.status == BookingStatus.PENDING


def test_stylist_of_another_booking_in_the_same_salon_gets_404(api_book, salon, service):
    other_user = make_user()
    make_staff(salon, services=[service], user=other_user)
    booking = api_book("10:00")

    assert client_for(other_user).get(f"/api/bookings/{booking.pk}/").status_code == 404


def test_unknown_and_huge_ids_are_404(customer):
    client = client_for(customer)

    assert client.get("/api/bookings/999999/").status_code == 404
    assert client.get(f"/api/bookings/{2**70}/").status_code == 404
    assert client.post(f"/api/bookings/{2**70}/cancel/", {}, format="json").status_code == 404


def test_customer_calling_a_salon_action_on_their_own_booking_is_403(api_book, customer):
    booking = api_book("10:00")

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/confirm/")

    assert response.status_code == 403
    assert response.json()["code"] == "not_allowed"


def test_detail_for_customer_stylist_and_manager(api_book, customer, stylist_user, manager):
    booking = api_book("10:00")

    bodies = [client_for(user).get(f"/api/bookings/{booking.pk}/").json() for user in (customer, stylist_user, manager)]

    assert [body["reference"] for body in bodies] == [booking.reference] * 3
    assert [body["allowed_actions"] for body in bodies] == [
        ["cancel", "reschedule"],
        ["cancel", "reschedule", "confirm"],
        ["cancel", "reschedule", "confirm"],
    ]


def test_customer_cancels_through_the_api(api_book, customer):
    booking = api_book("10:00")

    response = client_for(customer).post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "cancelled"
    assert body["cancellation"]["cancelled_by_role"] == "customer"
    assert body["cancellation"]["reason"] == ""
    assert body["allowed_actions"] == []


def test_salon_cancel_without_reason_is_400_and_changes_nothing(api_book, manager):
    booking = api_book("10:00")

    response = client_for(manager).post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"
    assert Booking.objects.get().status == BookingStatus.PENDING
    assert BookingEvent.objects.count() == 1


def test_reschedule_through_the_api(api_book, customer, day):
    booking = api_book("10:00")

    response = client_for(customer).post(
        f"/api/bookings/{booking.pk}/reschedule/", {"start": at(day, "15:30").isoformat()}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["start"] == f"{day.isoformat()}T15:30:00+03:00"
    assert response.json()["end"] == f"{day.isoformat()}T16:30:00+03:00"


def test_reschedule_with_a_naive_start_is_400(api_book, customer, day):
    booking = api_book("10:00")

    response = client_for(customer).post(
        f"/api/bookings/{booking.pk}/reschedule/", {"start": f"{day.isoformat()}T15:30:00"}, format="json"
    )

    assert response.status_code == 400
    assert Booking.objects.get().start == at(day, "10:00")


def test_confirm_complete_and_no_show_through_the_api(api_book, stylist_user, manager):
    booking = api_book("10:00")

    confirmed = client_for(stylist_user).post(f"/api/bookings/{booking.pk}/confirm/")
    too_early = client_for(manager).post(f"/api/bookings/{booking.pk}/complete/")
    no_show_early = client_for(manager).post(f"/api/bookings/{booking.pk}/no-show/")

    assert confirmed.status_code == 200
    assert confirmed.json()["status"] == "confirmed"
    assert (too_early.status_code, too_early.json()["code"]) == (400, "not_started_yet")
    assert (no_show_early.status_code, no_show_early.json()["code"]) == (400, "not_started_yet")


def test_completed_booking_can_be_marked_only_once(api_book, manager):
    booking = api_book("10:00", actor=manager, customer_phone="0551234567")
    Booking.objects.filter(pk=booking.pk).update(
        start=timezone.now() - timedelta(hours=2),
        end=timezone.now() - timedelta(hours=1),
        blocked_until=timezone.now() - timedelta(hours=1),
    )
    client = client_for(manager)

    completed = client.post(f"/api/bookings/{booking.pk}/complete/")
    again = client.post(f"/api/bookings/{booking.pk}/no-show/")

    assert completed.json()["status"] == "completed"
    assert (again.status_code, again.json()["code"]) == (400, "invalid_transition")


# --- List ---------------------------------------------------------------------------------------


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


def test_list_filters_by_status_dates_and_upcoming(api_book, customer, day, manager):
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
