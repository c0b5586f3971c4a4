"""Booking messages by email: who gets them, both parts, the calendar attachment, the headers, right
to left in Arabic, and exactly once under retries."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from icalendar import Calendar

from apps.accounts.consents import consent_update
from apps.bookings import services as booking_services
from apps.bookings.models import BookingEvent
from apps.bookings.tests.conftest import at
from apps.notifications.models import Channel, Notification, NotificationStatus
from apps.notifications.selectors import notification_inbox
from apps.notifications.services import (
    notification_booking_event,
    notification_schedule_reminders,
    notification_send_due,
)

from .conftest import REMINDER_DUE, VISIT_DAY

pytestmark = pytest.mark.django_db

ADDRESS = "sara@example.com"


@pytest.fixture(autouse=True)
def frontend(settings):
    settings.FRONTEND_URL = "https://salon.example"


@pytest.fixture
def mailed(customer):
    """The customer, with a verified address."""
    customer.email, customer.email_verified = ADDRESS, True
    customer.save(update_fields=["email", "email_verified"])
    return customer


def ics_of(message) -> Calendar:
    (name, content, mimetype) = message.attachments[0]
    assert name == "booking.ics"
    return Calendar.from_ical(content)


def invitation(message) -> tuple[str, str, int, str, str]:
    """(METHOD, UID, SEQUENCE, STATUS, content type) of the email's attachment."""
    calendar = ics_of(message)
    event = calendar.walk("VEVENT")[0]
    mimetype = message.attachments[0][2]
    return str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"]), str(event["STATUS"]), mimetype


def email_rows(booking) -> list[tuple[str, str]]:
    rows = Notification.objects.filter(booking=booking, channel=Channel.EMAIL).order_by("pk")
    return [(row.event, row.status) for row in rows]


def test_every_change_of_a_booking_is_mailed_with_an_invitation_that_updates_the_same_event(
    book, mailed, manager, clock
):
    booking = book()
    notification_send_due()
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    notification_send_due()
    booking_services.booking_reschedule(booking_id=booking.pk, actor=mailed, start=at(VISIT_DAY, "18:00"))
    notification_send_due()
    booking_services.booking_cancel(booking_id=booking.pk, actor=mailed)
    notification_send_due()

    uid = f"booking-{booking.reference}@salon.example"
    assert [message.to for message in mail.outbox] == [[ADDRESS]] * 4
    assert [invitation(message) for message in mail.outbox] == [
        ("REQUEST", uid, 0, "TENTATIVE", "text/calendar; method=REQUEST; charset=utf-8"),
        ("REQUEST", uid, 1, "CONFIRMED", "text/calendar; method=REQUEST; charset=utf-8"),
        ("REQUEST", uid, 2, "CONFIRMED", "text/calendar; method=REQUEST; charset=utf-8"),
        ("CANCEL", uid, 3, "CANCELLED", "text/calendar; method=CANCEL; charset=utf-8"),
    ]
    assert BookingEvent.objects.filter(booking=booking).count() == 4
    moved = ics_of(mail.outbox[2]).walk("VEVENT")[0]
    assert moved.decoded("DTSTART") == at(VISIT_DAY, "18:00")
    assert moved.decoded("DTEND") == at(VISIT_DAY, "19:00")
    assert email_rows(booking) == [
        ("created", "sent"),
        ("confirmed", "sent"),
        ("rescheduled", "sent"),
        ("cancelled", "sent"),
    ]


def test_the_email_has_a_text_and_an_arabic_right_to_left_html_part(book, mailed):
    booking = book()
    notification_send_due()

    (message,) = mail.outbox
    sms_body = Notification.objects.get(booking=booking, recipient=mailed, channel=Channel.SMS).body
    assert message.subject == "إنشاء حجز · صالون لمسات الجمال"
    assert message.body.startswith(sms_body + "\n")
    assert f"https://salon.example/bookings/{booking.pk}" in message.body
    assert "https://salon.example/email/unsubscribe?token=" in message.body
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    assert '<html lang="ar" dir="rtl">' in html
    assert "text-align:right" in html
    assert sms_body in html


