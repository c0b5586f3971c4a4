"""Tomorrow's bookings by email for managers who opted in: once per manager, salon and day beside the
SMS or inbox message, in their language, with the summary's own unsubscribe link."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from apps.accounts.models import User
from apps.bookings import services as booking_services
from apps.notifications.models import Channel, Notification

from .conftest import VISIT_DAY

pytestmark = pytest.mark.django_db

EVENING_BEFORE = datetime(2026, 3, 4, 17, 0, tzinfo=UTC)


def run_agenda() -> None:
    call_command("send_daily_agenda", stdout=StringIO())


@pytest.fixture
def tomorrow(book, manager, clock):
    booking = book("10:00")
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    clock.set(EVENING_BEFORE)
    mail.outbox.clear()
    return booking


def opt_in(user, **fields) -> None:
    values = {"email": "maha@example.com", "email_verified": True, "daily_agenda_by_email": True} | fields
    User.objects.filter(pk=user.pk).update(**values)


def agenda_rows(user) -> list[tuple[str, str]]:
    rows = Notification.objects.filter(recipient=user, event="daily_agenda").order_by("pk")
    return [(row.channel, row.status) for row in rows]


def test_a_manager_who_opted_in_gets_tomorrows_bookings_by_email_once(tomorrow, manager, salon):
    opt_in(manager, preferred_language="en")

    run_agenda()
    run_agenda()

    assert agenda_rows(manager) == [(Channel.SMS, "sent"), (Channel.EMAIL, "sent")]
    (message,) = mail.outbox
    sms = Notification.objects.get(recipient=manager, event="daily_agenda", channel=Channel.SMS)
    assert message.to == ["maha@example.com"]
    assert message.subject == "Tomorrow's bookings · Lamasat Beauty Salon"
    assert message.body.startswith(sms.body)
    assert message.attachments == []
    html = message.alternatives[0][0]
    assert '<html lang="en" dir="ltr">' in html
    assert "Open the back office" in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_the_summary_is_not_mailed_without_opting_in_or_a_verified_address(tomorrow, manager):
    User.objects.filter(pk=manager.pk).update(email="maha@example.com", email_verified=True)

    run_agenda()

    assert agenda_rows(manager) == [(Channel.SMS, "sent")]
    assert mail.outbox == []


def test_an_unverified_address_gets_no_summary_even_when_opted_in(tomorrow, manager):
    opt_in(manager, email_verified=False)

    run_agenda()

    assert (agenda_rows(manager), mail.outbox) == ([(Channel.SMS, "sent")], [])


def test_opting_in_after_the_sms_went_adds_only_the_email(tomorrow, manager, clock):
    run_agenda()
    opt_in(manager)
    clock.advance(minutes=5)

    run_agenda()

    assert agenda_rows(manager) == [(Channel.SMS, "sent"), (Channel.EMAIL, "sent")]
    assert len(mail.outbox) == 1


def test_the_summary_unsubscribe_link_stops_the_summary(tomorrow, manager, client, clock):
    opt_in(manager)
    run_agenda()
    token = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>").split("token=")[1]

    client.post("/api/notifications/unsubscribe/", {"token": token}, content_type="application/json")
    clock.set(EVENING_BEFORE + timedelta(days=1))
    booking_services.booking_create(
        actor=manager,
        service_id=tomorrow.service_id,
        staff_id=tomorrow.staff_id,
        start=tomorrow.start + timedelta(days=1),
        customer_phone="0551234567",
        customer_name="Reem",
    )
    run_agenda()

    assert [row for row in agenda_rows(manager) if row[0] == Channel.EMAIL] == [(Channel.EMAIL, "sent")]
    assert len(mail.outbox) == 1
    assert VISIT_DAY.isoformat() in Notification.objects.get(recipient=manager, channel=Channel.EMAIL).occurrence
