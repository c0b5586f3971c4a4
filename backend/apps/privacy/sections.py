"""The built-in sections of the personal-data export (see `exporter.py`). Each reads with a fixed
number of queries, whatever the number of bookings."""

from django.db.models import Prefetch
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.consents import consent_history_for_export
from apps.accounts.models import OTPRequest
from apps.bookings.models import Booking, BookingEvent, Review, SalonCustomer
from apps.invoicing.models import Document
from apps.notifications.models import Notification
from apps.passkeys.models import Passkey
from apps.payments.models import Payment, Refund
from apps.salons.models import Favourite
from apps.social_auth.models import SocialIdentity

from .exporter import export_section, iso


@export_section("profile")
def profile(user) -> dict:
    return {
        "id": user.pk,
        "phone_number": user.phone_number,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "email_verified": user.email_verified,
        "pending_email": user.pending_email,
        "preferred_language": user.preferred_language,
        "role": user.role,
        "is_phone_verified": user.is_phone_verified,
        "salon_alerts_by_sms": user.salon_alerts_by_sms,
        "date_joined": iso(user.date_joined),
        "last_login": iso(user.last_login),
    }


@export_section("consents")
def consents(user) -> dict:
    """Reminders and marketing per channel now, and every choice with its time, source and wording."""
    return consent_history_for_export(user)


def _event(event: BookingEvent) -> dict:
    return {
        "at": iso(event.created_at),
        "from_status": event.from_status,
        "to_status": event.to_status,
        "reason": event.reason,
    }


@export_section("bookings")
def bookings(user) -> list[dict]:
    rows = (
        Booking.objects.filter(customer=user)
        .select_related("salon", "service", "staff")
        .prefetch_related(Prefetch("events", queryset=BookingEvent.objects.order_by("created_at", "pk")))
        .order_by("start", "pk")
    )
    return [
        {
            "reference": booking.reference,
            "salon": booking.salon.name_en or booking.salon.name_ar,
            "service": booking.service.name_en or booking.service.name_ar,
            "stylist": booking.staff.display_name,
            "start": iso(booking.start),
            "end": iso(booking.end),
            "status": booking.status,
            "price_amount": booking.price_amount,
            "currency": booking.currency,
            "note": booking.note,
            "created_at": iso(booking.created_at),
            "cancelled_at": iso(booking.cancelled_at),
            "cancelled_by_role": booking.cancelled_by_role,
            "cancellation_reason": booking.cancellation_reason,
            "events": [_event(event) for event in booking.events.all()],
        }
        for booking in rows
    ]


@export_section("reviews")
def reviews(user) -> list[dict]:
    rows = Review.objects.filter(customer=user).select_related("salon", "booking").order_by("created_at", "pk")
    return [
        {
            "booking_reference": review.booking.reference,
            "salon": review.salon.name_en or review.salon.name_ar,
            "rating": review.rating,
            "comment": review.comment,
            "created_at": iso(review.created_at),
        }
        for review in rows
    ]


@export_section("favourites")
def favourites(user) -> list[dict]:
    """The salons the person keeps as favourites, whether or not the salon is still listed."""
    rows = Favourite.objects.filter(user=user).select_related("salon").order_by("created_at", "pk")
    return [
        {
            "salon": favourite.salon.name_en or favourite.salon.name_ar,
            "salon_id": favourite.salon_id,
            "created_at": iso(favourite.created_at),
        }
        for favourite in rows
    ]


def _refund(refund: Refund) -> dict:
    return {
        "amount": refund.amount,
        "reason": refund.reason,
        "status": refund.status,
        "created_at": iso(refund.created_at),
        "succeeded_at": iso(refund.succeeded_at),
    }


@export_section("payments")
def payments(user) -> list[dict]:
    """Amounts, status and the card data as stored (brand and last four digits); never the gateway's payload."""
    rows = (
        Payment.objects.filter(customer=user)
        .select_related("booking")
        .prefetch_related(Prefetch("refunds", queryset=Refund.objects.order_by("created_at", "pk")))
        .order_by("created_at", "pk")
    )
    return [
        {
            "booking_reference": payment.booking.reference,
            "amount": payment.amount,
            "vat_amount": payment.vat_amount,
            "currency": payment.currency,
            "status": payment.status,
            "method": payment.method,
            "card_brand": payment.card_brand,
            "card_last4": payment.card_last4,
            "refunded_amount": payment.refunded_amount,
            "paid_at": iso(payment.paid_at),
            "created_at": iso(payment.created_at),
            "refunds": [_refund(refund) for refund in payment.refunds.all()],
        }
        for payment in rows
    ]