def test_an_english_speaker_gets_a_left_to_right_email(book, mailed):
    mailed.preferred_language = "en"
    mailed.save(update_fields=["preferred_language"])
    book()
    notification_send_due()

    (message,) = mail.outbox
    html = message.alternatives[0][0]
    assert message.subject == "Booking created · Lamasat Beauty Salon"
    assert ('<html lang="en" dir="ltr">' in html, "text-align:left" in html) == (True, True)
    assert "View your booking" in html


def test_the_email_carries_the_one_click_unsubscribe_headers(book, mailed):
    booking = book()
    notification_send_due()

    (message,) = mail.outbox
    row = Notification.objects.get(booking=booking, channel=Channel.EMAIL)
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<https://salon.example/api/notifications/unsubscribe/?token="
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Message-ID"] == f"<notification-{row.pk}@salon.example>"
    assert row.provider_message_id == f"<notification-{row.pk}@salon.example>"
    assert (row.provider, row.channel_used) == ("django-email", "email")


@pytest.mark.parametrize(
    ("event", "data", "template"),
    [
        ("payment_received", {"payment_id": "p-1", "amount": 11500, "currency": "SAR"}, "customer_payment_received"),
        ("refund_issued", {"refund_id": "r-1", "amount": 11500, "reason": "admin"}, "customer_refund_issued"),
    ],
)
def test_payments_and_refunds_are_mailed_with_the_booking_attached(book, mailed, event, data, template):
    booking = book()
    notification_send_due()
    mail.outbox.clear()

    notification_booking_event(booking_id=booking.pk, event=event, actor_id=None, data=data)
    notification_send_due()

    (message,) = mail.outbox
    row = Notification.objects.get(booking=booking, event=event, channel=Channel.EMAIL)
    assert (row.template, row.status) == (template, "sent")
    assert message.body.startswith(row.body)
    assert invitation(message)[:3] == ("REQUEST", f"booking-{booking.reference}@salon.example", 0)
    assert message.alternatives[0][1] == "text/html"


def test_a_reminder_is_mailed_only_to_a_customer_who_wants_reminders_by_email(book, mailed, manager, clock):
    booking = book()
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    consent_update(user=mailed, changes={"reminders": {"email": True}}, source="app")
    notification_send_due()
    mail.outbox.clear()

    clock.set(REMINDER_DUE)
    notification_schedule_reminders()
    notification_send_due()

    (message,) = mail.outbox
    assert Notification.objects.get(booking=booking, event="reminder", channel=Channel.EMAIL).status == "sent"
    assert message.body.startswith("تذكير")
    assert invitation(message)[0] == "REQUEST"


def test_reminders_are_not_mailed_by_default(book, mailed, manager, clock):
    booking = book()
    booking_services.booking_confirm(booking_id=booking.pk, actor=manager)
    notification_send_due()
    mail.outbox.clear()

    clock.set(REMINDER_DUE)
    notification_schedule_reminders()
    notification_send_due()

    assert mail.outbox == []
    assert Notification.objects.filter(booking=booking, event="reminder", channel=Channel.EMAIL).count() == 0
    assert Notification.objects.get(booking=booking, event="reminder", channel=Channel.SMS).status == "sent"


@pytest.mark.parametrize(
    "state",
    [
        {"email": ADDRESS, "email_verified": False},
        {"email": None, "email_verified": False, "pending_email": ADDRESS},
        {"email": ADDRESS, "email_verified": True, "email_undeliverable": True},
        {"email": ADDRESS, "email_verified": True, "booking_emails": False},
    ],
    ids=["unverified", "pending", "undeliverable", "unsubscribed"],
)
def test_no_email_without_a_verified_deliverable_address_or_after_unsubscribing(book, customer, state):
    for field, value in state.items():
        setattr(customer, field, value)
    customer.save()

    booking = book()
    notification_send_due()

    assert mail.outbox == []
    assert email_rows(booking) == []
    assert Notification.objects.get(booking=booking, recipient=customer).channel == Channel.SMS


