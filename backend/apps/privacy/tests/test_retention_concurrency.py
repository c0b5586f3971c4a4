"""Two purges at once (two servers' crons): every row purged exactly once, the printed counts add up, nobody fails."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.accounts.models import OTPRequest
from apps.bookings.tests.conftest import make_user
from apps.core.tests.concurrency import race
from apps.notifications.models import Notification, NotificationStatus
from apps.privacy.retention import data_purge_expired

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]

ROWS = 60


def test_two_purges_at_once_neither_double_count_nor_fail():
    now = timezone.now()
    old = now - timedelta(days=400)
    OTPRequest.objects.bulk_create(
        OTPRequest(
            phone_number=f"+9665510{index:05d}", channel="sms", provider="console", ip_address="1", expires_at=old
        )
        for index in range(ROWS)
    )
    OTPRequest.objects.update(created_at=old)
    user = make_user()
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            event="reminder",
            occurrence=str(index),
            template="t",
            language="ar",
            body="x",
            channel="sms",
            status=NotificationStatus.SENT,
        )
        for index in range(ROWS)
    )
    Notification.objects.update(created_at=old)

    results = race([lambda: data_purge_expired(now=now, batch_size=5) for _ in range(2)])

    assert not [result for result in results if isinstance(result, BaseException)], results
    assert sum(result["otp_requests"] for result in results) == ROWS
    assert sum(result["notification_texts"] for result in results) == ROWS
    assert OTPRequest.objects.count() == 0
    assert not Notification.objects.exclude(body="").exists()
