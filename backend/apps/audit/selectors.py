"""Reading the audit log."""

from datetime import datetime

from django.db.models import QuerySet

from .models import AuditEntry


def audit_list(
    *, salon_id: int, object_type: str = "", date_from: datetime | None = None, date_to: datetime | None = None
) -> QuerySet[AuditEntry]:
    """A salon's entries, newest first; `date_to` is exclusive."""
    entries = AuditEntry.objects.filter(salon_id=salon_id).select_related("actor")
    if object_type:
        entries = entries.filter(object_type=object_type)
    if date_from is not None:
        entries = entries.filter(created_at__gte=date_from)
    if date_to is not None:
        entries = entries.filter(created_at__lt=date_to)
    return entries.order_by("-created_at", "-id")
