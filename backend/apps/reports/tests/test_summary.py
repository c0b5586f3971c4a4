from datetime import date, datetime, timedelta

import pytest

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.models import BookingStatus, CancelledByRole, Review
from apps.bookings.tests.conftest import at, client_for, make_user
from apps.payments.models import Payment, PaymentStatus, Refund, RefundReason, RefundStatus
from apps.salons.models import SpecialHours, TimeOff
from apps.salons.tests.factories import make_service, make_staff

pytestmark = pytest.mark.django_db

MARCH = "from=2026-03-01&to=2026-03-31"


def summary_url(salon, query: str = MARCH, report: str = "summary") -> str:
    return f"/api/manage/salons/{salon.pk}/reports/{report}/?{query}"


def pay(booking, paid_at: datetime | None, *, status=PaymentStatus.PAID, refunded_amount: int = 0) -> Payment:
    return Payment.objects.create(
        booking=booking,
        customer=booking.customer,
        provider="fake",
        amount=booking.price_amount,
        currency="SAR",
        vat_amount=0,
        status=status,
        method="creditcard",
        refunded_amount=refunded_amount,
        paid_at=paid_at,
    )


def refund(payment, amount: int, succeeded_at: datetime | None, *, status=RefundStatus.SUCCEEDED) -> Refund:
    return Refund.objects.create(
        payment=payment,
        amount=amount,
        reason=RefundReason.ADMIN,
        status=status,
        refunded_before=0,
        succeeded_at=succeeded_at,
    )


def booked(staff, service, customer, start, *, lead_hours: int = 24, **fields):
    booking = make_booking(staff, service, customer, start, **fields)
    type(booking).objects.filter(pk=booking.pk).update(created_at=start - timedelta(hours=lead_hours))
    return booking


def review(booking, rating: int, created_at: datetime) -> None:
    row = Review.objects.create(booking=booking, salon=booking.salon, customer=booking.customer, rating=rating)
    Review.objects.filter(pk=row.pk).update(created_at=created_at)


@pytest.fixture
def march(salon, service, stylist, other_stylist, customer, other_salon):
    """A March in Riyadh, every number of it computed by hand in the tests below."""
    a, b = stylist, other_stylist
    regular = make_user(first_name="Reem")
    d = lambda day: date(2026, 3, day)  # noqa: E731

    # Before the period: Reem's first visit, paid on 28 February 23:30 local, 20.00 refunded on 2 March.
    b0 = booked(a, service, regular, at(date(2026, 2, 20), "10:00"), status=BookingStatus.COMPLETED)
    p0 = pay(b0, at(date(2026, 2, 28), "23:30"), refunded_amount=2000)
    refund(p0, 2000, at(d(2), "12:00"))
    review(b0, 1, at(date(2026, 2, 21), "10:00"))

    # Completed, paid before the visit (1 March), 10.00 refunded on 5 March and 5.00 on 1 April 00:10 local.
    b1 = booked(a, service, customer, at(d(2), "10:00"), status=BookingStatus.COMPLETED, lead_hours=24)
    p1 = pay(b1, at(d(1), "12:00"), refunded_amount=1500)
    refund(p1, 1000, at(d(5), "12:00"))
    refund(p1, 500, at(date(2026, 4, 1), "00:10"))
    review(b1, 5, at(d(10), "10:00"))
    # Cancelled by the customer after paying: refunded in full.
    b2 = booked(
        a,
        service,
        customer,
        at(d(3), "10:00"),
        status=BookingStatus.CANCELLED,
        cancelled_by_role=CancelledByRole.CUSTOMER,
        lead_hours=48,
    )
    p2 = pay(b2, at(d(2), "09:00"), status=PaymentStatus.REFUNDED, refunded_amount=10000)
    refund(p2, 10000, at(d(3), "08:00"))
    # Confirmed: a failed payment, then a second one paid late (on the day); a refund still pending.
    b3 = booked(a, service, customer, at(d(4), "10:00"), lead_hours=2)
    pay(b3, None, status=PaymentStatus.FAILED)
    p3 = pay(b3, at(d(4), "09:00"))
    refund(p3, 500, None, status=RefundStatus.PENDING)
    # Confirmed, to be paid at the salon.
    booked(a, service, customer, at(d(5), "11:00"), lead_hours=10)
    # A no-show and a completed visit (paid at the salon) with the other stylist.
    booked(b, service, customer, at(d(6), "10:00"), status=BookingStatus.NO_SHOW, lead_hours=72)
    b8 = booked(b, service, regular, at(d(8), "12:00"), status=BookingStatus.COMPLETED, lead_hours=30)
    review(b8, 4, at(d(20), "10:00"))
    # Cancelled by the salon; expired just after local midnight on 1 March (21:15 UTC on 28 February).
    booked(
        a,
        service,
        customer,
        at(d(7), "10:00"),
        status=BookingStatus.CANCELLED,
        cancelled_by_role=CancelledByRole.SALON,
        lead_hours=5,
    )
    booked(a, service, customer, at(d(1), "00:15"), status=BookingStatus.EXPIRED, lead_hours=1)

    # Just outside: 1 April 00:30 local (31 March 21:30 UTC), paid then.
    outside = booked(a, service, customer, at(date(2026, 4, 1), "00:30"))
    pay(outside, at(date(2026, 4, 1), "00:30"))
    # Another salon's booking and payment in the period.
    other_service = make_service(other_salon)
    elsewhere = booked(make_staff(other_salon, [other_service]), other_service, customer, at(d(9), "10:00"))
    pay(elsewhere, at(d(9), "10:00"))

    # Working time: 2 stylists × 31 days × 720 minutes, less 4 hours off and a short day (4 h, not 12).
    TimeOff.objects.create(staff=a, start=at(d(10), "09:00"), end=at(d(10), "13:00"))
    SpecialHours.objects.create(
        staff=b,
        date=d(11),
        start_time=datetime.min.time().replace(hour=10),
        end_time=datetime.min.time().replace(hour=14),
    )