@export_section("invoices")
def invoices(user) -> list[dict]:
    rows = Document.objects.filter(booking__customer=user).select_related("booking").order_by("issued_at", "pk")
    return [
        {
            "kind": document.kind,
            "number": document.number,
            "uuid": str(document.uuid),
            "issued_at": iso(document.issued_at),
            "booking_reference": document.booking.reference if document.booking_id else None,
            "seller_name": document.seller_name,
            "seller_vat_number": document.seller_vat_number,
            "buyer_name": document.buyer_name,
            "total": document.total,
            "vat_amount": document.vat_amount,
            "currency": document.currency,
        }
        for document in rows
    ]


@export_section("notifications")
def notifications(user) -> list[dict]:
    rows = Notification.objects.filter(recipient=user).order_by("created_at", "pk")
    return [
        {
            "event": notification.event,
            "channel": notification.channel_used or notification.channel,
            "status": notification.status,
            "created_at": iso(notification.created_at),
            "sent_at": iso(notification.sent_at),
            "read_at": iso(notification.read_at),
            "text": notification.body,
        }
        for notification in rows
    ]


@export_section("one_time_codes")
def one_time_codes(user) -> list[dict]:
    """When and how codes were sent to the person's number, and for what; never a code or its hash."""
    rows = OTPRequest.objects.filter(phone_number=user.phone_number).order_by("created_at")
    return [
        {
            "created_at": iso(otp.created_at),
            "channel": otp.channel,
            "purpose": otp.purpose,
            "status": otp.status,
            "used_at": iso(otp.used_at),
            "ip_address": otp.ip_address,
        }
        for otp in rows
    ]


@export_section("sessions")
def sessions(user) -> list[dict]:
    """Sign-in sessions: each refresh token issued. A token is used once (rotation), so a revoked token's
    time is also when it was last used, unless it was revoked by signing out."""
    rows = OutstandingToken.objects.filter(user=user).select_related("blacklistedtoken").order_by("created_at", "pk")
    sessions = []
    for token in rows:
        revoked = getattr(token, "blacklistedtoken", None)
        sessions.append(
            {
                "created_at": iso(token.created_at),
                "expires_at": iso(token.expires_at),
                "revoked": revoked is not None,
                "revoked_at": iso(revoked.blacklisted_at) if revoked else None,
            }
        )
    return sessions


@export_section("salon_notes")
def salon_notes(user) -> list[dict]:
    """Salons' records about the person (ADR 0008): their existence, the salon, the tags and the last
    change are disclosed; the text of a stylist's free-text note is not, only whether there is one."""
    rows = SalonCustomer.objects.filter(customer=user).select_related("salon").order_by("pk")
    return [
        {
            "salon": record.salon.name_en or record.salon.name_ar,
            "has_note": bool(record.notes.strip()),
            "tags": record.tags,
            "blocked": record.blocked,
            "updated_at": iso(record.updated_at),
        }
        for record in rows
    ]


@export_section("passkeys")
def passkeys(user) -> list[dict]:
    """The passkeys the person added (name, when added, last used, removed); never a key or its id."""
    rows = Passkey.objects.filter(user=user).order_by("created_at", "pk")
    return [
        {
            "name": passkey.name,
            "created_at": iso(passkey.created_at),
            "last_used_at": iso(passkey.last_used_at),
            "removed_at": iso(passkey.removed_at),
        }
        for passkey in rows
    ]


@export_section("linked_accounts")
def linked_accounts(user) -> list[dict]:
    """Google and Apple accounts linked for signing in, with what those providers told us."""
    rows = SocialIdentity.objects.filter(user=user).order_by("created_at", "pk")
    return [
        {
            "provider": identity.provider,
            "email": identity.email,
            "first_name": identity.first_name,
            "last_name": identity.last_name,
            "linked_at": iso(identity.created_at),
            "last_used_at": iso(identity.last_used_at),
        }
        for identity in rows
    ]
