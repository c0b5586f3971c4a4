"""The salon league table in the Django admin: the platform's figures per salon, for staff only."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from apps.bookings.tests.conftest import make_user
from apps.reports.admin import this_month
from apps.reports.periods import platform_tz

from .test_summary import march  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

URL = "/admin/reports/league/"
MARCH = {"from": "2026-03-01", "to": "2026-03-31"}


def logged_in(user) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_an_admin_sees_every_salon_with_its_figures(admin_user, salon, other_salon, march):  # noqa: F811
    response = logged_in(admin_user).get(URL, MARCH)

    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["id"] for row in rows] == [salon.pk, other_salon.pk]
    first = rows[0]
    assert (first["name"], first["bookings"], first["gross_paid"], first["net"]) == (salon.name_en, 8, 30000, 17000)
    assert (first["no_show_rate"], first["rating_average"], first["rating_count"]) == (0.125, 4.5, 2)
    assert (rows[1]["bookings"], rows[1]["gross_paid"], rows[1]["net"]) == (1, 10000, 10000)
    html = response.content.decode()
    for text in (salon.name_en, "300.00 SAR", "170.00 SAR", "12.5 %", "4.50 (2 reviews)", "100.00 SAR"):
        assert text in html
    assert f"/admin/salons/salon/{salon.pk}/change/" in html


def test_the_period_is_this_month_by_default(admin_user):
    today = timezone.now().astimezone(platform_tz()).date()

    response = logged_in(admin_user).get(URL)

    assert response.status_code == 200
    assert response.context["form"].cleaned_data == this_month(today)
    assert this_month(date(2026, 2, 10)) == {"from": date(2026, 2, 1), "to": date(2026, 2, 28)}
    assert this_month(date(2026, 12, 31)) == {"from": date(2026, 12, 1), "to": date(2026, 12, 31)}


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ({"from": "2026-03-02", "to": "2026-03-01"}, "to", "The end of the period comes before its start."),
        ({"from": "2025-01-01", "to": "2026-03-01"}, "to", "A report covers at most 400 days."),
        ({"from": "March", "to": "2026-03-01"}, "from", "Enter a valid date."),
        ({"from": "1900-01-01", "to": "1900-01-02"}, "from", "Enter a date between 2000-01-01 and 2100-12-31."),
        ({"from": "2026-03-01"}, "to", "This field is required."),
    ],
)
def test_bad_dates_are_shown_as_errors_without_a_table(admin_user, query, field, message):
    response = logged_in(admin_user).get(URL, query)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert response.context["rows"] is None
    assert message in response.content.decode()


def test_people_who_are_not_staff_are_sent_to_the_login_page(manager, customer):
    for user in (manager, customer):
        response = logged_in(user).get(URL, MARCH)

        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=/admin/reports/league/")
    assert Client().get(URL).status_code == 302


def test_staff_need_the_view_permission(salon):
    staff = make_user(is_staff=True)
    assert logged_in(staff).get(URL, MARCH).status_code == 403

    staff.user_permissions.add(Permission.objects.get(codename="view_league"))

    reloaded = type(staff).objects.get(pk=staff.pk)  # permissions are cached on the instance
    assert logged_in(reloaded).get(URL, MARCH).status_code == 200


def test_the_admin_index_links_to_the_league_table_under_reports(admin_user):
    client = logged_in(admin_user)

    for page in ("/admin/", "/admin/reports/"):
        html = client.get(page).content.decode()

        assert 'href="/admin/reports/"' in html
        assert 'href="/admin/reports/league/"' in html
        assert "Salon league table" in html


def test_the_page_is_in_arabic(admin_user, salon):
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    client.force_login(admin_user)

    html = client.get(URL, MARCH).content.decode()

    assert "جدول ترتيب الصالونات" in html
    assert "الحجوزات" in html