EXPECTED_TOTALS = {
    "gross_paid": 30000,  # b1, b2, b3 (the late one); not Reem's February payment, not April, not elsewhere
    "refunded": 13000,  # 20.00 (February's payment, refunded 2 March) + 10.00 + 100.00; not pending, not April
    "net": 17000,
    "vat": 2217,  # 17000 × 15 / 115 = 2217.39
    "vat_gross": 3913,  # 3913.04
    "vat_refunded": 1696,  # 1695.65
    "expected_at_salon": 20000,  # the confirmed visit of 5 March and the completed one of 8 March
    "bookings": 8,
    "confirmed": 2,
    "completed": 2,
    "cancelled": 2,
    "cancelled_by_customer": 1,
    "cancelled_by_salon": 1,
    "no_show": 1,
    "expired": 1,
    "no_show_rate": 0.125,
    "cancellation_rate": 0.25,
    "booked_minutes": 200,  # 5 visits (confirmed, completed, no-show) × 40
    "working_minutes": 43920,  # 2 × 31 × 720 − 240 − 480
    "utilisation": 0.0046,  # 200 / 43920
    "new_customers": 1,  # Noura's first visit is in March
    "returning_customers": 1,  # Reem came in February
    "median_lead_time_hours": 17.0,  # 1 2 5 10 | 24 30 48 72
    "rating_average": 4.5,
    "rating_count": 2,
}


def test_the_summary_reconciles_with_the_month_computed_by_hand(manager_client, salon, march):
    response = manager_client.get(summary_url(salon, MARCH + "&group_by=month"))

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["totals"] == EXPECTED_TOTALS
    assert body["series"] == [{"period": "2026-03-01", **EXPECTED_TOTALS}]
    assert (body["salon"], body["from"], body["to"], body["group_by"], body["currency"]) == (
        salon.pk,
        "2026-03-01",
        "2026-03-31",
        "month",
        "SAR",
    )


def test_the_daily_series_adds_up_and_splits_by_when_money_moved(manager_client, salon, march):
    body = manager_client.get(summary_url(salon, MARCH + "&group_by=day")).json()

    series = body["series"]
    assert [row["period"] for row in series] == [f"2026-03-{n:02d}" for n in range(1, 32)]
    assert sum(row["gross_paid"] for row in series) == 30000
    assert sum(row["refunded"] for row in series) == 13000
    assert sum(row["bookings"] for row in series) == 8
    assert sum(row["working_minutes"] for row in series) == 43920
    first, second = series[0], series[1]
    assert (first["bookings"], first["expired"], first["gross_paid"], first["refunded"]) == (1, 1, 10000, 0)
    assert (second["bookings"], second["gross_paid"], second["refunded"], second["net"]) == (1, 10000, 2000, 8000)
    assert series[9]["working_minutes"] == 1440 - 240


