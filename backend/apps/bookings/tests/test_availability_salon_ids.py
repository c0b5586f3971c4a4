"""`salon_ids_with_availability`: which salons have a free time on a day (the salon list's filter)."""

import pytest

from apps.bookings.availability import (
    salon_ids_with_availability,
)
from apps.salons.tests.factories import add_hours, add_time_off, make_salon, make_service, make_staff

from .availability_helpers import MONDAY, NOW, SUNDAY, at, one_stylist, patch_bookings

pytestmark = pytest.mark.django_db


def test_salon_ids_with_availability_picks_salons_with_a_free_slot():
    open_salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    closed_salon, _service, _staff = one_stylist()
    inactive_salon, _service, inactive_salon_staff = one_stylist(is_active=False)
    add_hours(inactive_salon_staff, SUNDAY.weekday(), "10:00", "11:00")
    inactive_service_salon = make_salon(lead_time_minutes=0)
    inactive_service = make_service(inactive_service_salon, is_active=False)
    add_hours(make_staff(inactive_service_salon, services=[inactive_service]), SUNDAY.weekday(), "10:00", "11:00")
    salon_ids = [open_salon.pk, closed_salon.pk, inactive_salon.pk, inactive_service_salon.pk, 10**9]

    assert salon_ids_with_availability(salon_ids=salon_ids, day=SUNDAY, now=NOW) == {open_salon.pk}
    assert salon_ids_with_availability(salon_ids=salon_ids, day=MONDAY, now=NOW) == set()
    assert salon_ids_with_availability(salon_ids=[], day=SUNDAY, now=NOW) == set()


def test_salon_ids_with_availability_uses_each_stylists_shortest_service(monkeypatch):
    # Given a 40-minute gap: the 60-minute service does not fit, the 30-minute one (with 10 buffer) does
    salon = make_salon(lead_time_minutes=0)
    long_service = make_service(salon, duration_minutes=60)
    short_service = make_service(salon, duration_minutes=30, buffer_minutes=10)
    staff = make_staff(salon, services=[long_service, short_service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "10:40")

    assert salon_ids_with_availability(salon_ids=[salon.pk], day=SUNDAY, now=NOW) == {salon.pk}

    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:30"), at(SUNDAY, "10:31"))]})
    assert salon_ids_with_availability(salon_ids=[salon.pk], day=SUNDAY, now=NOW) == set()


def test_salon_ids_with_availability_respects_lead_time_horizon_and_time_off():
    lead_salon, _service, lead_staff = one_stylist(lead_time_minutes=3 * 24 * 60)
    add_hours(lead_staff, SUNDAY.weekday(), "10:00", "11:00")
    horizon_salon, _service, horizon_staff = one_stylist(booking_horizon_days=1)
    add_hours(horizon_staff, SUNDAY.weekday(), "10:00", "11:00")
    time_off_salon, _service, time_off_staff = one_stylist()
    add_hours(time_off_staff, SUNDAY.weekday(), "10:00", "11:00")
    add_time_off(time_off_staff, at(SUNDAY, "10:15"), at(SUNDAY, "10:35"))
    dubai_salon, _service, dubai_staff = one_stylist(timezone="Asia/Dubai")
    add_hours(dubai_staff, SUNDAY.weekday(), "10:00", "11:00")
    add_time_off(dubai_staff, at(SUNDAY, "10:00"), at(SUNDAY, "10:30"))  # Riyadh time: 11:00–11:30 in Dubai

    found = salon_ids_with_availability(
        salon_ids=[lead_salon.pk, horizon_salon.pk, time_off_salon.pk, dubai_salon.pk], day=SUNDAY, now=NOW
    )

    assert found == {dubai_salon.pk}
