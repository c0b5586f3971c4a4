"""The unsubscribe link (one-click and the landing page's POST) and the mail provider's bounces and
complaints: what each stops, and who may call them."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from apps.accounts.consents import consent_state, consent_update
from apps.accounts.models import ConsentChoice, User
from apps.notifications.email_unsubscribe import unsubscribe_token
from apps.notifications.models import Channel, Notification
from apps.notifications.services import notification_send_due

pytestmark = pytest.mark.django_db

UNSUBSCRIBE_URL = "/api/notifications/unsubscribe/"
EVENTS_URL = "/api/notifications/email-events/"
SECRET = "s3cret-webhook"  # noqa: S105


@pytest.fixture
def mailed(customer):
    customer.email, customer.email_verified = "sara@example.com", True
    customer.save(update_fields=["email", "email_verified"])
    return customer


def one_click_url(message) -> str:
    return message.extra_headers["List-Unsubscribe"].strip("<>")


# --- Unsubscribe --------------------------------------------------------------------------------


def test_the_one_click_post_of_a_mail_client_stops_booking_emails_only(book, mailed, client):
    consent_update(user=mailed, changes={"reminders": {"email": True}}, source="app")
    book()
    notification_send_due()
    url = urlsplit(one_click_url(mail.outbox[0]))

    response = client.post(
        f"{url.path}?{url.query}", "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    mailed.refresh_from_db()
    state = consent_state(user=mailed)
    assert (response.status_code, response.json()) == (200, {"list": "booking"})
    assert mailed.booking_emails is False
    assert (state["reminders"]["email"], state["marketing"]["email"]) == (False, False)
    assert (state["reminders"]["sms"], state["reminders"]["whatsapp"]) == (True, True)
    assert ConsentChoice.objects.filter(user=mailed, source="email_link").count() == 1


def test_after_unsubscribing_bookings_go_by_sms_only(book, mailed, client):
    client.post(
        UNSUBSCRIBE_URL,
        {"token": unsubscribe_token(user_id=mailed.pk, email_list="booking")},
        content_type="application/json",
    )

    booking = book()
    notification_send_due()

    assert mail.outbox == []
    assert list(Notification.objects.filter(booking=booking, recipient=mailed).values_list("channel", "status")) == [
        (Channel.SMS, "sent")
    ]


def test_the_landing_page_link_carries_a_token_the_api_accepts_and_twice_is_fine(book, mailed, client):
    book()
    notification_send_due()
    page = re.search(r"https?://\S+/email/unsubscribe\?token=\S+", mail.outbox[0].body).group(0)
    token = parse_qs(urlsplit(page).query)["token"][0]

    first = client.post(UNSUBSCRIBE_URL, {"token": token}, content_type="application/json")
    second = client.post(UNSUBSCRIBE_URL, {"token": token}, content_type="application/json")

    assert [first.status_code, second.status_code] == [200, 200]
    assert User.objects.get(pk=mailed.pk).booking_emails is False


def test_the_daily_summary_link_stops_only_the_summary(manager, client):
    User.objects.filter(pk=manager.pk).update(daily_agenda_by_email=True)

    response = client.post(
        UNSUBSCRIBE_URL,
        {"token": unsubscribe_token(user_id=manager.pk, email_list="agenda")},
        content_type="application/json",
    )

    manager.refresh_from_db()
    assert (response.json(), manager.daily_agenda_by_email, manager.booking_emails) == ({"list": "agenda"}, False, True)


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", unsubscribe_token(user_id=1, email_list="booking")[:-3] + "abc"],
    ids=["empty", "garbage", "tampered"],
)
def test_a_bad_unsubscribe_token_is_a_400_that_changes_nothing(mailed, client, token):
    response = client.post(UNSUBSCRIBE_URL, {"token": token}, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] in {"invalid", "unsubscribe_link_invalid"}
    assert User.objects.get(pk=mailed.pk).booking_emails is True


def test_an_unknown_list_in_a_signed_token_is_refused(mailed, client):
    response = client.post(
        UNSUBSCRIBE_URL,
        {"token": unsubscribe_token(user_id=mailed.pk, email_list="marketing")},
        content_type="application/json",
    )

    assert (response.status_code, response.json()["code"]) == (400, "unsubscribe_link_invalid")


# --- Bounces and complaints ---------------------------------------------------------------------


def post_events(client, events, secret=SECRET):
    headers = {"HTTP_X_EMAIL_WEBHOOK_SECRET": secret} if secret is not None else {}
    return client.post(EVENTS_URL, {"events": events}, content_type="application/json", **headers)


@pytest.mark.parametrize("secret", [None, "", "wrong"], ids=["missing", "empty", "wrong"])
def test_the_webhook_refuses_a_missing_or_wrong_secret(mailed, client, settings, secret):
    settings.EMAIL_WEBHOOK_SECRET = SECRET

    response = post_events(client, [{"type": "bounce", "email": "sara@example.com"}], secret=secret)

    assert (response.status_code, response.json()["code"]) == (403, "email_webhook_forbidden")
    assert User.objects.get(pk=mailed.pk).email_undeliverable is False


def test_the_webhook_refuses_everything_without_a_configured_secret(mailed, client, settings):
    settings.EMAIL_WEBHOOK_SECRET = ""

    response = post_events(client, [{"type": "bounce", "email": "sara@example.com"}], secret="")

    assert response.status_code == 403


def test_a_permanent_bounce_or_a_complaint_marks_the_address_undeliverable(mailed, manager, client, settings, book):
    settings.EMAIL_WEBHOOK_SECRET = SECRET
    User.objects.filter(pk=manager.pk).update(email="maha@example.com", email_verified=True)

    response = post_events(
        client,
        [
            {"type": "bounce", "email": "SARA@example.com", "permanent": True},
            {"type": "complaint", "email": "maha@example.com"},
            {"type": "bounce", "email": "nobody@example.com"},
        ],
    )
    booking = book()
    notification_send_due()

    assert (response.status_code, response.json()) == (200, {"received": 3, "marked_undeliverable": 2})
    assert list(User.objects.filter(email_undeliverable=True).order_by("pk").values_list("pk", flat=True)) == sorted(
        [mailed.pk, manager.pk]
    )
    assert mail.outbox == []
    assert not Notification.objects.filter(booking=booking, channel=Channel.EMAIL).exists()


def test_a_temporary_bounce_or_a_delivery_changes_nothing(mailed, client, settings):
    settings.EMAIL_WEBHOOK_SECRET = SECRET

    response = post_events(
        client,
        [
            {"type": "bounce", "email": "sara@example.com", "permanent": False},
            {"type": "delivery", "email": "sara@example.com"},
        ],
    )

    assert response.json() == {"received": 2, "marked_undeliverable": 0}
    assert User.objects.get(pk=mailed.pk).email_undeliverable is False


def test_an_unverified_address_is_not_marked(customer, client, settings):
    settings.EMAIL_WEBHOOK_SECRET = SECRET
    User.objects.filter(pk=customer.pk).update(email="sara@example.com", email_verified=False)

    response = post_events(client, [{"type": "complaint", "email": "sara@example.com"}])

    assert response.json()["marked_undeliverable"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"events": []}, "events.non_field_errors"),
        ({"events": [{"type": "opened", "email": "sara@example.com"}]}, "events.0.type"),
        ({"events": [{"type": "bounce", "email": "not an email"}]}, "events.0.email"),
        ({}, "events"),
    ],
)
def test_bad_webhook_input_is_a_400(client, settings, body, field):
    settings.EMAIL_WEBHOOK_SECRET = SECRET

    response = client.post(EVENTS_URL, body, content_type="application/json", HTTP_X_EMAIL_WEBHOOK_SECRET=SECRET)

    assert (response.status_code, response.json()["code"], list(response.json()["errors"])) == (400, "invalid", [field])


def test_the_profile_shows_an_undeliverable_address(api_client, mailed):
    User.objects.filter(pk=mailed.pk).update(email_undeliverable=True)
    api_client.force_authenticate(user=User.objects.get(pk=mailed.pk))

    me = api_client.get("/api/auth/me/").json()

    assert (me["email"], me["email_verified"], me["email_undeliverable"]) == ("sara@example.com", True, True)


@pytest.mark.parametrize("body", [[], ["token"], 12, {"token": 12}], ids=["list", "list-of-str", "number", "not-str"])
def test_an_unsubscribe_body_of_the_wrong_shape_is_a_400(client, body):
    response = client.post(UNSUBSCRIBE_URL, body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] in {"invalid", "unsubscribe_link_invalid"}