def test_breakdowns_per_service_and_stylist(manager_client, salon, service, stylist, other_stylist, march):
    body = manager_client.get(summary_url(salon), HTTP_ACCEPT_LANGUAGE="en").json()

    assert body["by_service"] == [
        {"id": service.pk, "name": service.name_en, "bookings": 8, "completed": 2, "gross_paid": 30000, "net": 17000}
    ]
    assert body["by_staff"] == [
        {
            "id": stylist.pk,
            "name": stylist.display_name,
            "bookings": 6,
            "completed": 1,
            "gross_paid": 30000,
            "net": 17000,
        },
        {"id": other_stylist.pk, "name": "Sara", "bookings": 2, "completed": 1, "gross_paid": 0, "net": 0},
    ]


@pytest.mark.parametrize("language", ["ar", "en"])
def test_names_follow_the_request_language(manager_client, admin_user, salon, service, language, march):
    names = {"ar": (service.name_ar, salon.name_ar), "en": (service.name_en, salon.name_en)}[language]
    body = manager_client.get(summary_url(salon), HTTP_ACCEPT_LANGUAGE=language).json()
    league = client_for(admin_user).get(f"/api/manage/reports/salons/?{MARCH}", HTTP_ACCEPT_LANGUAGE=language)

    assert (body["by_service"][0]["name"], league.json()["salons"][0]["name"]) == names


def test_english_names_fall_back_to_arabic(manager_client, admin_user, salon, service, march):
    type(service).objects.filter(pk=service.pk).update(name_en="")
    type(salon).objects.filter(pk=salon.pk).update(name_en="")
    body = manager_client.get(summary_url(salon), HTTP_ACCEPT_LANGUAGE="en").json()
    league = client_for(admin_user).get(f"/api/manage/reports/salons/?{MARCH}", HTTP_ACCEPT_LANGUAGE="en")

    assert (body["by_service"][0]["name"], league.json()["salons"][0]["name"]) == (service.name_ar, salon.name_ar)


def test_weeks_start_on_sunday(manager_client, salon, march):
    body = manager_client.get(summary_url(salon, MARCH + "&group_by=week")).json()

    series = body["series"]
    assert [row["period"] for row in series] == ["2026-03-01", "2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29"]
    # Sunday 1 March (its first minutes, still Saturday in UTC) to Saturday 7 March, then Sunday 8 March.
    first, second = series[0], series[1]
    assert (first["bookings"], first["gross_paid"], first["refunded"]) == (7, 30000, 13000)
    assert (second["bookings"], second["completed"], second["rating_count"]) == (1, 1, 1)
    assert sum(row["bookings"] for row in series) == 8
    assert sum(row["working_minutes"] for row in series) == 43920


def test_an_empty_period_gives_zeros(manager_client, salon):
    body = manager_client.get(summary_url(salon, "from=2025-01-01&to=2025-01-01")).json()

    assert body["totals"]["bookings"] == 0
    assert body["totals"]["no_show_rate"] == 0.0
    assert body["totals"]["median_lead_time_hours"] is None
    assert body["by_service"] == []


def test_the_summary_takes_a_constant_number_of_queries(manager_client, salon, march, django_assert_max_num_queries):
    with django_assert_max_num_queries(18):
        assert manager_client.get(summary_url(salon, MARCH + "&group_by=day")).status_code == 200


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("from=2026-03-02&to=2026-03-01", "to"),
        ("from=2025-01-01&to=2026-03-01", "to"),
        (MARCH + "&group_by=year", "group_by"),
        ("to=2026-03-01", "from"),
        ("from=2026-03-01", "to"),
        ("from=March&to=2026-03-01", "from"),
    ],
)
def test_bad_input_is_refused_with_field_errors(manager_client, salon, query, field):
    response = manager_client.get(summary_url(salon, query))

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]


