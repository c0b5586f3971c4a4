"""Writes of the back office: the salon's profile and policy, and what it keeps about a customer.
Each is one transaction and writes the audit log in it."""

from django.db import transaction

from apps.audit.models import AuditAction
from apps.audit.services import audit_record, audit_snapshot
from apps.bookings.availability_changes import availability_changed
from apps.bookings.models import Booking, SalonCustomer
from apps.bookings.payment_mode import no_show_count
from apps.salons.models import Salon
from apps.salons.no_show import POLICY_FIELDS, no_show_policy_changes

from .access import managed_salon_get
from .errors import CustomerNotFound, NoNoShowToForgive

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
    "confirmation_window_hours",
    "unconfirmed_policy",
    "no_show_policy",
    "deposit_percent",
    "deposit_amount",
    "no_show_fee_percent",
    "no_show_limit",
)
# The seller's national address on ZATCA phase-2 invoices (the legal name is edited with the payout details).
SALON_LEGAL_FIELDS = ("cr_number", "building_number", "street", "district_name", "city_name", "postal_code")
SALON_EDITABLE_FIELDS = SALON_PROFILE_FIELDS + SALON_POLICY_FIELDS + SALON_LEGAL_FIELDS
# The fields that change which times are free (the availability hook runs when one changes).
AVAILABILITY_FIELDS = {"is_active", "lead_time_minutes", "booking_horizon_days", "slot_step_minutes", "timezone"}
SALON_CUSTOMER_FIELDS = ("notes", "tags", "blocked")
# The fields whose change is checked against the no-show policy as a whole (`no_show_policy_changes`).
NO_SHOW_CHECKED_FIELDS = {*POLICY_FIELDS, "requires_prepayment", "booking_horizon_days"}


def salon_update(*, actor, salon_id: int, changes: dict) -> Salon:
    """Change the salon's profile and booking policy (validated by the caller's serializer)."""
    unknown = set(changes) - set(SALON_EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id, for_update=True)
        if set(changes) & NO_SHOW_CHECKED_FIELDS:
            changes = no_show_policy_changes(salon, changes)
        before = audit_snapshot(salon, changes)
        for name, value in changes.items():
            setattr(salon, name, value)
        salon.save(update_fields=[*changes, "updated_at"])
        if set(changes) & AVAILABILITY_FIELDS:
            availability_changed(salon_id=salon.pk)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=salon,
            action=AuditAction.UPDATED,
            before=before,
            after=audit_snapshot(salon, changes),
        )
    return salon


def salon_customer_update(*, actor, salon_id: int, customer_id: int, changes: dict) -> SalonCustomer:
    """Change the salon's notes, tags or block of one of its customers (someone who booked there),
    validated by the caller's serializer. A blocked customer cannot book at the salon online."""
    unknown = set(changes) - set(SALON_CUSTOMER_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        booking = Booking.objects.filter(salon=salon, customer_id=customer_id).select_related("customer").first()
        if booking is None:
            raise CustomerNotFound()
        record, _created = SalonCustomer.objects.select_for_update().get_or_create(salon=salon, customer_id=customer_id)
        before = audit_snapshot(record, changes)
        for name, value in changes.items():
            setattr(record, name, value)
        record.save()
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=record,
            object_type="customer",
            object_id=customer_id,
            object_repr=str(booking.customer),
            action=AuditAction.UPDATED,
            before=before,
            after=audit_snapshot(record, changes),
        )
    return record


def salon_customer_forgive_no_show(*, actor, salon_id: int, customer_id: int) -> SalonCustomer:
    """Forgive one of a customer's no-shows at the salon: it no longer counts towards the full
    prepayment of repeat offenders (ADR 0016). Recorded on the salon's record of the customer (locked,
    so two clicks forgive two only if there are two) and in the audit log."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        booking = Booking.objects.filter(salon=salon, customer_id=customer_id).select_related("customer").first()
        if booking is None:
            raise CustomerNotFound()
        record, _created = SalonCustomer.objects.select_for_update().get_or_create(salon=salon, customer_id=customer_id)
        if no_show_count(salon_id=salon.pk, customer_id=customer_id) <= 0:
            raise NoNoShowToForgive()
        before = {"no_shows_forgiven": record.no_shows_forgiven}
        record.no_shows_forgiven += 1
        record.save(update_fields=["no_shows_forgiven", "updated_at"])
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=record,
            object_type="customer",
            object_id=customer_id,
            object_repr=str(booking.customer),
            action=AuditAction.UPDATED,
            before=before,
            after={"no_shows_forgiven": record.no_shows_forgiven},
        )
    return record
