"""A stylist's weekly hours through `/api/manage/salons/{id}/staff/{staff_id}/hours/`: the whole week
replaced at once, overlaps refused with the rows named, bookings left outside working time refused
or cancelled in the same transaction, and availability changed on the next request."""

import pytest

from apps.audit.models import AuditEntry
from apps.backoffice.tests.conftest import url
from apps.bookings.models import Booking
from apps.bookings.tests.conftest import client_for
from apps.notifications.models import Notification
from apps.salons.models import WorkingHours
from apps.salons.tests.factories import make_staff

pytestmark = pytest.mark.django_db


def hours_url(salon, staff) -> str:
    return url(salon, f"staff/{staff.pk}/hours/")


def week(start: str = "09:00", end: str = "21:00") -> list[dict]:
    return [{"weekday": weekday, "start": start, "end": end} for weekday in range(7)]


def saved(staff) -> list[tuple]:
    return [
        (row.weekday, row.start_time.strftime("%H:%M"), row.end_time.strftime("%H:%M"))
        for row in WorkingHours.objects.filter(staff=staff).order_by("weekday", "start_time")
    ]


def test_the_week_is_listed_monday_first(manager_client, salon, stylist):
    response = manager_client.get(hours_url(salon, stylist))

    assert (response.status_code, response.json()) == (200, week())


def test_the_week_is_replaced_at_once_with_split_and_overnight_shifts(manager_client, manager, salon, stylist):
    new_week = [
        {"weekday": 6, "start": "09:00", "end": "13:00"},
        {"weekday": 6, "start": "16:00", "end": "22:00"},
        {"weekday": 3, "start": "20:00", "end": "02:00"},
        {"weekday": 4, "start": "02:00", "end": "06:00"},
    ]

    response = manager_client.put(hours_url(salon, stylist), new_week, format="json")

    assert response.status_code == 200
    assert response.json() == [new_week[2], new_week[3], new_week[0], new_week[1]]
    assert saved(stylist) == [
        (3, "20:00", "02:00"),
        (4, "02:00", "06:00"),
        (6, "09:00", "13:00"),
        (6, "16:00", "22:00"),
    ]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.object_type, entry.object_id, entry.action) == (
        manager,
        "working_hours",
        str(stylist.pk),
        "replaced",
    )
    assert entry.changes["hours"][1] == [
        [3, "20:00", "02:00"],
        [4, "02:00", "06:00"],
        [6, "09:00", "13:00"],
        [6, "16:00", "22:00"],
    ]


def test_an_empty_week_is_allowed(manager_client, salon, other_stylist):
    response = manager_client.put(hours_url(salon, other_stylist), {"hours": []}, format="json")

    assert (response.status_code, response.json(), saved(other_stylist)) == (200, [], [])


@pytest.mark.parametrize(
    "rows, messages, offending",
    [
        (
            [
                {"weekday": 0, "start": "09:00", "end": "13:00"},
                {"weekday": 1, "start": "09:00", "end": "13:00"},
                {"weekday": 0, "start": "12:00", "end": "18:00"},
            ],
            ["Monday: Working intervals on the same day must not overlap."],
            ["0", "2"],
        ),
        (
            [{"weekday": 3, "start": "22:00", "end": "03:00"}, {"weekday": 4, "start": "01:00", "end": "05:00"}],
            ["Friday: the hours overlap the previous day's shift after midnight."],
            ["0", "1"],
        ),
        (
            [{"weekday": 6, "start": "20:00", "end": "01:00"}, {"weekday": 0, "start": "00:30", "end": "04:00"}],
            ["Monday: the hours overlap the previous day's shift after midnight."],
            ["0", "1"],
        ),
        (
            [{"weekday": 2, "start": "10:00", "end": "10:00"}],
            ["Wednesday: An interval cannot start and end at the same time."],
            ["0"],
        ),
    ],
    ids=["same-day", "overnight", "sunday-into-monday", "empty"],
)
def test_hours_that_overlap_are_refused_naming_the_rows(manager_client, salon, stylist, rows, messages, offending):
    response = manager_client.put(hours_url(salon, stylist), rows, format="json", headers={"accept-language": "en"})

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Invalid input.",
        "code": "invalid",
        "errors": {"hours": messages, "rows": offending},
    }
    assert (saved(stylist), AuditEntry.objects.count()) == ([(d, "09:00", "21:00") for d in range(7)], 0)


