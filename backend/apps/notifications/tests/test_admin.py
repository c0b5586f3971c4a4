from unittest import mock

import pytest
from django.test import Client
from django.utils.html import escape

from apps.bookings.tests.conftest import make_user
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.providers.console import ConsoleProvider

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/notifications/notification/"


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(make_user(phone_number="+966500000901", is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def messages(book, settings, django_capture_on_commit_callbacks):
    """A booking whose two messages failed for good (one attempt allowed, and it timed out)."""
    settings.NOTIFICATION_MAX_ATTEMPTS = 1
    with (
        mock.patch.object(ConsoleProvider, "send", side_effect=TimeoutError("timed out")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        booking = book()
    return booking


def test_the_list_filters_by_status_event_channel_and_date(admin_client, messages):
    response = admin_client.get(
        CHANGELIST,
        {
            "status__exact": "failed",
            "event__exact": "created",
            "channel__exact": "sms",
            "created_at__gte": "2026-03-01 00:00:00+03:00",
            "created_at__lt": "2026-03-02 00:00:00+03:00",
        },
    )

    assert response.status_code == 200
    assert response.context["cl"].result_count == 2


@pytest.mark.parametrize(("query", "count"), [("+966500000101", 1), ("500000201", 1), ("reference", 2), ("SLN-0", 0)])
def test_the_list_searches_by_phone_and_booking_reference(admin_client, messages, query, count):
    if query == "reference":
        query = messages.reference

    response = admin_client.get(CHANGELIST, {"q": query})

    assert response.context["cl"].result_count == count


def test_the_change_page_shows_the_body_and_the_error_read_only(admin_client, messages):
    notification = Notification.objects.filter(booking=messages).first()

    response = admin_client.get(f"{CHANGELIST}{notification.pk}/change/")

    assert response.status_code == 200
    assert escape(notification.body) in response.content.decode()
    assert "TimeoutError: timed out" in response.content.decode()
    assert list(response.context["adminform"].form.fields) == []


def test_retry_now_sends_failed_messages_again(admin_client, messages, outbox, django_capture_on_commit_callbacks):
    ids = [str(pk) for pk in Notification.objects.values_list("pk", flat=True)]

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(CHANGELIST, {"action": "retry_now", "_selected_action": ids}, follow=True)

    assert response.status_code == 200
    assert set(Notification.objects.values_list("status", "attempts")) == {(NotificationStatus.SENT, 2)}
    assert len(outbox.messages) == 2
    assert [str(message) for message in response.context["messages"]] == [
        "أُعيدت محاولة إرسال رسالتين؛ تُظهر حالتهما النتيجة."
    ]


def test_retry_now_leaves_sent_messages_alone(admin_client, book, outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        book()
    ids = [str(pk) for pk in Notification.objects.values_list("pk", flat=True)]

    response = admin_client.post(CHANGELIST, {"action": "retry_now", "_selected_action": ids}, follow=True)

    assert len(outbox.messages) == 2
    assert [str(message) for message in response.context["messages"]] == [
        "لم تُعَد محاولة رسالتين: تُعاد المحاولة للرسائل المعلّقة أو المتعذّر إرسالها فقط."
    ]


def test_messages_cannot_be_added_or_deleted_here(admin_client, messages):
    notification = Notification.objects.first()

    assert admin_client.get(f"{CHANGELIST}add/").status_code == 403
    assert admin_client.get(f"{CHANGELIST}{notification.pk}/delete/").status_code == 403