def test_an_address_that_bounced_after_the_email_was_planned_is_not_mailed(book, mailed):
    booking = book()
    mailed.email_undeliverable = True
    mailed.save(update_fields=["email_undeliverable"])

    notification_send_due()

    assert mail.outbox == []
    row = Notification.objects.get(booking=booking, channel=Channel.EMAIL)
    assert (row.status, row.last_error, row.attempts) == (
        "skipped",
        "Not sent: the recipient has no verified, deliverable email address.",
        0,
    )


def test_stylists_and_managers_get_no_booking_emails(book, mailed, stylist_user, manager):
    for user in (stylist_user, manager):
        user.email, user.email_verified = f"{user.first_name.lower()}@example.com", True
        user.save(update_fields=["email", "email_verified"])

    booking = book()
    notification_send_due()

    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert set(
        Notification.objects.filter(booking=booking, channel=Channel.EMAIL).values_list("recipient_id", flat=True)
    ) == {mailed.pk}


def test_the_email_copy_is_not_in_the_inbox(book, mailed):
    book()
    notification_send_due()

    assert [row.channel for row in notification_inbox(user=mailed)] == [Channel.SMS]


def test_a_failed_send_is_retried_and_the_email_goes_out_once(book, mailed, clock):
    booking = book()
    with mock.patch.object(EmailBackend, "send_messages", side_effect=smtplib.SMTPServerDisconnected("gone")):
        first = notification_send_due()

    row = Notification.objects.get(booking=booking, channel=Channel.EMAIL)
    assert (first["retrying"], row.status, row.attempts, mail.outbox) == (1, NotificationStatus.PENDING, 1, [])
    assert row.last_error == "Email backend: SMTPServerDisconnected: gone"

    clock.advance(minutes=1)
    second = notification_send_due()
    notification_booking_event(booking_id=booking.pk, event="created", actor_id=None)  # a replay
    third = notification_send_due()

    row.refresh_from_db()
    assert (second["sent"], third["sent"], row.status, row.attempts) == (1, 0, "sent", 2)
    assert len(mail.outbox) == 1
    assert Notification.objects.filter(booking=booking, channel=Channel.EMAIL).count() == 1


def test_a_message_and_its_email_are_two_records_under_the_same_key(book, mailed):
    booking = book()

    rows = Notification.objects.filter(booking=booking, recipient=mailed).order_by("pk")
    assert [(row.event, row.occurrence, row.channel) for row in rows] == [
        ("created", "", Channel.SMS),
        ("created", "", Channel.EMAIL),
    ]
    assert rows[0].body == rows[1].body


def test_the_invitation_lasts_as_long_as_the_visit_and_names_the_salon(book, mailed):
    booking = book()
    notification_send_due()

    event = ics_of(mail.outbox[0]).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == booking.start
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=60)
    assert str(event["SUMMARY"]) == "قص وتصفيف الشعر – صالون لمسات الجمال"
    assert str(event["ATTENDEE"]) == f"mailto:{ADDRESS}"


def test_an_unpaid_hold_is_mailed_without_an_invitation_and_its_confirmation_with_one(book, mailed, salon):
    salon.requires_prepayment = True
    salon.save(update_fields=["requires_prepayment"])
    booking = book()
    notification_send_due()

    booking_services.booking_confirm_paid(booking_id=booking.pk)
    notification_send_due()

    hold, confirmed = mail.outbox
    assert (hold.attachments, hold.alternatives[0][1]) == ([], "text/html")
    assert invitation(confirmed)[:3] == ("REQUEST", f"booking-{booking.reference}@salon.example", 1)
