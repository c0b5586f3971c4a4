"""Careful reads of the privacy app."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from .models import DataSubjectRequest, RequestStatus


def data_request_list_overdue(*, now: datetime | None = None) -> QuerySet[DataSubjectRequest]:
    """Open requests past their 30-day due date, oldest first."""
    now = now or timezone.now()
    return DataSubjectRequest.objects.filter(status=RequestStatus.RECEIVED, due_at__lt=now).order_by("due_at")
