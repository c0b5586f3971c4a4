"""The salon's team as its managers change it: add a stylist by phone number (they are told by SMS),
change a stylist's profile, services and photo, and deactivate a stylist, settling their upcoming
bookings first (refused with `bookings_affected`, given to another stylist, or cancelled). Each is
one transaction with its audit entries."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.audit.models import AuditAction
from apps.audit.services import audit_record, audit_snapshot
from apps.bookings.availability_changes import availability_batch
from apps.notifications.services import notification_staff_added
from apps.salons import services as catalog
from apps.salons.errors import StaffNotFound
from apps.salons.models import Salon, StaffMember
from apps.salons.photos import staff_photo_clean, staff_photo_set

from .access import managed_salon_get
from .affected import lock_people, reassign, settle, upcoming_bookings
from .errors import InvalidReassignTarget


def staff_of_salon(salon: Salon, staff_id: int, *, for_update: bool = False) -> StaffMember:
    """The salon's stylist (`StaffNotFound` for anyone else's). `for_update` takes FOR NO KEY UPDATE,
    which bookings being made for the stylist (their foreign key's FOR KEY SHARE) do not wait for:
    they wait for the stylist's named lock instead (`affected`), taken after this one."""
    staff = StaffMember.objects.filter(salon=salon, pk=staff_id)
    if for_update:
        staff = staff.select_for_update(of=("self",), no_key=True)
    member = staff.select_related("salon", "user").first()
    if member is None:
        raise StaffNotFound()
    return member


def _snapshot(staff: StaffMember) -> dict:
    snapshot = audit_snapshot(staff, (*catalog.STAFF_FIELDS, "photo"))
    snapshot["service_ids"] = sorted(staff.services.values_list("pk", flat=True))
    return snapshot


def staff_get(*, actor, salon_id: int, staff_id: int) -> StaffMember:
    return staff_of_salon(managed_salon_get(user=actor, salon_id=salon_id), staff_id)


def staff_add(
    *,
    actor,
    salon_id: int,
    phone_number: str,
    display_name: str,
    display_name_en: str = "",
    service_ids: list[int] | None = None,
) -> StaffMember:
    """Add a stylist by E.164 phone number (see `apps.salons.services.staff_add`); the stylist is
    told by SMS once the change commits."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = catalog.staff_add(
            salon=salon,
            phone_number=phone_number,
            display_name=display_name,
            display_name_en=display_name_en,
            service_ids=service_ids,
        )
        notification_staff_added(staff_id=staff.pk)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=staff,
            object_type="staff",
            action=AuditAction.CREATED,
            after={**_snapshot(staff), "phone_number": phone_number, "user": staff.user_id},
        )
    return staff


def _settle_departure(
    *, actor, salon: Salon, staff: StaffMember, reassign_to: int | None, cancel: bool, reason: str, now: datetime
) -> None:
    """Before a stylist is deactivated: give their upcoming bookings to `reassign_to`, or cancel them
    (`cancel`), or refuse when there are any (`BookingsAffected`)."""
    if reassign_to is not None:
        target = (
            StaffMember.objects.select_for_update(no_key=True)
            .filter(salon=salon, pk=reassign_to, is_active=True)
            .exclude(pk=staff.pk)
            .first()
        )
        if target is None:
            raise InvalidReassignTarget(errors={"reassign_to": [str(InvalidReassignTarget.message)]})
        reassign(actor=actor, salon=salon, staff=staff, target=target, now=now)
        return
    lock_people(staff_ids=[staff.pk])
    settle(
        actor=actor,
        salon=salon,
        bookings=upcoming_bookings(staff_id=staff.pk, now=now),
        cancel=cancel,
        reason=reason,
        now=now,
    )


def staff_update(
    *,
    actor,
    salon_id: int,
    staff_id: int,
    changes: dict,
    service_ids: list[int] | None = None,
    photo=None,
    reassign_to: int | None = None,
    cancel_affected: bool = False,
    reason: str = "",
    now: datetime | None = None,
) -> StaffMember:
    """Change a stylist's profile, services (`service_ids`) or photo (an upload). Deactivating
    (`is_active` False) settles their upcoming bookings first: with `reassign_to` (another active
    stylist of the salon) they move to that stylist at the same times, all or none; with
    `cancel_affected` they are cancelled with `reason`; otherwise `BookingsAffected` when there are any."""
    now = now or timezone.now()
    image = staff_photo_clean(photo) if photo is not None else None  # before the transaction: decoding takes a while
    with transaction.atomic(), availability_batch():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        staff = staff_of_salon(salon, staff_id, for_update=True)
        before = _snapshot(staff)
        deactivating = changes.get("is_active") is False and staff.is_active
        if deactivating:
            _settle_departure(
                actor=actor,
                salon=salon,
                staff=staff,
                reassign_to=reassign_to,
                cancel=cancel_affected,
                reason=reason,
                now=now,
            )
        catalog.staff_update(staff=staff, changes=changes, service_ids=service_ids)
        if image is not None:
            staff_photo_set(staff=staff, image=image)
        after = _snapshot(staff)
        fields = (
            set(changes) | ({"service_ids"} if service_ids is not None else set()) | ({"photo"} if image else set())
        )
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=staff,
            object_type="staff",
            action=AuditAction.DEACTIVATED if deactivating else AuditAction.UPDATED,
            before={name: before[name] for name in fields},
            after={name: after[name] for name in fields},
        )
    return staff
