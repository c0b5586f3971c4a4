"""`send_daily_agenda`: each manager gets tomorrow's bookings of each salon they run, once per manager,
salon and day whatever the number of runs, by SMS if they chose it and always in the inbox."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import IntegrityError

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at, client_for, work_every_day
from apps.core.formatting import format_number
from apps.notifications.agenda import notification_schedule_daily_agenda
from apps.notifications.messages import AGENDA_MAX_SEGMENTS, sms_segments
from apps.notifications.models import Notification
from apps.notifications.services import OUTDATED_AGENDA, notification_send_due
from apps.salons.tests.factories import make_salon, make_service, make_staff

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db

# 20:00 in Riyadh the evening before VISIT_DAY.
EVENING_BEFORE = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


def run_agenda() -> str:
    out = StringIO()
    call_command("send_daily_agenda", stdout=out)
    return out.getvalue()


def agendas(user=None) -> list[Notification]:
    rows = Notification.objects.filter(event="daily_agenda").order_by("pk")
    return list(rows.filter(recipient=user) if user is not None else rows)


@pytest.fixture
def tomorrow(book, manager, customer, service, salon, clock):
    """Three bookings on VISIT_DAY (one cancelled), one the day after; then the clock moves to the
    evening before VISIT_DAY."""
    early = book("10:00")
    booking_services.booking_confirm(booking_id=early.pk, actor=manager)
    late = book("16:30", actor=manager, customer_phone="0551234567", customer_name="Reem")
    cancelled = book("13:00")
    booking_services.booking_cancel(booking_id=cancelled.pk, actor=customer)
    book(start=at(VISIT_DAY + timedelta(days=1), "10:00"))
    clock.set(EVENING_BEFORE)
    return early, late


def test_the_manager_gets_tomorrows_bookings_in_start_order(tomorrow, salon, manager, outbox):
    output = run_agenda()

    [agenda] = agendas(manager)
    assert agenda.body == (
        "حجوزات الغد في صالون لمسات الجمال، الخميس، ٥ مارس: ٢\n"
        "١٠:٠٠ ص Sara، قص وتصفيف الشعر مع Hessa\n"
        "٤:٣٠ م Reem، قص وتصفيف الشعر مع Hessa"
    )
    assert (agenda.booking, agenda.occurrence, agenda.status) == (None, f"{salon.pk}:2026-03-05", "sent")
    assert outbox.to(manager.phone_number)[-1] == agenda.body
    assert output.startswith("Queued 1 daily agenda message(s). Sent ")


def test_the_agenda_in_english(tomorrow, manager):
    manager.preferred_language = "en"
    manager.save(update_fields=["preferred_language"])

    run_agenda()

    assert agendas(manager)[0].body == (
        "Tomorrow's bookings at Lamasat Beauty Salon, Thursday, March 5: 2\n"
        "10:00 AM Sara, Haircut and styling with Hessa\n"
        "4:30 PM Reem, Haircut and styling with Hessa"
    )


def test_running_again_or_on_another_server_records_nothing_more(tomorrow, manager, clock):
    run_agenda()
    clock.advance(minutes=30)
    run_agenda()

    assert notification_schedule_daily_agenda() == 0
    assert len(agendas(manager)) == 1


def test_the_database_refuses_a_second_agenda_for_the_same_manager_salon_and_day(tomorrow, manager):
    run_agenda()
    agenda = agendas(manager)[0]

    with pytest.raises(IntegrityError):
        Notification.objects.create(
            recipient=manager,
            event="daily_agenda",
            occurrence=agenda.occurrence,
            template=agenda.template,
            language="ar",
            body="again",
            channel="sms",
        )


def test_the_next_evening_brings_the_next_days_agenda(tomorrow, manager, clock):
    run_agenda()
    clock.advance(days=1)
    run_agenda()

    assert [row.occurrence.split(":")[1] for row in agendas(manager)] == ["2026-03-05", "2026-03-06"]


def test_without_sms_the_agenda_is_in_the_inbox_only(tomorrow, manager, outbox):
    manager.salon_alerts_by_sms = False
    manager.save(update_fields=["salon_alerts_by_sms"])

    run_agenda()

    [agenda] = agendas(manager)
    assert (agenda.channel, agenda.status) == ("inbox", "skipped")
    assert agenda.body not in outbox.to(manager.phone_number)
    inbox = client_for(manager).get("/api/notifications/", HTTP_ACCEPT_LANGUAGE="en").json()
    item = next(item for item in inbox["results"] if item["id"] == agenda.pk)
    assert (item["event"], item["booking"], item["body"]) == ("daily_agenda", None, agenda.body)


def test_a_salon_without_bookings_tomorrow_sends_nothing(manager, clock):
    clock.set(EVENING_BEFORE)

    assert notification_schedule_daily_agenda() == 0
    assert agendas() == []


def test_each_salon_a_manager_runs_has_its_own_agenda(tomorrow, manager):
    second = make_salon(name_ar="صالون الورد")
    second.managers.add(manager)
    service = make_service(second, duration_minutes=30)
    stylist = make_staff(second, services=[service], display_name="Amal")
    work_every_day(stylist)
    booking_services.booking_create(
        actor=manager,
        service_id=service.pk,
        start=at(VISIT_DAY, "11:00"),
        customer_phone="0551234568",
        now=EVENING_BEFORE - timedelta(hours=2),
    )

    run_agenda()

    assert sorted(row.body.splitlines()[0] for row in agendas(manager)) == [
        "حجوزات الغد في صالون الورد، الخميس، ٥ مارس: ١",
        "حجوزات الغد في صالون لمسات الجمال، الخميس، ٥ مارس: ٢",
    ]


def test_tomorrow_is_the_salons_own_tomorrow(tomorrow, salon, manager, clock):
    # At 22:30 UTC it is already 5 March in Riyadh: tomorrow there is 6 March
    clock.set(datetime(2026, 3, 4, 22, 30, tzinfo=UTC))

    run_agenda()

    [agenda] = agendas(manager)
    assert agenda.occurrence == f"{salon.pk}:2026-03-06"
    assert agenda.body.splitlines()[0] == "حجوزات الغد في صالون لمسات الجمال، الجمعة، ٦ مارس: ١"


def test_a_long_day_is_cut_to_four_sms_parts_and_counts_the_rest(manager, salon, stylist, service, clock):
    stylists = [stylist, *(make_staff(salon, services=[service], display_name=f"Stylist {n}") for n in range(11))]
    for index, member in enumerate(stylists):
        work_every_day(member)
        booking_services.booking_create(
            actor=manager,
            service_id=service.pk,
            staff_id=member.pk,
            start=at(VISIT_DAY, "09:00"),
            customer_phone=f"05512346{index:02d}",
        )
    clock.set(EVENING_BEFORE)

    run_agenda()

    body = agendas(manager)[0].body
    lines = body.splitlines()
    listed = len(lines) - 2
    assert sms_segments(body) <= AGENDA_MAX_SEGMENTS
    assert lines[0].endswith(": ١٢")
    assert 0 < listed < 12
    assert lines[-1] == f"و{format_number(12 - listed, language='ar')} غيرها في التطبيق."


def test_an_agenda_not_sent_within_twelve_hours_is_skipped(tomorrow, manager, clock):
    notification_schedule_daily_agenda()
    clock.advance(hours=12)

    outcomes = notification_send_due()

    agenda = agendas(manager)[0]
    assert (outcomes["skipped"], agenda.status, agenda.last_error) == (1, "skipped", OUTDATED_AGENDA)
