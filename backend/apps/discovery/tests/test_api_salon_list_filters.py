"""The salon list's filters: city, category, audience, rating, free on a date."""

from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.bookings.availability_changes import summary_rebuild
from apps.bookings.services import booking_create
from apps.salons.models import City
from apps.salons.tests.factories import add_hours, make_category, make_salon, make_service, make_staff

from .salon_list_helpers import assert_field_error, list_salons, result_ids

pytestmark = pytest.mark.django_db


def test_city_filter(api_client):
    # Given
    riyadh = make_salon(city=City.RIYADH)
    make_salon(city=City.JEDDAH)

    # When / Then
    assert result_ids(list_salons(api_client, city="riyadh")) == [riyadh.id]


def test_unknown_city_is_a_field_error(api_client):
    # When
    response = list_salons(api_client, city="paris")

    # Then
    assert_field_error(response, "city", "invalid_choice")


def test_category_filter_by_slug_or_id_needs_an_active_service_in_it(api_client):
    # Given
    nails = make_category(slug="nails")
    with_nails = make_salon()
    make_service(with_nails, category=nails)
    inactive_nails = make_salon()
    make_service(inactive_nails, category=nails, is_active=False)
    make_service(make_salon())

    # When / Then
    assert result_ids(list_salons(api_client, category="nails")) == [with_nails.id]
    assert result_ids(list_salons(api_client, category=str(nails.id))) == [with_nails.id]
    assert result_ids(list_salons(api_client, category="unknown")) == []


@pytest.mark.parametrize(
    ("audience", "expected"),
    [("women", {"women", "all"}), ("men", {"men", "all"}), ("all", {"all"})],
)
def test_audience_filter_includes_salons_for_everyone(api_client, audience, expected):
    # Given
    salons = {make_salon(audience=value).id: value for value in ("women", "men", "all")}

    # When
    ids = result_ids(list_salons(api_client, audience=audience))

    # Then
    assert {salons[salon_id] for salon_id in ids} == expected


def test_unknown_audience_is_a_field_error(api_client):
    # When
    response = list_salons(api_client, audience="kids")

    # Then
    assert_field_error(response, "audience", "invalid_choice")


def test_min_rating_filter(api_client):
    # Given
    make_salon(rating_average=Decimal("3.99"))
    exact = make_salon(rating_average=Decimal("4.00"))
    best = make_salon(rating_average=Decimal("4.80"))

    # When / Then
    assert result_ids(list_salons(api_client, min_rating="4")) == [best.id, exact.id]


@pytest.mark.parametrize(
    ("value", "code"),
    [("-1", "min_value"), ("5.01", "max_value"), ("abc", "invalid"), ("NaN", "invalid"), ("4.555", "max_digits")],
)
def test_invalid_min_rating_is_a_field_error(api_client, value, code):
    # When
    response = list_salons(api_client, min_rating=value)

    # Then
    assert_field_error(response, "min_rating", code)


def test_has_availability_on_answers_from_the_summary_in_one_condition(api_client, django_assert_num_queries):
    # Given two Riyadh salons, one free on the day and one whose stylist is off, and a free Jeddah salon
    day = timezone.localdate() + timedelta(days=3)
    free = make_salon(city=City.RIYADH, rating_average=Decimal("5.00"))
    busy = make_salon(city=City.RIYADH, rating_average=Decimal("4.00"))
    elsewhere = make_salon(city=City.JEDDAH)
    for salon in (free, busy, elsewhere):
        staff = make_staff(salon, services=[make_service(salon)])
        if salon is not busy:
            add_hours(staff, day.weekday(), "09:00", "12:00")
    summary_rebuild()

    # When the Riyadh salons free that day are listed: the count and the page, whatever the number of salons
    with django_assert_num_queries(2):
        ids = result_ids(list_salons(api_client, city="riyadh", has_availability_on=day.isoformat()))

    # Then only the free one is
    assert ids == [free.id]


def test_has_availability_on_follows_a_booking_of_the_last_free_time(api_client):
    # Given a salon whose stylist has one free hour on the day, summarised
    day = timezone.localdate() + timedelta(days=3)
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=60)
    staff = make_staff(salon, services=[service])
    add_hours(staff, day.weekday(), "09:00", "10:00")
    summary_rebuild()
    assert result_ids(list_salons(api_client, has_availability_on=day.isoformat())) == [salon.id]

    # When a customer books it
    customer = get_user_model().objects.create_user("+966550009999", is_phone_verified=True)
    booking_create(
        actor=customer,
        service_id=service.pk,
        staff_id=staff.pk,
        start=datetime.combine(day, time(9), tzinfo=salon.tz),
    )

    # Then the salon is no longer free that day
    assert result_ids(list_salons(api_client, has_availability_on=day.isoformat())) == []


def test_open_now_lists_the_salons_with_a_stylist_at_work(api_client):
    # Given a salon whose stylist works around the clock and one whose stylist never works
    working = make_salon()
    staff = make_staff(working)
    for weekday in range(7):
        add_hours(staff, weekday, "00:00", "12:00")
        add_hours(staff, weekday, "12:00", "00:00")
    make_staff(make_salon())
    summary_rebuild()

    # When / Then
    assert result_ids(list_salons(api_client, open_now="true")) == [working.id]
    assert len(result_ids(list_salons(api_client, open_now="false"))) == 2


@pytest.mark.parametrize("value", ["2026-13-01", "tomorrow", "22/11/2026", "2026-11-22T10:00"])
def test_invalid_availability_date_is_a_field_error(api_client, value):
    # When
    response = list_salons(api_client, has_availability_on=value)

    # Then
    assert_field_error(response, "has_availability_on", "invalid")


def test_has_availability_on_with_the_real_engine(api_client):
    # Given a salon whose stylist works all day a week from now, and one whose stylist never works
    day = timezone.localdate() + timedelta(days=7)
    open_salon = make_salon()
    add_hours(make_staff(open_salon, services=[make_service(open_salon)]), day.weekday(), "09:00", "21:00")
    closed_salon = make_salon()
    make_staff(closed_salon, services=[make_service(closed_salon)])

    summary_rebuild()

    # When
    ids = result_ids(list_salons(api_client, has_availability_on=day.isoformat()))

    # Then
    assert ids == [open_salon.id]
