"""New and returning customers across periods and salons, and median lead times per period (odd and
even counts): the figures that do not add up from one period to the next."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.bookings.models import BookingStatus
from apps.bookings.tests.conftest import RIYADH, at, client_for, make_user
from apps.reports.periods import Period
from apps.reports.selectors import summary
from apps.salons.tests.factories import make_service, make_staff

from .test_summary import booked, pay, review

pytestmark = pytest.mark.django_db

d = lambda day: date(2026, 3, day)  # noqa: E731
MARCH = Period(first=d(1), last=d(31), tz=RIYADH)


def by_period(figures: dict, *names: str) -> dict:
    return {row["period"]: tuple(row[name] for name in names) for row in figures["series"] if row["bookings"]}


def test_a_customer_is_new_in_the_week_of_their_first_visit_and_returning_after(salon, service, stylist):
    first_timer, regular, canceller = make_user(), make_user(), make_user()
    booked(stylist, service, regular, at(date(2026, 1, 10), "10:00"), status=BookingStatus.COMPLETED)
    # A cancelled or expired booking before the range is no visit: still new in March.
    booked(stylist, service, canceller, at(date(2026, 2, 10), "10:00"), status=BookingStatus.CANCELLED)
    booked(stylist, service, canceller, at(date(2026, 2, 11), "10:00"), status=BookingStatus.EXPIRED)
    for day in (3, 10):  # Tuesday of the week of Sunday 1 March, Tuesday of the week of Sunday 8 March
        booked(stylist, service, first_timer, at(d(day), "10:00"), status=BookingStatus.COMPLETED)
        booked(stylist, service, regular, at(d(day), "11:00"), status=BookingStatus.COMPLETED)
    booked(stylist, service, canceller, at(d(10), "12:00"))
    # A no-show is no visit either: it neither makes a customer nor their first visit.
    booked(stylist, service, make_user(), at(d(4), "12:00"), status=BookingStatus.NO_SHOW)

    figures = summary(salon_ids=[salon.pk], period=MARCH, group_by="week")

    assert by_period(figures, "new_customers", "returning_customers") == {
        "2026-03-01": (1, 1),  # the first timer; the regular came in January
        "2026-03-08": (1, 2),  # the canceller; the first timer and the regular
    }
    assert (figures["totals"]["new_customers"], figures["totals"]["returning_customers"]) == (2, 1)


def test_two_first_visits_at_the_same_time_make_one_new_customer(salon, service, stylist, other_stylist):
    twin = make_user()
    booked(stylist, service, twin, at(d(5), "10:00"), status=BookingStatus.COMPLETED)
    booked(other_stylist, service, twin, at(d(5), "10:00"), status=BookingStatus.COMPLETED)

    totals = summary(salon_ids=[salon.pk], period=MARCH, group_by="day")["totals"]

    assert (totals["new_customers"], totals["returning_customers"]) == (1, 0)


def test_across_salons_a_customer_new_at_one_salon_is_new_on_the_platform(
    admin_user, salon, service, stylist, other_salon
):
    other_service = make_service(other_salon)
    other_staff = make_staff(other_salon, [other_service])
    traveller = make_user()
    booked(stylist, service, traveller, at(date(2026, 2, 1), "10:00"), status=BookingStatus.COMPLETED)
    booked(stylist, service, traveller, at(d(2), "10:00"), status=BookingStatus.COMPLETED)
    booked(other_staff, other_service, traveller, at(d(20), "10:00"), status=BookingStatus.COMPLETED)

    body = client_for(admin_user).get("/api/manage/reports/summary/?from=2026-03-01&to=2026-03-31&group_by=month")
    salon_totals = summary(salon_ids=[salon.pk], period=MARCH, group_by="month")["totals"]

    assert (body.json()["totals"]["new_customers"], body.json()["totals"]["returning_customers"]) == (1, 0)
    assert (salon_totals["new_customers"], salon_totals["returning_customers"]) == (0, 1)


def test_median_lead_time_per_day_with_odd_and_even_counts(salon, service, stylist, other_stylist, customer):
    # 2 March: leads of 1, 5 and 30 hours (median 5); 3 March: 2 and 7 hours (median 4.5).
    for staff, hhmm, lead in ((stylist, "10:00", 1), (other_stylist, "10:00", 5), (stylist, "12:00", 30)):
        booked(staff, service, make_user(), at(d(2), hhmm), lead_hours=lead)
    booked(stylist, service, customer, at(d(3), "10:00"), lead_hours=2)
    booked(other_stylist, service, make_user(), at(d(3), "10:00"), lead_hours=7)

    figures = summary(salon_ids=[salon.pk], period=MARCH, group_by="day")

    assert by_period(figures, "median_lead_time_hours") == {"2026-03-02": (5.0,), "2026-03-03": (4.5,)}
    assert figures["totals"]["median_lead_time_hours"] == 5.0  # 1 2 5 7 30
    booking = booked(stylist, service, make_user(), at(d(4), "10:00"))
    type(booking).objects.filter(pk=booking.pk).update(created_at=booking.start - timedelta(hours=4, seconds=33))
    # 1 2 4.0092 | 5 7 30: (4.0092 + 5) / 2 = 4.5046
    assert summary(salon_ids=[salon.pk], period=MARCH, group_by="month")["totals"]["median_lead_time_hours"] == 4.5


def test_the_query_count_does_not_depend_on_the_data(salon, service, stylist, customer):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            summary(salon_ids=[salon.pk], period=MARCH, group_by="day")
        return len(captured.captured_queries)

    booked(stylist, service, customer, at(d(2), "10:00"), status=BookingStatus.COMPLETED)
    few = queries()
    for day in range(3, 20):
        staff = make_staff(salon, [service])
        for hhmm in ("10:00", "12:00"):
            booking = booked(staff, service, make_user(), at(d(day), hhmm), status=BookingStatus.COMPLETED)
            pay(booking, at(d(day), "09:00"))
            review(booking, 4, at(d(day), "18:00"))

    assert queries() == few == 15  # the stylists' weekly and special hours are one query
