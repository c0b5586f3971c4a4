"""Correction of the phone number (PDPL right to correction): the code sent to the new number is checked by
accounts, the number changed by accounts, and the change recorded here, in the register of data-subject
requests and in the audit log (numbers masked), in the same transaction as the change."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from apps.accounts.phone_change import phone_change_confirm, user_phone_change
from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.phone_mask import mask_phone_number

from .models import RequestKind
from .services import data_request_record


def phone_change_with_code(*, user, request_id: str, code: str, now: datetime | None = None):
    """Move the signed-in `user` to the number the `change_phone` code `request_id` was sent to. A wrong,
    expired or used code changes nothing. Returns the user.

    Raises OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded, PhoneUnchanged (400),
    PhoneTaken (409), OTPCheckUnavailable (503)."""
    now = now or timezone.now()
    new_number = phone_change_confirm(user=user, request_id=request_id, code=code, now=now)
    with transaction.atomic():
        user, old_number = user_phone_change(user=user, phone_number=new_number)
        data_request_record(kind=RequestKind.CORRECTION, subject=user, detail="phone_number", now=now)
        audit_record(
            actor=user,
            salon_id=None,
            obj=user,
            object_repr=f"#{user.pk}",
            action=AuditAction.UPDATED,
            before={"phone_number": mask_phone_number(old_number)},
            after={"phone_number": mask_phone_number(new_number)},
        )
    return user