@pytest.mark.parametrize("report", ["summary", "utilisation", "heatmap"])
def test_another_salons_reports_do_not_exist(manager_client, other_salon, report):
    response = manager_client.get(summary_url(other_salon, report=report))

    assert response.status_code == 404
    assert response.json()["code"] == "salon_not_found"


@pytest.mark.parametrize("report", ["summary", "utilisation", "heatmap"])
def test_stylists_and_customers_are_refused(salon, stylist_user, customer, report):
    for user in (stylist_user, customer):
        response = client_for(user).get(summary_url(salon, report=report))

        assert response.status_code == 403
        assert response.json()["code"] == "not_a_manager"


def test_utilisation_per_stylist_and_day(manager_client, salon, stylist, other_stylist, march):
    body = manager_client.get(summary_url(salon, "from=2026-03-10&to=2026-03-11", "utilisation")).json()

    assert body["total"] == {"booked_minutes": 0, "working_minutes": 480 + 720 + 720 + 240, "utilisation": 0.0}
    assert [s["id"] for s in body["staff"]] == [stylist.pk, other_stylist.pk]
    assert body["staff"][0]["days"] == [
        {"date": "2026-03-10", "booked_minutes": 0, "working_minutes": 480, "utilisation": 0.0},
        {"date": "2026-03-11", "booked_minutes": 0, "working_minutes": 720, "utilisation": 0.0},
    ]
    body = manager_client.get(summary_url(salon, "from=2026-03-02&to=2026-03-02", "utilisation")).json()
    assert body["days"] == [
        {"date": "2026-03-02", "booked_minutes": 40, "working_minutes": 1440, "utilisation": 0.0278}
    ]
    assert body["staff"][0]["total"] == {"booked_minutes": 40, "working_minutes": 720, "utilisation": 0.0556}


def test_heatmap_counts_visits_by_local_weekday_and_hour(manager_client, salon, march):
    body = manager_client.get(summary_url(salon, report="heatmap")).json()

    assert body["first_weekday"] == "sunday"
    grid = body["weekdays"]
    assert len(grid) == 7 and all(len(row) == 24 for row in grid)
    # 2 March 2026 is a Monday: the completed visit at 10:00; 8 March a Sunday at 12:00; 6 March a Friday.
    assert grid[1][10] == 1
    assert grid[0][12] == 1
    assert grid[5][10] == 1
    assert sum(map(sum, grid)) == 5  # not the 2 cancelled, not the expired one


def test_platform_reports_are_for_platform_admins(manager_client, admin_user, salon, other_salon, march):
    assert manager_client.get(f"/api/manage/reports/summary/?{MARCH}").json()["code"] == "not_a_platform_admin"
    assert manager_client.get(f"/api/manage/reports/salons/?{MARCH}").status_code == 403

    admin = client_for(admin_user)
    body = admin.get(f"/api/manage/reports/summary/?{MARCH}&group_by=month").json()
    assert body["salon"] is None
    assert body["totals"]["bookings"] == 9
    assert body["totals"]["gross_paid"] == 40000
    league = admin.get(f"/api/manage/reports/salons/?{MARCH}", HTTP_ACCEPT_LANGUAGE="en").json()["salons"]
    assert [row["id"] for row in league[:2]] == [salon.pk, other_salon.pk]
    assert league[0] == {
        "id": salon.pk,
        "name": salon.name_en,
        "bookings": 8,
        "gross_paid": 30000,
        "net": 17000,
        "no_show_rate": 0.125,
        "rating_average": 4.5,
        "rating_count": 2,
    }
    assert league[1]["gross_paid"] == 10000


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("salons/{salon}/reports/utilisation/", 8),
        ("salons/{salon}/reports/heatmap/", 4),
        ("reports/summary/", 18),
        ("reports/salons/", 8),
    ],
)
def test_other_reports_take_a_constant_number_of_queries(
    admin_user, salon, march, path, limit, django_assert_max_num_queries
):
    client = client_for(admin_user)

    with django_assert_max_num_queries(limit):
        response = client.get(f"/api/manage/{path.format(salon=salon.pk)}?{MARCH}")

    assert response.status_code == 200