@pytest.mark.parametrize(
    "body, field",
    [
        ([{"weekday": 7, "start": "09:00", "end": "17:00"}], "hours.0.weekday"),
        ([{"weekday": 1, "start": "9am", "end": "17:00"}], "hours.0.start"),
        ({"hours": "all week"}, "hours"),
        ("Monday", "hours"),
    ],
)
def test_malformed_hours_are_field_errors(manager_client, salon, stylist, body, field):
    response = manager_client.put(hours_url(salon, stylist), body, format="json")

    assert (response.status_code, [key for key in response.json()["errors"] if key.startswith(field)] != []) == (
        400,
        True,
    )
    assert len(saved(stylist)) == 7


def test_new_hours_show_in_availability_on_the_next_request(manager_client, salon, stylist, service, day, api_client):
    def first_slot() -> str:
        response = api_client.get(f"/api/salons/{salon.pk}/availability/?service={service.pk}&date={day}")
        return response.json()["days"][0]["slots"][0]["start"]

    before = first_slot()
    manager_client.put(hours_url(salon, stylist), week("12:00", "20:00"), format="json")

    assert (before[11:16], first_slot()[11:16]) == ("09:00", "12:00")
    opening = api_client.get(f"/api/salons/{salon.pk}/").json()["opening_hours"]
    assert {(i["start"], i["end"]) for d in opening for i in d["intervals"]} == {("12:00", "20:00")}


def test_hours_leaving_bookings_outside_working_time_are_refused_with_the_bookings(
    manager_client, salon, stylist, book, day
):
    early, _later = book("10:00"), book("16:00")

    response = manager_client.put(hours_url(salon, stylist), week("12:00", "21:00"), format="json")

    assert response.status_code == 409
    body = response.json()
    assert (body["code"], [row["id"] for row in body["affected"]]) == ("bookings_affected", [early.pk])
    assert (len(saved(stylist)), AuditEntry.objects.count(), Booking.objects.filter(status="pending").count()) == (
        7,
        0,
        2,
    )


@pytest.mark.parametrize("how", ["wrapper", "query"])
def test_cancel_affected_cancels_them_in_the_same_change(manager_client, manager, salon, stylist, book, customer, how):
    early, late = book("10:00"), book("16:00")

    if how == "wrapper":
        response = manager_client.put(
            hours_url(salon, stylist),
            {"hours": week("12:00", "21:00"), "cancel_affected": True, "reason": "New hours"},
            format="json",
        )
    else:
        response = manager_client.put(
            hours_url(salon, stylist) + "?cancel_affected=true&reason=New%20hours",
            week("12:00", "21:00"),
            format="json",
        )

    assert response.status_code == 200
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.status, early.cancellation_reason, early.cancelled_by_role, late.status) == (
        "cancelled",
        "New hours",
        "salon",
        "pending",
    )
    assert Notification.objects.get(booking=early, recipient=customer, event="cancelled").template == (
        "customer_cancelled_by_salon"
    )
    assert saved(stylist)[0] == (0, "12:00", "21:00")
    assert sorted(AuditEntry.objects.values_list("object_type", flat=True)) == ["booking", "working_hours"]


def test_bookings_already_outside_working_time_do_not_block_an_unrelated_change(
    manager_client, salon, stylist, book, day
):
    booking = book("10:00")
    WorkingHours.objects.filter(staff=stylist, weekday=day.weekday()).update(start_time="11:00")  # by the admin

    response = manager_client.put(
        hours_url(salon, stylist),
        [
            *[row for row in week("09:00", "21:00") if row["weekday"] != day.weekday()],
            {"weekday": day.weekday(), "start": "11:00", "end": "20:00"},
        ],
        format="json",
    )

    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == "pending"


def test_a_stylist_of_another_salon_is_404_and_others_are_refused(
    manager_client, salon, other_salon, stylist, customer, stylist_user
):
    foreign = make_staff(other_salon)

    for response in (
        manager_client.get(hours_url(salon, foreign)),
        manager_client.put(hours_url(salon, foreign), week(), format="json"),
    ):
        assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")
    assert manager_client.get(hours_url(other_salon, foreign)).json()["code"] == "salon_not_found"
    for user in (customer, stylist_user):
        response = client_for(user).put(hours_url(salon, stylist), [], format="json")
        assert (response.status_code, response.json()["code"]) == (403, "not_a_manager")
    assert len(saved(stylist)) == 7
