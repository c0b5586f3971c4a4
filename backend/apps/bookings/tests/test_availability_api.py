from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")


def today_in(zone: ZoneInfo = RIYADH) -> date:
    return timezone.now().astimezone(zone).date()


def url(salon_id: int) -> str:
    return reverse("bookings:salon-availability", kwargs={"salon_id": salon_id})


def salon_open_every_day(**salon_fields):
    """A salon with one 30-minute service and one stylist working 10:00–11:00 every day."""
    salon = make_salon(**{"lead_time_minutes": 0, **salon_fields})
    service = make_service(salon, duration_minutes=30, buffer_minutes=5)
    staff = make_staff(salon, services=[service])
    for weekday in range(7):
        add_hours(staff, weekday, "10:00", "11:00")
    return salon, service, staff


def test_lists_free_times_with_the_salons_offset(api_client):
    # Given a salon open every morning and a second stylist on the same service
    salon, service, staff = salon_open_every_day()
    other = make_staff(salon, services=[service])
    add_hours(other, (today_in() + timedelta(days=2)).weekday(), "10:30", "11:00")
    first_day = today_in() + timedelta(days=1)
    second_day = first_day + timedelta(days=1)

    # When two days are asked for, without signing in
    response = api_client.get(url(salon.pk), {"service": service.pk, "date": first_day.isoformat(), "days": 2})

    # Then each day lists its starts in Riyadh time, the end without the buffer, and the free staff
    assert response.status_code == 200
    assert response.json() == {
        "salon": salon.pk,
        "service": service.pk,
        "timezone": "Asia/Riyadh",
        "days": [
            {
                "date": first_day.isoformat(),
                "slots": [
                    {"start": f"{first_day}T10:00:00+03:00", "end": f"{first_day}T10:30:00+03:00", "staff": [staff.pk]},
                    {"start": f"{first_day}T10:15:00+03:00", "end": f"{first_day}T10:45:00+03:00", "staff": [staff.pk]},
                ],
            },
            {
                "date": second_day.isoformat(),
                "slots": [
                    {
                        "start": f"{second_day}T10:00:00+03:00",
                        "end": f"{second_day}T10:30:00+03:00",
                        "staff": [staff.pk],
                    },
                    {
                        "start": f"{second_day}T10:15:00+03:00",
                        "end": f"{second_day}T10:45:00+03:00",
                        "staff": [staff.pk],
                    },
                ],
            },
        ],
    }


def test_one_staff_member_only(api_client):
    salon, service, staff = salon_open_every_day()
    other = make_staff(salon, services=[service])
    day = today_in() + timedelta(days=1)
    add_hours(other, day.weekday(), "12:00", "12:35")

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": day.isoformat(), "staff": other.pk})

    assert response.status_code == 200
    assert response.json()["days"] == [
        {
            "date": day.isoformat(),
            "slots": [{"start": f"{day}T12:00:00+03:00", "end": f"{day}T12:30:00+03:00", "staff": [other.pk]}],
        }
    ]


def test_times_are_in_the_salons_own_zone(api_client):
    dubai = ZoneInfo("Asia/Dubai")
    salon, service, staff = salon_open_every_day(timezone="Asia/Dubai")
    day = today_in(dubai) + timedelta(days=1)

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": day.isoformat()})

    assert response.status_code == 200
    assert response.json()["timezone"] == "Asia/Dubai"
    assert response.json()["days"][0]["slots"][0]["start"] == f"{day}T10:00:00+04:00"


def test_one_day_by_default_and_up_to_fourteen(api_client):
    salon, service, _staff = salon_open_every_day()
    day = today_in() + timedelta(days=1)

    one = api_client.get(url(salon.pk), {"service": service.pk, "date": day.isoformat()})
    fourteen = api_client.get(url(salon.pk), {"service": service.pk, "date": day.isoformat(), "days": 14})

    assert [entry["date"] for entry in one.json()["days"]] == [day.isoformat()]
    assert [entry["date"] for entry in fourteen.json()["days"]] == [
        (day + timedelta(days=offset)).isoformat() for offset in range(14)
    ]
    assert all(len(entry["slots"]) == 2 for entry in fourteen.json()["days"])


def test_days_before_today_are_listed_empty(api_client):
    salon, service, _staff = salon_open_every_day()
    start = today_in() - timedelta(days=3)

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": start.isoformat(), "days": 2})

    assert response.status_code == 200
    assert response.json()["days"] == [
        {"date": start.isoformat(), "slots": []},
        {"date": (start + timedelta(days=1)).isoformat(), "slots": []},
    ]


