"""Writes of the privacy app: the register of data-subject requests."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from .models import DataSubjectRequest, RequestKind, RequestStatus


def data_request_record(
    *,
    kind: str,
    subject,
    status: str = RequestStatus.COMPLETED,
    detail: str = "",
    now: datetime | None = None,
) -> DataSubjectRequest:
    """Record a request by `subject` (a user) in the register; a completed one is completed at `now`."""
    now = now or timezone.now()
    with transaction.atomic():
        return DataSubjectRequest.objects.create(
            kind=kind,
            subject=subject,
            subject_user_id=subject.pk,
            status=status,
            requested_at=now,
            completed_at=now if status == RequestStatus.COMPLETED else None,
            detail=detail[:255],
        )


def data_request_complete(*, request: DataSubjectRequest, now: datetime | None = None) -> DataSubjectRequest:
    """Mark an open request completed."""
    now = now or timezone.now()
    with transaction.atomic():
        DataSubjectRequest.objects.filter(pk=request.pk).update(status=RequestStatus.COMPLETED, completed_at=now)
    request.status, request.completed_at = RequestStatus.COMPLETED, now
    return request


def personal_data_export(*, user, now: datetime | None = None) -> dict:
    """Everything held about `user` (see `exporter.py`); the request is recorded as answered."""
    from .exporter import personal_data_document

    now = now or timezone.now()
    document = personal_data_document(user=user, now=now)
    data_request_record(kind=RequestKind.EXPORT, subject=user, now=now)
    return document
