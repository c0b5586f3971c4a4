"""The availability engine and who is offered: the free stylists of each start, one stylist when
asked, and nobody for unqualified staff or an inactive salon or service."""

import pytest

from apps.salons.tests.factories import add_hours, make_salon, make_service, make_staff

from .availability_helpers import SUNDAY, at, one_stylist, patch_bookings, sunday_slots

pytestmark = pytest.mark.django_db


def test_any_staff_lists_who_is_free_at_each_start(monkeypatch):
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=30)
    later = make_staff(salon, services=[service], display_order=2)
    first = make_staff(salon, services=[service], display_order=1)
    add_hours(first, SUNDAY.weekday(), "10:00", "11:00")
    add_hours(later, SUNDAY.weekday(), "10:30", "11:30")
    patch_bookings(monkeypatch, {first.pk: [(at(SUNDAY, "10:30"), at(SUNDAY, "10:45"))]})

    slots = sunday_slots(salon, service)

    assert [(slot.start.strftime("%H:%M"), slot.staff_ids) for slot in slots] == [
        ("10:00", (first.pk,)),
        ("10:30", (later.pk,)),
        ("10:45", (later.pk,)),
        ("11:00", (later.pk,)),
    ]
    patch_bookings(monkeypatch, {})
    assert [(slot.start.strftime("%H:%M"), slot.staff_ids) for slot in sunday_slots(salon, service)] == [
        ("10:00", (first.pk,)),
        ("10:15", (first.pk,)),
        ("10:30", (first.pk, later.pk)),
        ("10:45", (later.pk,)),
        ("11:00", (later.pk,)),
    ]


def test_one_staff_member_only_when_asked():
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon)
    first, second = make_staff(salon, services=[service]), make_staff(salon, services=[service])
    add_hours(first, SUNDAY.weekday(), "10:00", "10:30")
    add_hours(second, SUNDAY.weekday(), "11:00", "11:30")

    slots = sunday_slots(salon, service, staff_id=second.pk)

    assert [(slot.start, slot.staff_ids) for slot in slots] == [(at(SUNDAY, "11:00"), (second.pk,))]


@pytest.mark.parametrize(
    "make_unavailable",
    [
        pytest.param(lambda salon, service, staff: staff.__class__.objects.filter(pk=staff.pk).update(is_active=False)),
        pytest.param(lambda salon, service, staff: staff.services.clear()),
    ],
    ids=["inactive staff", "staff not offering the service"],
)
def test_unqualified_staff_have_no_slots(make_unavailable):
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    make_unavailable(salon, service, staff)

    assert sunday_slots(salon, service) == []
    assert sunday_slots(salon, service, staff_id=staff.pk) == []


def test_inactive_service_or_salon_or_foreign_service_have_no_slots(django_assert_num_queries):
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    other_salon = make_salon()

    service.is_active = False
    with django_assert_num_queries(0):
        assert sunday_slots(salon, service) == []
    service.is_active = True
    salon.is_active = False
    assert sunday_slots(salon, service) == []
    assert sunday_slots(other_salon, service) == []
    salon.is_active = True
    assert len(sunday_slots(salon, service)) == 3
