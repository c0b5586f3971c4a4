"""The availability engine and busy time: existing bookings, buffers, and a service (plus its buffer)
that must fit inside one free interval."""

from datetime import timedelta

import pytest

from apps.bookings.availability import (
    slot_list_available,
)
from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff

from .availability_helpers import NOW, SUNDAY, at, one_stylist, patch_bookings, starts, sunday_slots

pytestmark = pytest.mark.django_db


def test_buffers_on_both_sides_of_an_existing_booking(monkeypatch):
    # Given a 30-minute service with a 15-minute buffer, and an existing booking 12:00–12:30
    # whose own 15-minute buffer keeps the stylist busy until 12:45
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=30, buffer_minutes=15)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "14:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "12:00"), at(SUNDAY, "12:45"))]})

    slots = sunday_slots(salon, service)

    # Then the new booking's buffer must end by 12:00, and nothing starts before 12:45
    assert starts(slots) == ["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "12:45", "13:00", "13:15"]
    assert slots[0].end == at(SUNDAY, "10:30")


def test_back_to_back_bookings_without_buffers_are_allowed(monkeypatch):
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:30"), at(SUNDAY, "11:00"))]})

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "11:00", "11:15", "11:30"]


def test_blocking_bookings_are_read_once_for_every_staff_and_day(monkeypatch):
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon)
    first, second = make_staff(salon, services=[service]), make_staff(salon, services=[service])
    calls = patch_bookings(monkeypatch, {})

    slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=3, now=NOW, exclude_booking_id=7)

    assert calls == [
        {
            "staff_ids": [first.pk, second.pk],
            "start": at(SUNDAY, "00:00"),
            "end": at(SUNDAY + timedelta(days=4), "00:00"),
            "now": NOW,
            "exclude_booking_id": 7,
            "as_timestamps": True,
        }
    ]


def test_a_service_longer_than_every_interval_has_no_slots():
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=90)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_hours(staff, SUNDAY.weekday(), "12:00", "13:15")

    assert sunday_slots(salon, service) == []


def test_service_plus_buffer_must_fit_not_just_the_service():
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=45, buffer_minutes=30)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:30")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "10:15"]
    assert slots[-1].end == at(SUNDAY, "11:00")


def test_a_busy_end_off_the_grid_moves_the_next_start_to_the_grid(monkeypatch):
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:00"), at(SUNDAY, "10:50"))]})

    assert starts(sunday_slots(salon, service)) == ["11:00", "11:15", "11:30"]
