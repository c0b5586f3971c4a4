"""The audit trail of personal data in the back office: a manager opening a customer's profile, and a salon member
(or an admin) changing a booking on a customer's behalf. Each is an `AuditEntry` with who, when, what and the
request's address (the customer's own changes are theirs, in the booking's events only)."""

from django.contrib.auth import get_user_model

from apps.audit.models import AuditAction, AuditEntry
from apps.audit.services import audit_record
from apps.bookings.events import BookingChanged, BookingEventKind
from apps.bookings.models import Booking
from apps.core.phone_mask import mask_phone_number


def person_label(user) -> str:
    """How the log names a person: the name and the masked number (the log itself should not spread numbers)."""
    masked = mask_phone_number(user.phone_number)
    return f"{user.get_full_name()} ({masked})" if user.get_full_name() else masked


def customer_profile_viewed_record(*, actor, salon_id: int, customer) -> AuditEntry | None:
    """Record that `actor` opened `customer`'s profile at the salon."""
    return audit_record(
        actor=actor,
        salon_id=salon_id,
        object_type="customer",
        object_id=customer.pk,
        object_repr=person_label(customer),
        action=AuditAction.VIEWED,
        details={},
    )


def booking_changed_on_behalf_audit(change: BookingChanged) -> None:
    """Booking reactor: a change by someone other than the customer (and not the system) goes to the audit log."""
    if change.actor_id is None or change.actor_id == change.customer_id:
        return
    booking = Booking.objects.select_related("customer").get(pk=change.booking_id)
    if booking.customer_id == change.actor_id:
        return
    audit_record(
        actor=get_user_model().objects.get(pk=change.actor_id),
        salon_id=booking.salon_id,
        obj=booking,
        object_repr=f"{booking.reference} {person_label(booking.customer)}",
        action=AuditAction.CREATED if change.kind == BookingEventKind.CREATED else AuditAction.UPDATED,
        details={
            "event": str(change.kind),
            "status": booking.status,
            **({"reason": booking.cancellation_reason} if change.kind == BookingEventKind.CANCELLED else {}),
            **dict(change.data),
        },
    )
