"""Deletion of a person's account (PDPL right to destruction), in one transaction.

What happens (docs/adr/0008-personal-data-rights.md):
1. Future open bookings are cancelled by the system through `booking_cancel` (the salon is told, paid
   ones refunded in full by the payments' own reaction).
2. Free text that may name the person, kept for others (booking events, review comments, refund notes,
   messages sent to the salon about their bookings), has their name, phone and email replaced.
3. What is only about them is deleted: the salons' records (notes, tags), their own messages, their
   favourite salons, their one-time codes, their idempotency keys, their passkeys and the Google or
   Apple accounts linked to sign in.
4. Financial records keep their amounts and the gateway's payment id (needed to reconcile and refund)
   but lose the gateway's payload, the card's last digits and the receipt link. Tax documents are kept
   unchanged (PRIVACY_TAX_RECORD_YEARS).
5. Every refresh token is revoked; the user row is anonymised (no name, email or phone; inactive), so
   the phone number can sign up again as a new person.
A failure anywhere rolls everything back: the account is as it was.
"""

import re
import uuid
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken

from apps.accounts.errors import OTPInvalid
from apps.accounts.models import OTPPurpose, OTPRequest, Role
from apps.accounts.services import otp_confirm
from apps.audit.models import AuditEntry
from apps.bookings.models import Booking, BookingEvent, BookingStatus, Review, SalonCustomer
from apps.bookings.services import booking_cancel
from apps.notifications.models import Notification
from apps.passkeys.models import Passkey, PasskeyChallenge
from apps.payments.models import IdempotencyKey, Payment, PaymentEvent, Refund
from apps.salons.models import Favourite, StaffMember
from apps.social_auth.models import SocialIdentity

from .errors import StaffAccount
from .models import RequestKind
from .services import data_request_record

REMOVED = "•••"
DELETION_REASON = "The customer deleted their account."
OPEN_STATUSES = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


def deleted_phone_number(user_id: int) -> str:
    """The anonymised user's unique placeholder in the phone column: not a number anyone can have."""
    return f"deleted-{user_id}"


def _identifiers(user) -> list[str]:
    values = [user.get_full_name(), user.first_name, user.last_name, user.email or "", user.phone_number]
    if user.phone_number.startswith("+966"):
        values.append("0" + user.phone_number[4:])  # the local form, 05XXXXXXXX
        values.append(user.phone_number[1:])
    unique = {value.strip() for value in values if value and len(value.strip()) >= 2}
    return sorted(unique, key=len, reverse=True)  # the full name before its parts


class _Scrubber:
    def __init__(self, user):
        words = _identifiers(user)
        self.pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE) if words else None

    def text(self, value: str) -> str:
        return self.pattern.sub(REMOVED, value) if self.pattern and value else value

    def json(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, dict):
            return {key: self.json(item) for key, item in value.items()}
        return value


def _scrub_rows(queryset, fields: list[str], scrub: _Scrubber, *, json_fields: tuple[str, ...] = ()) -> None:
    for row in queryset.only("pk", *fields):
        changed = {}
        for field in fields:
            before = getattr(row, field)
            after = scrub.json(before) if field in json_fields else scrub.text(before)
            if after != before:
                changed[field] = after
        if changed:
            type(row).objects.filter(pk=row.pk).update(**changed)


def _cancel_future_bookings(*, user, now: datetime) -> list[Booking]:
    future = Booking.objects.filter(customer=user, status__in=OPEN_STATUSES, start__gt=now).order_by("start", "pk")
    return [booking_cancel(booking_id=booking.pk, actor=None, reason=DELETION_REASON, now=now) for booking in future]


