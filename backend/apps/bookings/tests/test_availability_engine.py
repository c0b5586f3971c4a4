from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from apps.bookings import availability_schedule
from apps.bookings.availability import (
    Slot,
    SlotRefusal,
    salon_ids_with_availability,
    slot_list_available,
    staff_free_gaps,
    start_check,
)
from apps.salons.tests.factories import add_hours, add_special_hours, add_time_off, make_salon, make_service, make_staff

pytestmark = pytest.mark.django_db

RIYADH = ZoneInfo("Asia/Riyadh")
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=RIYADH)  # a Friday morning
SUNDAY = date(2026, 11, 22)
MONDAY = date(2026, 11, 23)


def at(day: date, hh_mm: str, tz: ZoneInfo = RIYADH) -> datetime:
    hour, minute = map(int, hh_mm.split(":"))
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def starts(slots: list[Slot]) -> list[str]:
    """Local wall-clock start times."""
    return [slot.start.strftime("%H:%M") for slot in slots]


def patch_bookings(monkeypatch, busy: dict[int, list[tuple[datetime, datetime]]]) -> list[dict]:
    """Make `busy` the blocking bookings; returns the calls made."""
    calls = []

    def fake_blocking_intervals(**kwargs):
        calls.append(kwargs)
        return busy

    monkeypatch.setattr(availability_schedule, "blocking_intervals", fake_blocking_intervals)
    return calls


def one_stylist(**salon_fields):
    salon = make_salon(**{"lead_time_minutes": 0, **salon_fields})
    service = make_service(salon, duration_minutes=30)
    staff = make_staff(salon, services=[service])
    return salon, service, staff


def sunday_slots(salon, service, **kwargs) -> list[Slot]:
    return slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=NOW, **kwargs)[SUNDAY]


def test_single_shift_gives_grid_starts_where_the_service_fits():
    # Given a stylist working 10:00–12:00 on Sundays and a 30-minute service on a 15-minute grid
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")

    # When the Sunday is listed
    slots = sunday_slots(salon, service)

    # Then every quarter hour up to 11:30 is offered, ending 30 minutes later, with that stylist
    assert starts(slots) == ["10:00", "10:15", "10:30", "10:45", "11:00", "11:15", "11:30"]
    assert slots[0] == Slot(start=at(SUNDAY, "10:00"), end=at(SUNDAY, "10:30"), staff_ids=(staff.pk,))
    assert slots[-1].end == at(SUNDAY, "12:00")
    assert all(slot.start.tzinfo == RIYADH for slot in slots)


def test_split_shifts_never_offer_a_start_across_the_break():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_hours(staff, SUNDAY.weekday(), "16:00", "17:00")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "10:15", "10:30", "16:00", "16:15", "16:30"]


def test_adjacent_intervals_are_separate_intervals():
    # Given 10:00–10:45 and 10:45–11:30: a 60-minute service fits in neither
    salon = make_salon(lead_time_minutes=0)
    service = make_service(salon, duration_minutes=60)
    staff = make_staff(salon, services=[service])
    add_hours(staff, SUNDAY.weekday(), "10:00", "10:45")
    add_hours(staff, SUNDAY.weekday(), "10:45", "11:30")

    assert sunday_slots(salon, service) == []


def test_overnight_interval_belongs_to_its_start_day_with_next_day_instants():
    # Given a Ramadan evening shift 22:00–01:00 on Sundays only
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "22:00", "01:00")

    # When Sunday and Monday are listed
    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=2, now=NOW)

    # Then Sunday lists starts until 00:30 on Monday, and Monday has none of them
    assert starts(days[SUNDAY]) == ["22:00", "22:15", "22:30", "22:45", "23:00", "23:15", "23:30", "23:45"] + [
        "00:00",
        "00:15",
        "00:30",
    ]
    assert days[SUNDAY][-1].start == at(MONDAY, "00:30")
    assert days[SUNDAY][-1].end == at(MONDAY, "01:00")
    assert days[MONDAY] == []


def test_overnight_interval_keeps_the_grid_past_midnight():
    # Given a shift from 23:50 to 00:50 on a 20-minute grid: minutes since Sunday's midnight count on
    salon, service, staff = one_stylist(slot_step_minutes=20)
    add_hours(staff, SUNDAY.weekday(), "23:50", "00:50")

    slots = sunday_slots(salon, service)

    assert [slot.start for slot in slots] == [at(MONDAY, "00:00"), at(MONDAY, "00:20")]


def test_time_off_cuts_a_shift():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")
    add_time_off(staff, at(SUNDAY, "11:00"), at(SUNDAY, "12:00"))

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["10:00", "10:15", "10:30", "12:00", "12:15", "12:30"]


def test_time_off_over_the_whole_day_leaves_nothing():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")
    add_time_off(staff, at(SUNDAY, "00:00"), at(MONDAY, "00:00"))

    assert sunday_slots(salon, service) == []


def test_special_hours_replace_the_weekday_hours():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "18:00")
    add_special_hours(staff, SUNDAY, "14:00", "15:00", note="Eid")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["14:00", "14:15", "14:30"]


def test_special_day_off_row_closes_the_day_and_only_that_day():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")
    add_special_hours(staff, SUNDAY)

    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=8, now=NOW)

    assert days[SUNDAY] == []
    assert starts(days[SUNDAY + timedelta(days=7)]) == ["10:00", "10:15", "10:30"]


def test_special_hours_can_open_a_day_without_weekly_hours():
    salon, service, staff = one_stylist()
    add_special_hours(staff, SUNDAY, "20:00", "00:30")

    slots = sunday_slots(salon, service)

    assert starts(slots) == ["20:00", "20:15", "20:30", "20:45", "21:00", "21:15", "21:30", "21:45"] + [
        "22:00",
        "22:15",
        "22:30",
        "22:45",
        "23:00",
        "23:15",
        "23:30",
        "23:45",
        "00:00",
    ]


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
        }
    ]


