"""A person changes the phone number of their account: a code goes to the new number (purpose
`change_phone`), and the right code moves the account to it. The register of data-subject requests and the
audit log are written by the caller (privacy), which is above accounts."""

import uuid
from datetime import datetime

from django.db import IntegrityError, transaction

from .errors import OTPInvalid, PhoneTaken, PhoneUnchanged
from .models import OTPPurpose, OTPRequest, User
from .services import otp_confirm


def phone_change_check_new_number(*, user, phone_number: str) -> None:
    """May `user` move to `phone_number` (E.164)? Raises PhoneUnchanged (400) or PhoneTaken (409)."""
    if phone_number == user.phone_number:
        raise PhoneUnchanged()
    if User.objects.filter(phone_number=phone_number).exclude(pk=user.pk).exists():
        raise PhoneTaken()


def phone_change_confirm(*, user, request_id: str, code: str, now: datetime | None = None) -> str:
    """Check the `change_phone` code of request `request_id` and return the new number it was sent to.
    Call it outside any transaction: the code is used even if the change then fails. The number is checked
    before the code is used, so a taken number does not burn the code.

    Raises OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded (400), PhoneUnchanged (400),
    PhoneTaken (409)."""
    try:
        request_uuid = uuid.UUID(str(request_id))
    except ValueError:
        raise OTPInvalid() from None
    new_number = (
        OTPRequest.objects.filter(pk=request_uuid, purpose=OTPPurpose.CHANGE_PHONE)
        .values_list("phone_number", flat=True)
        .first()
    )
    if new_number is None:
        raise OTPInvalid()
    phone_change_check_new_number(user=user, phone_number=new_number)
    otp_confirm(phone_number=new_number, purpose=OTPPurpose.CHANGE_PHONE, code=code, now=now)
    return new_number


def user_phone_change(*, user, phone_number: str) -> tuple[User, str]:
    """Move `user` to `phone_number` (confirmed by a code to it); returns the user and the old number.
    A number taken meanwhile (a sign-up in the same instant) is caught by the unique constraint.

    Raises PhoneUnchanged (400), PhoneTaken (409)."""
    try:
        with transaction.atomic():
            locked = User.objects.select_for_update().get(pk=user.pk)
            phone_change_check_new_number(user=locked, phone_number=phone_number)
            old_number = locked.phone_number
            locked.phone_number = phone_number
            locked.is_phone_verified = True
            locked.save(update_fields=["phone_number", "is_phone_verified"])
    except IntegrityError:
        raise PhoneTaken() from None
    user.phone_number, user.is_phone_verified = phone_number, True
    return user, old_number
