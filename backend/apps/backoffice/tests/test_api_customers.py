"""`/api/manage/salons/{id}/customers/`: the salon's own customer list. Everyone who booked there, with
visits, money, no-shows and cancellations here, and the salon's notes, tags and block (audited); a
blocked customer cannot book there online, and notes never reach a customer."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.audit.models import AuditEntry
from apps.bookings.models import BookingStatus, CancelledByRole, SalonCustomer
from apps.bookings.tests.conftest import at, client_for, make_user, work_every_day
from apps.core.phone_mask import mask_phone_number
from apps.payments.models import PaymentStatus
from apps.salons.tests.factories import make_staff

from .conftest import make_booking, make_payment

pytestmark = pytest.mark.django_db


def customers_url(salon, user_id=None, query: str = "") -> str:
    url = f"/api/manage/salons/{salon.pk}/customers/"
    if user_id is not None:
        url += f"{user_id}/"
    return url + (f"?{query}" if query else "")


@pytest.fixture
def stylist(stylist_user):
    return stylist_user.staff_profile


@pytest.fixture
def history(salon, other_salon, service, stylist, customer, day):
    """Noura at this salon: two completed visits (one paid, one paid then half refunded), a no-show,
    one booking she cancelled and one the salon cancelled, one upcoming; and a paid visit elsewhere.
    Sara booked once, long ago."""
    past = timezone.now() - timedelta(days=30)
    first = make_booking(stylist, service, customer, past, status=BookingStatus.COMPLETED)
    make_payment(first)
    second = make_booking(stylist, service, customer, past + timedelta(days=7), status=BookingStatus.COMPLETED)
    make_payment(second, refunded_amount=second.price_amount // 2)
    refunded = make_booking(stylist, service, customer, past + timedelta(days=8), status=BookingStatus.CANCELLED)
    make_payment(refunded, status=PaymentStatus.REFUNDED, refunded_amount=refunded.price_amount)
    make_booking(stylist, service, customer, past + timedelta(days=9), status=BookingStatus.NO_SHOW)
    make_booking(
        stylist,
        service,
        customer,
        past + timedelta(days=10),
        status=BookingStatus.CANCELLED,
        cancelled_by_role=CancelledByRole.CUSTOMER,
    )
    upcoming = make_booking(stylist, service, customer, at(day, "10:00"))
    elsewhere = make_booking(make_staff(other_salon, [service]), service, customer, past, salon=other_salon)
    make_payment(elsewhere)
    sara = make_user(first_name="Sara", phone_number="+966551112233")
    make_booking(stylist, service, sara, past - timedelta(days=300), status=BookingStatus.COMPLETED)
    return {"first": first, "second": second, "upcoming": upcoming, "sara": sara}


def test_the_list_of_everyone_who_booked_here(manager_client, salon, customer, service, history):
    response = manager_client.get(customers_url(salon))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    noura, sara = body["results"]
    assert noura == {
        "user_id": customer.pk,
        "first_name": "Noura",
        "phone_number": mask_phone_number(customer.phone_number),
        "visit_count": 2,
        "last_visit": history["second"].start.astimezone(salon.tz).isoformat(),
        "next_visit": history["upcoming"].start.astimezone(salon.tz).isoformat(),
        "total_paid": service.price_amount + (service.price_amount - service.price_amount // 2),
        "no_show_count": 1,
        "no_shows_forgiven": 0,
        "cancellation_count": 1,
        "notes": "",
        "tags": [],
        "blocked": False,
    }
    assert (sara["user_id"], sara["visit_count"], sara["next_visit"], sara["total_paid"]) == (
        history["sara"].pk,
        1,
        None,
        0,
    )


@pytest.mark.parametrize(
    "query, names", [("q=sar", ["Sara"]), ("q=0551112233", ["Sara"]), ("q=noura", ["Noura"]), ("q=zz", [])]
)
def test_search_by_name_or_phone(manager_client, salon, history, query, names):
    rows = manager_client.get(customers_url(salon, query=query)).json()["results"]

    assert [row["first_name"] for row in rows] == names


def test_a_search_too_long_is_a_field_error(manager_client, salon):
    response = manager_client.get(customers_url(salon, query="q=" + "x" * 101))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["q"]


def test_the_detail_adds_their_bookings_here_newest_first(manager_client, salon, customer, history):
    response = manager_client.get(customers_url(salon, customer.pk))

    assert response.status_code == 200
    body = response.json()
    assert body["visit_count"] == 2
    assert [row["reference"] for row in body["bookings"]][:1] == [history["upcoming"].reference]
    assert len(body["bookings"]) == 6
    assert {row["salon"]["id"] for row in body["bookings"]} == {salon.pk}
    assert body["phone_number"] == customer.phone_number  # the profile (its opening recorded) shows it whole
    assert body["bookings"][0]["customer"]["phone_number"] == mask_phone_number(customer.phone_number)


def test_someone_who_never_booked_here_is_not_a_customer(manager_client, salon, other_salon, history):
    stranger = make_user(first_name="Stranger")

    for response in (
        manager_client.get(customers_url(salon, stranger.pk)),
        manager_client.patch(customers_url(salon, stranger.pk), {"notes": "x"}, format="json"),
        manager_client.get(customers_url(salon, 2**63 - 1)),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "customer_not_found")
    assert SalonCustomer.objects.count() == 0


def test_the_manager_keeps_notes_and_tags_and_blocks_and_each_change_is_audited(
    manager_client, manager, salon, customer, history
):
    response = manager_client.patch(
        customers_url(salon, customer.pk),
        {"notes": "Allergic to henna", "tags": ["VIP", " VIP ", "Late"], "blocked": True},
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["notes"], body["tags"], body["blocked"]) == ("Allergic to henna", ["VIP", "Late"], True)
    assert len(body["bookings"]) == 6
    record = SalonCustomer.objects.get(salon=salon, customer=customer)
    assert (record.notes, record.tags, record.blocked) == ("Allergic to henna", ["VIP", "Late"], True)
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.salon, entry.object_type, entry.object_id) == (
        manager,
        salon,
        "customer",
        str(customer.pk),
    )
    assert entry.changes == {
        "blocked": [False, True],
        "notes": ["", "Allergic to henna"],
        "tags": [[], ["VIP", "Late"]],
    }

    manager_client.patch(customers_url(salon, customer.pk), {"blocked": False}, format="json")

    record.refresh_from_db()
    assert (record.notes, record.blocked) == ("Allergic to henna", False)
    assert AuditEntry.objects.count() == 2
    assert AuditEntry.objects.first().changes == {"blocked": [True, False]}


def test_the_list_shows_what_the_salon_keeps(manager_client, salon, customer, history):
    SalonCustomer.objects.create(salon=salon, customer=customer, notes="Prefers Hessa", tags=["VIP"], blocked=True)

    noura = manager_client.get(customers_url(salon)).json()["results"][0]

    assert (noura["notes"], noura["tags"], noura["blocked"]) == ("Prefers Hessa", ["VIP"], True)


def test_notes_of_one_salon_are_not_another_salons(client_for_other_manager, other_salon, customer, history):
    SalonCustomer.objects.create(salon=other_salon, customer=customer, notes="Elsewhere")

    row = client_for_other_manager.get(customers_url(other_salon)).json()["results"][0]

    assert (row["notes"], row["visit_count"], row["total_paid"]) == ("Elsewhere", 0, history["first"].price_amount)


@pytest.fixture
def client_for_other_manager(other_salon):
    return client_for(other_salon.managers.get())


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"notes": "x" * 2001}, "notes"),
        ({"tags": "VIP"}, "tags"),
        ({"tags": ["x" * 31]}, "tags"),
        ({"tags": [f"t{n}" for n in range(21)]}, "tags"),
        ({"tags": [""]}, "tags"),
        ({"blocked": "maybe"}, "blocked"),
    ],
)
def test_bad_values_are_field_errors_and_change_nothing(manager_client, salon, customer, history, payload, field):
    response = manager_client.patch(customers_url(salon, customer.pk), payload, format="json")

    assert response.status_code == 400
    assert [key.split(".")[0] for key in response.json()["errors"]] == [field]
    assert (SalonCustomer.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_a_blocked_customer_is_refused_online_but_the_desk_still_books_them(
    manager_client, manager, salon, service, stylist, customer, history, day
):
    manager_client.patch(customers_url(salon, customer.pk), {"blocked": True}, format="json")
    work_every_day(stylist)
    payload = {"service": service.pk, "staff": stylist.pk, "start": at(day, "12:00").isoformat()}

    online = client_for(customer).post("/api/bookings/", payload, format="json")
    desk = manager_client.post("/api/bookings/", {**payload, "customer_phone": customer.phone_number}, format="json")

    assert (online.status_code, online.json()["code"]) == (403, "customer_blocked")
    assert (desk.status_code, desk.json()["customer"]["id"]) == (201, customer.pk)


def test_notes_and_tags_never_reach_the_customer(manager_client, salon, customer, history):
    manager_client.patch(
        customers_url(salon, customer.pk), {"notes": "SECRET-NOTE", "tags": ["SECRET-TAG"]}, format="json"
    )
    own = client_for(customer)

    responses = [
        own.get("/api/bookings/"),
        own.get(f"/api/bookings/{history['upcoming'].pk}/"),
        own.get("/api/auth/me/"),
        own.get("/api/notifications/"),
    ]

    for response in responses:
        assert response.status_code == 200
        assert "SECRET" not in response.content.decode()


@pytest.mark.parametrize("who", ["customer", "stylist_user"])
def test_stylists_and_customers_are_refused(request, who, salon, customer):
    client = client_for(request.getfixturevalue(who))

    for response in (
        client.get(customers_url(salon)),
        client.get(customers_url(salon, customer.pk)),
        client.patch(customers_url(salon, customer.pk), {"notes": "x"}, format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")


def test_a_salon_the_manager_does_not_run_is_404(manager_client, other_salon, customer, history):
    for response in (
        manager_client.get(customers_url(other_salon)),
        manager_client.get(customers_url(other_salon, customer.pk)),
        manager_client.patch(customers_url(other_salon, customer.pk), {"blocked": True}, format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "salon_not_found")
    assert SalonCustomer.objects.count() == 0


def test_the_list_query_count_does_not_grow_with_customers(manager_client, salon, service, stylist, day):
    make_booking(stylist, service, make_user(), at(day, "09:00"))
    with CaptureQueriesContext(connection) as one:
        manager_client.get(customers_url(salon))
    for number in range(1, 10):
        customer = make_user()
        make_payment(make_booking(stylist, service, customer, at(day, "09:00") + timedelta(minutes=30 * number)))
        SalonCustomer.objects.create(salon=salon, customer=customer, tags=["VIP"])

    with CaptureQueriesContext(connection) as ten:
        body = manager_client.get(customers_url(salon)).json()

    assert (body["count"], len(ten.captured_queries)) == (10, len(one.captured_queries))