def test_signed_in_users_see_it_too(api_client):
    from apps.accounts.models import User

    salon, service, _staff = salon_open_every_day()
    user = User.objects.create_user("+966501234567")
    api_client.force_authenticate(user)

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": today_in().isoformat()})

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("params", "fields"),
    [
        ({}, ["service", "date"]),
        ({"date": "2026-11-22"}, ["service"]),
        ({"service": "1"}, ["date"]),
        ({"service": "abc", "date": "2026-11-22"}, ["service"]),
        ({"service": "1.5", "date": "2026-11-22"}, ["service"]),
        ({"service": "-1", "date": "2026-11-22"}, ["service"]),
        ({"service": "99999999999999999999999", "date": "2026-11-22"}, ["service"]),
        ({"service": "1", "date": "22/11/2026"}, ["date"]),
        ({"service": "1", "date": "2026-02-30"}, ["date"]),
        ({"service": "1", "date": "2026-11-22T10:00:00"}, ["date"]),
        ({"service": "1", "date": "2026-11-22", "days": "0"}, ["days"]),
        ({"service": "1", "date": "2026-11-22", "days": "15"}, ["days"]),
        ({"service": "1", "date": "2026-11-22", "days": "two"}, ["days"]),
        ({"service": "1", "date": "2026-11-22", "staff": "x"}, ["staff"]),
        ({"service": "1", "date": "2026-11-22", "staff": "0"}, ["staff"]),
        ({"service": "1", "date": "9999-12-31", "days": "2"}, ["date"]),
    ],
)
def test_invalid_parameters_are_field_errors(api_client, params, fields):
    salon, _service, _staff = salon_open_every_day()

    response = api_client.get(url(salon.pk), params)

    assert response.status_code == 400
    body = response.json()
    assert body["code"] in {"invalid", "min_value", "max_value", "max_string_length"}
    assert sorted(body["errors"]) == sorted(fields)
    assert isinstance(body["detail"], str)


def test_the_last_representable_date_is_accepted_with_no_slots(api_client):
    salon, service, _staff = salon_open_every_day()

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": "9999-12-30", "days": 2})

    assert response.status_code == 200
    assert response.json()["days"] == [{"date": "9999-12-30", "slots": []}, {"date": "9999-12-31", "slots": []}]


def test_far_past_dates_have_no_slots(api_client):
    salon, service, _staff = salon_open_every_day()

    response = api_client.get(url(salon.pk), {"service": service.pk, "date": "0001-01-01", "days": 14})

    assert response.status_code == 200
    assert len(response.json()["days"]) == 14
    assert all(day["slots"] == [] for day in response.json()["days"])


def test_unknown_or_inactive_salon_is_not_found(api_client):
    salon, service, _staff = salon_open_every_day(is_active=False)
    params = {"service": service.pk, "date": today_in().isoformat()}

    inactive = api_client.get(url(salon.pk), params)
    unknown = api_client.get(url(salon.pk + 1000), params)
    huge = api_client.get(url(10**30), params)

    for response in (inactive, unknown, huge):
        assert response.status_code == 404
        assert response.json()["code"] == "salon_not_found"


@pytest.mark.parametrize("case", ["unknown", "another salon", "inactive", "largest id"])
def test_service_not_found(api_client, case):
    salon, service, _staff = salon_open_every_day()
    other_salon, other_service, _other_staff = salon_open_every_day()
    if case == "inactive":
        service.is_active = False
        service.save(update_fields=["is_active"])
    service_id = {
        "unknown": other_service.pk + 1000,
        "another salon": other_service.pk,
        "inactive": service.pk,
        "largest id": 2**63 - 1,
    }[case]

    response = api_client.get(
        url(salon.pk), {"service": service_id, "date": today_in().isoformat()}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Service not found.", "code": "service_not_found"}


@pytest.mark.parametrize("case", ["unknown", "another salon", "inactive", "not offering the service"])
def test_staff_not_found(api_client, case):
    salon, service, staff = salon_open_every_day()
    _other_salon, _other_service, other_staff = salon_open_every_day()
    if case == "inactive":
        staff.is_active = False
        staff.save(update_fields=["is_active"])
    if case == "not offering the service":
        staff.services.clear()
    staff_id = {
        "unknown": other_staff.pk + 1000,
        "another salon": other_staff.pk,
        "inactive": staff.pk,
        "not offering the service": staff.pk,
    }[case]

    response = api_client.get(
        url(salon.pk),
        {"service": service.pk, "date": today_in().isoformat(), "staff": staff_id},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Staff member not found.", "code": "staff_not_found"}


def test_query_count_does_not_grow_with_staff_or_days(api_client, django_assert_max_num_queries):
    salon, service, _staff = salon_open_every_day()
    for _index in range(9):
        member = make_staff(salon, services=[service])
        for weekday in range(7):
            add_hours(member, weekday, "09:00", "21:00")
    params = {"service": service.pk, "date": today_in().isoformat(), "days": 14}

    # The salon's policy and its days' versions (the ETag), then the engine's three: the salon with the
    # service and its qualified staff, hours and exceptions, bookings.
    with django_assert_max_num_queries(5):
        response = api_client.get(url(salon.pk), params)

    assert response.status_code == 200
    assert len(response.json()["days"]) == 14


def test_the_written_out_representation_is_the_serializers(api_client):
    from apps.bookings.api.schedule_serializers import AvailabilitySerializer, availability_representation
    from apps.bookings.availability import salon_availability_get

    salon, service, staff = salon_open_every_day()
    other = make_staff(salon, services=[service])
    add_hours(other, (today_in() + timedelta(days=1)).weekday(), "10:00", "11:00")
    availability = salon_availability_get(
        salon_id=salon.pk, service_id=service.pk, start_date=today_in() + timedelta(days=1), days=3
    )

    data = {
        "salon": availability.salon.pk,
        "service": availability.service.pk,
        "timezone": availability.salon.timezone,
        "days": [{"date": day, "slots": slots} for day, slots in availability.days.items()],
    }
    assert availability_representation(availability) == AvailabilitySerializer(data).data
    first_day = availability_representation(availability)["days"][0]
    assert any(len(slot["staff"]) == 2 for slot in first_day["slots"])
