"""A failing after-commit hook neither turns a saved cancellation into a 500 nor skips the hooks after
it (Django ticket #36487: a `functools.partial` hook crashed Django's own error logging)."""

import logging

import pytest

from apps.bookings.events import booking_reactors
from apps.bookings.models import BookingStatus
from apps.notifications.models import Notification, NotificationStatus
from apps.notifications.reactions import notify_booking_changed
from apps.payments import sync
from apps.payments.models import EventSource, RefundStatus
from apps.payments.reactions import refund_cancelled_booking
from apps.payments.services import payment_sync

from .conftest import make_payment, remote

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_cancel_whose_refund_hook_fails_answers_200_and_still_sends_its_messages(
    booking, customer_client, monkeypatch, caplog, settings
):
    settings.NOTIFICATION_SEND_IMMEDIATELY = True
    payment = make_payment(booking)
    payment_sync(payment_id=payment.id, remote=remote(payment, status="paid"), source=EventSource.REFRESH)
    # The refund's hook is queued first (payments react before notifications), then the messages' one.
    monkeypatch.setattr(booking_reactors, "_reactors", [refund_cancelled_booking, notify_booking_changed])

    def refund_execute(**kwargs):
        raise RuntimeError("gateway client bug")

    monkeypatch.setattr(sync, "refund_execute", refund_execute)

    with caplog.at_level(logging.ERROR):
        response = customer_client.post(f"/api/bookings/{booking.pk}/cancel/", {}, format="json")

    assert response.status_code == 200, response.content
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert payment.refunds.get().status == RefundStatus.PENDING  # left to `reconcile_payments`
    cancelled = Notification.objects.filter(booking=booking, event="cancelled")
    assert [n.status for n in cancelled] == [NotificationStatus.SENT]
    failures = [r for r in caplog.records if r.name == "apps.core.after_commit"]
    assert [r.getMessage() for r in failures] == [
        "After-commit hook payments.refund_execute failed; it is left to the retrying commands"
    ]
