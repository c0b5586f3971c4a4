"""Reads of the in-app inbox: a signed-in user's own notifications only."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from .errors import NotificationNotFound
from .models import IN_INBOX, Notification, NotificationStatus

MAX_ID = 2**63 - 1


def notification_inbox(*, user) -> QuerySet[Notification]:
    """The user's messages, newest first; a reminder skipped as outdated never reached them, a salon
    alert kept in the app only did."""
    return (
        Notification.objects.filter(IN_INBOX, recipient=user).select_related("booking").order_by("-created_at", "-id")
    )


def notification_unread_count(*, user) -> int:
    return notification_inbox(user=user).filter(read_at__isnull=True).count()


def notification_get(*, user, notification_id: int) -> Notification:
    """One of the user's notifications; anyone else's is not found."""
    notification = (
        notification_inbox(user=user).filter(pk=notification_id).first() if 0 < notification_id <= MAX_ID else None
    )
    if notification is None:
        raise NotificationNotFound()
    return notification


def notification_outbox_due_count() -> int:
    """Messages waiting to be sent now (the outbox backlog, a monitoring figure)."""
    return Notification.objects.filter(
        Q(status=NotificationStatus.PENDING, next_attempt_at__lte=timezone.now())
    ).count()
