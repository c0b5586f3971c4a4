"""Writes of the back office that touch only the salon itself. Each is one transaction and writes
the audit log in it."""

from django.db import transaction

from apps.audit.models import AuditAction
from apps.audit.services import audit_record, audit_snapshot
from apps.salons.models import Salon

from .access import managed_salon_get

SALON_PROFILE_FIELDS = (
    "name_ar",
    "name_en",
    "description_ar",
    "description_en",
    "city",
    "district_ar",
    "district_en",
    "address_ar",
    "address_en",
    "latitude",
    "longitude",
    "phone_number",
    "audience",
    "vat_number",
    "is_active",
)
SALON_POLICY_FIELDS = (
    "lead_time_minutes",
    "booking_horizon_days",
    "slot_step_minutes",
    "cancellation_window_hours",
    "requires_prepayment",
    "hold_minutes",
)
SALON_EDITABLE_FIELDS = SALON_PROFILE_FIELDS + SALON_POLICY_FIELDS


def salon_update(*, actor, salon_id: int, changes: dict) -> Salon:
    """Change the salon's profile and booking policy (validated by the caller's serializer)."""
    unknown = set(changes) - set(SALON_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id, for_update=True)
        before = audit_snapshot(salon, changes)
        for name, value in changes.items():
            setattr(salon, name, value)
        salon.save(update_fields=[*changes, "updated_at"])
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=salon,
            action=AuditAction.UPDATED,
            before=before,
            after=audit_snapshot(salon, changes),
        )
    return salon