def _erase_personal_data(*, user, scrub: _Scrubber) -> None:
    bookings = Booking.objects.filter(customer=user)
    payments = Payment.objects.filter(customer=user)
    bookings.update(note="")
    _scrub_rows(bookings, ["cancellation_reason"], scrub)
    _scrub_rows(BookingEvent.objects.filter(booking__customer=user), ["reason", "data"], scrub, json_fields=("data",))
    _scrub_rows(Review.objects.filter(customer=user), ["comment"], scrub)
    SalonCustomer.objects.filter(customer=user).delete()
    Notification.objects.filter(recipient=user).delete()
    Favourite.objects.filter(user=user).delete()
    _scrub_rows(Notification.objects.filter(booking__customer=user), ["body", "last_error"], scrub)
    payments.update(provider_payload={}, card_last4="", transaction_url="")
    _scrub_rows(payments, ["failure_message", "flag_reason"], scrub)
    _scrub_rows(PaymentEvent.objects.filter(payment__customer=user), ["data"], scrub, json_fields=("data",))
    _scrub_rows(Refund.objects.filter(payment__customer=user), ["note", "last_error"], scrub)
    IdempotencyKey.objects.filter(user=user).delete()
    OTPRequest.objects.filter(phone_number=user.phone_number).delete()
    Passkey.objects.filter(user=user).delete()
    PasskeyChallenge.objects.filter(user=user).delete()
    SocialIdentity.objects.filter(user=user).delete()
    _scrub_audit_entries(user=user, booking_ids=list(bookings.values_list("pk", flat=True)), scrub=scrub)


def _scrub_audit_entries(*, user, booking_ids: list[int], scrub: _Scrubber) -> None:
    """The audit log stays (it is evidence of who did what), but the entries about this person lose
    their name, number and email: the only change ever made to the log, by the law's deletion right."""
    about_them = Q(object_type__in=("customer", "user"), object_id=str(user.pk)) | Q(
        object_type="booking", object_id__in=[str(pk) for pk in booking_ids]
    )
    _scrub_rows(AuditEntry.objects.filter(about_them), ["object_repr", "changes"], scrub, json_fields=("changes",))


def _revoke_sessions(*, user) -> int:
    open_tokens = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    revoked = [BlacklistedToken(token=token) for token in open_tokens]
    BlacklistedToken.objects.bulk_create(revoked)
    return len(revoked)


def _anonymise_user(*, user) -> None:
    user.phone_number = deleted_phone_number(user.pk)
    user.first_name = ""
    user.last_name = ""
    user.email = None
    user.email_verified = False
    user.pending_email = None
    user.email_code_hash = ""
    user.is_active = False
    user.is_phone_verified = False
    user.salon_alerts_by_sms = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _may_delete(user) -> bool:
    """Customers only: a manager's, stylist's or admin's account is tied to a salon's work."""
    if user.role != Role.CUSTOMER or user.is_staff:
        return False
    return not (user.managed_salons.exists() or StaffMember.objects.filter(user=user).exists())


def account_delete(*, user, now: datetime | None = None) -> dict:
    """Delete the person's account (see the module's docstring). The code that confirms it is checked
    before, by the caller. Raises StaffAccount (403) for a salon's manager or stylist."""
    now = now or timezone.now()
    if not _may_delete(user):
        raise StaffAccount()
    with transaction.atomic():
        scrub = _Scrubber(user)
        cancelled = _cancel_future_bookings(user=user, now=now)
        _erase_personal_data(user=user, scrub=scrub)
        revoked = _revoke_sessions(user=user)
        data_request_record(kind=RequestKind.DELETION, subject=user, now=now)
        _anonymise_user(user=user)
    return {"cancelled_bookings": [booking.reference for booking in cancelled], "sessions_revoked": revoked}


def account_delete_with_code(*, user, request_id: str, code: str, now: datetime | None = None) -> dict:
    """Check the `delete_account` code sent to the person's own phone (request `request_id`), then
    delete the account. A wrong, expired or used code changes nothing.

    Raises OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded (400), StaffAccount (403)."""
    if not _may_delete(user):
        raise StaffAccount()  # before the code is used up
    try:
        request_uuid = uuid.UUID(str(request_id))
    except ValueError:
        raise OTPInvalid() from None
    sent_to_them = OTPRequest.objects.filter(
        pk=request_uuid, phone_number=user.phone_number, purpose=OTPPurpose.DELETE_ACCOUNT
    ).exists()
    if not sent_to_them:
        raise OTPInvalid()
    otp_confirm(phone_number=user.phone_number, purpose=OTPPurpose.DELETE_ACCOUNT, code=code, now=now)
    return account_delete(user=user, now=now)
