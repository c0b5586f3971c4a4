"""A stylist's working time as the salon's managers change it: the weekly hours (replaced a week at
a time), time off and special hours. A change that would leave upcoming bookings outside working
time is refused with `bookings_affected`, or, with `cancel_affected`, made together with their
cancellation (`affected.working_time_change`), in one transaction with its audit entry."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from apps.audit.models import AuditAction
from apps.audit.services import audit_record, audit_snapshot
from apps.salons import services as catalog
from apps.salons.errors import SpecialHoursNotFound, TimeOffNotFound, TimeOffReadOnly
from apps.salons.models import SpecialHours, StaffMember, TimeOff

from .access import managed_salon_get
from .affected import working_time_change
from .team import staff_of_salon

TIME_OFF_FIELDS = ("start", "end", "reason")
SPECIAL_HOURS_FIELDS = ("date", "start_time", "end_time")


def _week(staff: StaffMember) -> list[list]:
    return [
        [hours.weekday, hours.start_time.strftime("%H:%M"), hours.end_time.strftime("%H:%M")]
        for hours in staff.working_hours.order_by("weekday", "start_time")
    ]


def working_hours_replace(
    *,
    actor,
    salon_id: int,
    staff_id: int,
    rows: list[tuple[int, time, time]],
    cancel_affected: bool = False,
    reason: str = "",
    now: datetime | None = None,
) -> StaffMember:
    """Replace the stylist's whole week with `rows` (weekday, start, end)."""
    now = now or timezone.now()
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        before = _week(staff)
        working_time_change(
            actor=actor,
            salon=salon,
            staff=staff,
            change=lambda: catalog.working_hours_replace(staff=staff, rows=rows),
            cancel=cancel_affected,
            reason=reason,
            now=now,
        )
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=staff,
            object_type="working_hours",
            action=AuditAction.REPLACED,
            before={"hours": before},
            after={"hours": _week(staff)},
        )
    return staff


def time_off_create(
    *,
    actor,
    salon_id: int,
    staff_id: int,
    start: datetime,
    end: datetime,
    reason: str = "",
    cancel_affected: bool = False,
    cancel_reason: str = "",
    now: datetime | None = None,
) -> TimeOff:
    now = now or timezone.now()
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        time_off = working_time_change(
            actor=actor,
            salon=salon,
            staff=staff,
            change=lambda: catalog.time_off_create(staff=staff, start=start, end=end, reason=reason),
            cancel=cancel_affected,
            reason=cancel_reason,
            now=now,
        )
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=time_off,
            object_type="time_off",
            action=AuditAction.CREATED,
            after={"staff": staff.pk, **audit_snapshot(time_off, TIME_OFF_FIELDS)},
        )
    return time_off


def time_off_delete(*, actor, salon_id: int, staff_id: int, time_off_id: int) -> None:
    """Remove time off (it can only free time, so no booking is affected)."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        time_off = TimeOff.objects.filter(staff=staff, pk=time_off_id).first()
        if time_off is None:
            raise TimeOffNotFound()
        if time_off.is_external:
            raise TimeOffReadOnly()
        before = {"staff": staff.pk, **audit_snapshot(time_off, TIME_OFF_FIELDS)}
        time_off_pk, time_off_repr = time_off.pk, str(time_off)
        catalog.time_off_delete(time_off=time_off)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            object_type="time_off",
            object_id=time_off_pk,
            object_repr=time_off_repr,
            action=AuditAction.DELETED,
            before=before,
        )


def special_hours_create(
    *,
    actor,
    salon_id: int,
    staff_id: int,
    day: date,
    start: time | None = None,
    end: time | None = None,
    cancel_affected: bool = False,
    reason: str = "",
    now: datetime | None = None,
) -> SpecialHours:
    now = now or timezone.now()
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        special = working_time_change(
            actor=actor,
            salon=salon,
            staff=staff,
            change=lambda: catalog.special_hours_create(staff=staff, day=day, start=start, end=end),
            cancel=cancel_affected,
            reason=reason,
            now=now,
        )
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=special,
            object_type="special_hours",
            action=AuditAction.CREATED,
            after={"staff": staff.pk, **audit_snapshot(special, SPECIAL_HOURS_FIELDS)},
        )
    return special


def special_hours_delete(
    *,
    actor,
    salon_id: int,
    staff_id: int,
    special_hours_id: int,
    cancel_affected: bool = False,
    reason: str = "",
    now: datetime | None = None,
) -> None:
    """Remove special hours: the weekday's hours apply again that date, which may leave bookings
    outside working time (`bookings_affected` unless `cancel_affected`)."""
    now = now or timezone.now()
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        special = SpecialHours.objects.filter(staff=staff, pk=special_hours_id).first()
        if special is None:
            raise SpecialHoursNotFound()
        before = {"staff": staff.pk, **audit_snapshot(special, SPECIAL_HOURS_FIELDS)}
        special_pk, special_repr = special.pk, str(special)
        working_time_change(
            actor=actor,
            salon=salon,
            staff=staff,
            change=lambda: catalog.special_hours_delete(special_hours=special),
            cancel=cancel_affected,
            reason=reason,
            now=now,
        )
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            object_type="special_hours",
            object_id=special_pk,
            object_repr=special_repr,
            action=AuditAction.DELETED,
            before=before,
        )