def test_lead_time_counts_from_now():
    # Given it is 10:07 and the salon wants 60 minutes' notice
    salon, service, staff = one_stylist(lead_time_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "13:00")

    slots = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=at(SUNDAY, "10:07"))[SUNDAY]

    # Then the first start is the first grid time at or after 11:07
    assert starts(slots) == ["11:15", "11:30", "11:45", "12:00", "12:15", "12:30"]


def test_lead_time_boundary_is_inclusive():
    salon, service, staff = one_stylist(lead_time_minutes=30)
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    slots = slot_list_available(salon=salon, service=service, start_date=SUNDAY, now=at(SUNDAY, "10:00"))[SUNDAY]

    assert starts(slots) == ["10:30"]


def test_booking_horizon_ends_with_the_last_bookable_local_date():
    # Given a 2-day horizon counted from Friday: Sunday is the last bookable date
    salon, service, staff = one_stylist(booking_horizon_days=2)
    add_hours(staff, SUNDAY.weekday(), "23:00", "01:00")
    add_hours(staff, MONDAY.weekday(), "10:00", "11:00")

    days = slot_list_available(salon=salon, service=service, start_date=SUNDAY, days=2, now=NOW)

    # Then Sunday's overnight starts stop at midnight (their local date is Monday), Monday has none
    assert starts(days[SUNDAY]) == ["23:00", "23:15", "23:30", "23:45"]
    assert days[MONDAY] == []


def test_days_before_today_are_listed_without_slots():
    salon, service, staff = one_stylist()
    for weekday in range(7):
        add_hours(staff, weekday, "10:00", "11:00")
    today = NOW.date()

    days = slot_list_available(salon=salon, service=service, start_date=today - timedelta(days=2), days=3, now=NOW)

    assert list(days) == [today - timedelta(days=2), today - timedelta(days=1), today]
    assert days[today - timedelta(days=2)] == []
    assert days[today - timedelta(days=1)] == []
    assert starts(days[today]) == ["10:00", "10:15", "10:30"]


def test_days_before_today_have_no_slots_even_from_a_running_overnight_interval():
    # Given Thursday's 22:00–03:00 shift is still running at 00:30 on Friday
    salon, service, staff = one_stylist()
    thursday = NOW.date() - timedelta(days=1)
    add_hours(staff, thursday.weekday(), "22:00", "03:00")
    after_midnight = at(NOW.date(), "00:30")

    days = slot_list_available(salon=salon, service=service, start_date=thursday, now=after_midnight)

    assert days == {thursday: []}
    check = start_check(
        salon=salon, service=service, staff_ids=[staff.pk], start=at(NOW.date(), "01:00"), now=after_midnight
    )
    assert check.refusal == SlotRefusal.SLOT_UNAVAILABLE


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


@pytest.mark.parametrize(("step", "expected"), [(15, ["10:00", "10:15", "10:30"]), (30, ["10:00", "10:30"])])
def test_the_salon_grid_step(step, expected):
    salon, service, staff = one_stylist(slot_step_minutes=step)
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    assert starts(sunday_slots(salon, service)) == expected


def test_a_shift_off_the_grid_starts_at_the_next_grid_time():
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:10", "11:10")

    assert starts(sunday_slots(salon, service)) == ["10:15", "10:30"]


def test_a_busy_end_off_the_grid_moves_the_next_start_to_the_grid(monkeypatch):
    salon, service, staff = one_stylist()
    add_hours(staff, SUNDAY.weekday(), "10:00", "12:00")
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "10:00"), at(SUNDAY, "10:50"))]})

    assert starts(sunday_slots(salon, service)) == ["11:00", "11:15", "11:30"]


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


def test_other_time_zones_use_their_own_wall_clock():
    # Given a salon in Dubai (UTC+4) with a stylist working 10:00–11:00 there
    dubai = ZoneInfo("Asia/Dubai")
    salon, service, staff = one_stylist(timezone="Asia/Dubai")
    add_hours(staff, SUNDAY.weekday(), "10:00", "11:00")

    slots = sunday_slots(salon, service)

    assert [slot.start for slot in slots] == [at(SUNDAY, "10:00", dubai), at(SUNDAY, "10:15", dubai)] + [
        at(SUNDAY, "10:30", dubai)
    ]
    assert slots[0].start.isoformat() == "2026-11-22T10:00:00+04:00"


# --- staff_free_gaps -----------------------------------------------------------------------


def test_staff_free_gaps_are_working_intervals_minus_time_off_and_bookings(monkeypatch):
    salon, service, staff = one_stylist(lead_time_minutes=600, slot_step_minutes=60)
    add_hours(staff, SUNDAY.weekday(), "10:00", "14:00")
    add_hours(staff, SUNDAY.weekday(), "22:00", "01:00")
    add_time_off(staff, at(SUNDAY, "09:00"), at(SUNDAY, "10:20"))
    patch_bookings(monkeypatch, {staff.pk: [(at(SUNDAY, "12:00"), at(SUNDAY, "12:45"))]})

    gaps = staff_free_gaps(staff=staff, day=SUNDAY, now=at(SUNDAY, "11:00"))

    assert gaps == [
        (at(SUNDAY, "10:20"), at(SUNDAY, "12:00")),
        (at(SUNDAY, "12:45"), at(SUNDAY, "14:00")),
        (at(SUNDAY, "22:00"), at(MONDAY, "01:00")),
    ]
    assert gaps[0][0].tzinfo == RIYADH


# --- salon_ids_with_availability -------------------------------------------------------------


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
