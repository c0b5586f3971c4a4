"""Reads: a stylist's connection status and the busy events that overlap bookings."""

from django.db.models import F, QuerySet

from apps.bookings.models import BLOCKING_STATUSES
from apps.salons.models import StaffMember

from .models import BusyConflict, CalendarChange, ChangeStatus, GoogleConnection


def connection_status(*, staff: StaffMember) -> dict:
    connection = GoogleConnection.objects.filter(staff=staff).first()
    if connection is None:
        return {
            "staff_id": staff.pk,
            "status": "not_connected",
            "calendar_id": "",
            "calendar_name": "",
            "last_synced_at": None,
            "last_error": "",
            "last_error_at": None,
            "connected_at": None,
            "pending_changes": 0,
            "failed_changes": 0,
        }
    return {
        "staff_id": staff.pk,
        "status": connection.status,
        "calendar_id": connection.calendar_id,
        "calendar_name": connection.calendar_name,
        "last_synced_at": connection.last_synced_at,
        "last_error": connection.last_error,
        "last_error_at": connection.last_error_at,
        "connected_at": connection.connected_at,
        "pending_changes": CalendarChange.objects.filter(
            connection=connection, status__in=(ChangeStatus.PENDING, ChangeStatus.SENDING)
        ).count(),
        "failed_changes": CalendarChange.objects.filter(connection=connection, status=ChangeStatus.FAILED).count(),
    }


def conflict_list(*, salon_ids: list[int] | None, staff_id: int | None = None) -> QuerySet[BusyConflict]:
    """Busy events overlapping a booking that still holds the time, soonest first (a conflict resolved by
    moving or cancelling the booking, or the event, drops out)."""
    # Still a conflict: the booking holds the time, with the same stylist, and the event still overlaps it.
    conflicts = BusyConflict.objects.filter(
        booking__status__in=BLOCKING_STATUSES,
        booking__staff_id=F("time_off__staff_id"),
        time_off__start__lt=F("booking__end"),
        time_off__end__gt=F("booking__start"),
    ).select_related("booking", "time_off__staff")
    if salon_ids is not None:
        conflicts = conflicts.filter(booking__salon_id__in=salon_ids)
    if staff_id is not None:
        conflicts = conflicts.filter(time_off__staff_id=staff_id)
    return conflicts.order_by("booking__start", "pk")
