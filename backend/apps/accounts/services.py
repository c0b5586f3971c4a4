"""Sign-in with one-time codes, token rotation and sign-out, and the user's own profile."""

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from apps.core.locks import lock_name
from apps.core.net import ip_limit_key

from . import selectors
from .codes import code_generate, code_hash, code_matches
from .email_change import email_change_start
from .errors import (
    AccountDisabled,
    OTPAttemptsExceeded,
    OTPCheckUnavailable,
    OTPCooldown,
    OTPDailyLimit,
    OTPExpired,
    OTPInvalid,
    OTPIPLimited,
    OTPSendUnavailable,
    OTPSuperseded,
    OTPTooManyRequests,
    OTPUsed,
    OTPVerifyThrottled,
    TokenNotValid,
)
from .models import OTPPurpose, OTPRequest, OTPStatus, User
from .providers import OTPProvider, OTPProviderError, get_otp_provider
from .sessions import session_continue, session_end, session_start


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str


@dataclass(frozen=True)
class PhoneSignIn:
    user: User
    created: bool
    tokens: TokenPair


# --- Requesting a code ------------------------------------------------------------------------


def _whole_seconds(delta: timedelta) -> int:
    return math.ceil(delta.total_seconds())


def _otp_check_send_limits(*, phone_number: str, ip_network: str, now: datetime) -> None:
    wait = selectors.otp_phone_cooldown_remaining(phone_number=phone_number, now=now)
    if wait > timedelta(0):
        raise OTPCooldown(_whole_seconds(wait))
    wait = selectors.otp_phone_window_remaining(phone_number=phone_number, now=now)
    if wait > timedelta(0):
        raise OTPTooManyRequests(_whole_seconds(wait))
    wait = selectors.otp_phone_day_remaining(phone_number=phone_number, now=now)
    if wait > timedelta(0):
        raise OTPDailyLimit(_whole_seconds(wait))
    wait = selectors.otp_ip_window_remaining(ip_network=ip_network, now=now)
    if wait > timedelta(0):
        raise OTPIPLimited(_whole_seconds(wait))


def _otp_reserve(
    *, phone_number: str, channel: str, purpose: str, ip_address: str, provider: OTPProvider, now: datetime
) -> tuple[OTPRequest, str | None]:
    """Check the limits and record the code as `sending`, under the number's and the address's locks
    (the address as the per-address limit counts it: an IPv6 /64 is one client)."""
    ip_network = ip_limit_key(ip_address)
    with transaction.atomic():
        # Always the number first, then the address: one order, so no deadlock.
        lock_name(f"otp:{phone_number}")
        lock_name(f"otp-ip:{ip_network}")
        _otp_check_send_limits(phone_number=phone_number, ip_network=ip_network, now=now)
        otp = OTPRequest(
            id=uuid.uuid4(),
            phone_number=phone_number,
            channel=channel,
            purpose=purpose,
            provider=provider.name,
            ip_address=ip_address,
            ip_network=ip_network,
            status=OTPStatus.SENDING,
            created_at=now,
            expires_at=now + timedelta(minutes=settings.OTP_EXPIRY_MINUTES),
        )
        code = None if provider.manages_codes else code_generate()
        if code is not None:
            otp.code_hash = code_hash(request_id=otp.id, code=code)
        otp.save(force_insert=True)
    return otp, code


def _otp_activate(*, otp: OTPRequest) -> None:
    """The code was sent: it becomes the number's only usable code for its purpose."""
    with transaction.atomic():
        lock_name(f"otp:{otp.phone_number}")
        OTPRequest.objects.filter(phone_number=otp.phone_number, purpose=otp.purpose, status=OTPStatus.ACTIVE).exclude(
            pk=otp.pk
        ).update(status=OTPStatus.SUPERSEDED)
        OTPRequest.objects.filter(pk=otp.pk, status=OTPStatus.SENDING).update(status=OTPStatus.ACTIVE)
    otp.status = OTPStatus.ACTIVE


def _otp_mark_failed(*, otp: OTPRequest, reason: str) -> None:
    with transaction.atomic():
        OTPRequest.objects.filter(pk=otp.pk, status=OTPStatus.SENDING).update(
            status=OTPStatus.FAILED, failure_reason=reason[:255]
        )
    otp.status = OTPStatus.FAILED


def otp_request(
    *,
    phone_number: str,
    channel: str,
    ip_address: str,
    purpose: str = OTPPurpose.SIGN_IN,
    now: datetime | None = None,
) -> OTPRequest:
    """Send a code for `purpose` (a sign-in by default) to `phone_number` (E.164). Creates no account.
    The limits count every code sent to the number, whatever its purpose.

    Three steps, so a failed send is never recorded as sent: reserve the code (limits
    checked under locks), call the provider outside any transaction, then activate the
    code (superseding the number's previous one) or mark it failed.

    Raises OTPCooldown, OTPTooManyRequests, OTPDailyLimit, OTPIPLimited (429) or OTPSendUnavailable (503).
    """
    now = now or timezone.now()
    provider = get_otp_provider()
    otp, code = _otp_reserve(
        phone_number=phone_number, channel=channel, purpose=purpose, ip_address=ip_address, provider=provider, now=now
    )
    try:
        provider.send(phone_number=phone_number, channel=channel, code=code, request_id=otp.id)
    except OTPProviderError as exc:
        _otp_mark_failed(otp=otp, reason=str(exc))
        raise OTPSendUnavailable() from exc
    _otp_activate(otp=otp)
    return otp


# --- Verifying a code -------------------------------------------------------------------------


def _otp_lock(*, request_id: str, purpose: str) -> OTPRequest:
    """The code, locked; a code for another purpose is answered like an unknown one."""
    try:
        otp_id = uuid.UUID(str(request_id))
    except ValueError:
        raise OTPInvalid() from None
    otp = OTPRequest.objects.select_for_update().filter(pk=otp_id, purpose=purpose).first()
    if otp is None:
        raise OTPInvalid()
    return otp


def _otp_ensure_usable(*, otp: OTPRequest, now: datetime, own_attempt_counted: bool = False) -> None:
    """Raise the error for a code that can no longer be used, checked in a fixed order."""
    if otp.status == OTPStatus.USED:
        raise OTPUsed()
    if otp.status == OTPStatus.SUPERSEDED:
        raise OTPSuperseded()
    earlier_attempts = otp.attempts - 1 if own_attempt_counted else otp.attempts
    if otp.status == OTPStatus.DEAD or earlier_attempts >= settings.OTP_MAX_ATTEMPTS:
        raise OTPAttemptsExceeded()
    if now >= otp.expires_at:
        raise OTPExpired()
    if otp.status != OTPStatus.ACTIVE:  # still sending, or never sent
        raise OTPInvalid()


def _otp_record_wrong_attempt(*, otp: OTPRequest, now: datetime, already_counted: bool = False) -> None:
    attempts = otp.attempts if already_counted else otp.attempts + 1
    status = OTPStatus.DEAD if attempts >= settings.OTP_MAX_ATTEMPTS else OTPStatus.ACTIVE
    OTPRequest.objects.filter(pk=otp.pk, status=OTPStatus.ACTIVE).update(
        attempts=attempts, status=status, last_failed_at=now
    )


def _otp_check_throttle(*, otp: OTPRequest, now: datetime) -> None:
    """Refuse any check (even of the right code) while the number's wrong codes make it wait; under a
    lock per number, so concurrent guesses at its codes are counted one after the other."""
    lock_name(f"otp-verify:{otp.phone_number}")
    wait = selectors.otp_verify_wait(phone_number=otp.phone_number, now=now)
    if wait > timedelta(0):
        raise OTPVerifyThrottled(_whole_seconds(wait))


def _user_get_or_create(*, phone_number: str, first_name: str, last_name: str) -> tuple[User, bool]:
    user = User.objects.filter(phone_number=phone_number).first()
    if user is not None:
        return user, False
    try:
        with transaction.atomic():  # a savepoint: a concurrent sign-in may create the account first
            user = User.objects.create_user(
                phone_number=phone_number, first_name=first_name, last_name=last_name, is_phone_verified=True
            )
    except IntegrityError:
        return User.objects.get(phone_number=phone_number), False
    return user, True


def _tokens_for(refresh: RefreshToken) -> TokenPair:
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def _otp_use(*, otp: OTPRequest, now: datetime, give_back_attempt: bool = False) -> None:
    """Mark a right code used. Call in a transaction."""
    changes: dict[str, Any] = {"status": OTPStatus.USED, "used_at": now}
    if give_back_attempt:
        changes["attempts"] = F("attempts") - 1
    # Conditional: of two concurrent right answers, only one uses the code.
    if not OTPRequest.objects.filter(pk=otp.pk, status=OTPStatus.ACTIVE).update(**changes):
        raise OTPUsed()


def _otp_sign_in(
    *, otp: OTPRequest, first_name: str, last_name: str, now: datetime, give_back_attempt: bool = False
) -> PhoneSignIn:
    """Use the code and sign its number in, creating the account on first use. Call in a transaction."""
    _otp_use(otp=otp, now=now, give_back_attempt=give_back_attempt)
    user, created = _user_get_or_create(phone_number=otp.phone_number, first_name=first_name, last_name=last_name)
    if not user.is_active:
        raise AccountDisabled()
    user.is_phone_verified = True
    user.last_login = now
    updated_fields = ["is_phone_verified", "last_login"]
    # Names typed at sign-in fill in an existing account's missing names, never replace them.
    for field, value in (("first_name", first_name), ("last_name", last_name)):
        if value and not getattr(user, field):
            setattr(user, field, value)
            updated_fields.append(field)
    user.save(update_fields=updated_fields)
    return PhoneSignIn(user=user, created=created, tokens=_tokens_for(session_start(user)))


Used = TypeVar("Used")
# What a right code does, inside the transaction that uses it: (the locked code, give back its counted attempt).
OnRightCode = Callable[[OTPRequest, bool], Used]


def _otp_check_with_provider(*, otp: OTPRequest, code: str, now: datetime, on_right_code: OnRightCode) -> Used:
    """Ask the provider that manages the code, outside the row lock; the attempt is already counted."""
    try:
        correct = get_otp_provider(otp.provider).verify(phone_number=otp.phone_number, code=code)
    except OTPProviderError as exc:
        with transaction.atomic():
            OTPRequest.objects.filter(pk=otp.pk, attempts__gt=0).update(attempts=F("attempts") - 1)
        raise OTPCheckUnavailable() from exc
    with transaction.atomic():
        otp = _otp_lock(request_id=str(otp.id), purpose=otp.purpose)
        if correct:
            _otp_ensure_usable(otp=otp, now=now, own_attempt_counted=True)
            return on_right_code(otp, True)
        _otp_record_wrong_attempt(otp=otp, now=now, already_counted=True)
    raise OTPInvalid()


def _otp_check(*, request_id: str, purpose: str, code: str, now: datetime, on_right_code: OnRightCode) -> Used:
    """Check a code for `purpose`; a right one is handed to `on_right_code` in the transaction that uses it.

    Wrong guesses are counted (and committed) even though the call fails; after OTP_MAX_ATTEMPTS of
    them the code is dead, and the number's wrong guesses over a day throttle every check of its codes
    (`selectors.otp_verify_wait`). A provider that manages its codes is asked outside the row lock: the
    attempt is counted first and given back when the provider cannot answer."""
    with transaction.atomic():
        otp = _otp_lock(request_id=request_id, purpose=purpose)
        _otp_ensure_usable(otp=otp, now=now)
        _otp_check_throttle(otp=otp, now=now)
        if not otp.code_hash:
            OTPRequest.objects.filter(pk=otp.pk).update(attempts=F("attempts") + 1)
        elif code_matches(request_id=otp.id, code=code, stored_hash=otp.code_hash):
            return on_right_code(otp, False)
        else:
            _otp_record_wrong_attempt(otp=otp, now=now)
    if otp.code_hash:
        raise OTPInvalid()  # outside the transaction, so the counted attempt stays
    return _otp_check_with_provider(otp=otp, code=code, now=now, on_right_code=on_right_code)


def otp_verify(
    *, request_id: str, code: str, first_name: str = "", last_name: str = "", now: datetime | None = None
) -> PhoneSignIn:
    """Check a sign-in code and sign its number in; the account is created on the first success.
    A code sent for another purpose is answered like an unknown one.

    Raises OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded (400),
    AccountDisabled (403), OTPVerifyThrottled (429) or OTPCheckUnavailable (503).
    """
    now = now or timezone.now()

    def sign_in(otp: OTPRequest, give_back_attempt: bool) -> PhoneSignIn:
        return _otp_sign_in(
            otp=otp, first_name=first_name, last_name=last_name, now=now, give_back_attempt=give_back_attempt
        )

    return _otp_check(request_id=request_id, purpose=OTPPurpose.SIGN_IN, code=code, now=now, on_right_code=sign_in)


def otp_confirm(*, phone_number: str, purpose: str, code: str, now: datetime | None = None) -> None:
    """Use the latest code sent to `phone_number` for `purpose` (not a sign-in): a signed-in user
    confirms a sensitive change with a code sent to their own phone. Wrong guesses count as for a
    sign-in. Call it outside any transaction, before the change it confirms (the code is used even if
    that change then fails).

    Raises OTPInvalid (no code for the purpose, or a wrong one), OTPExpired, OTPUsed, OTPSuperseded,
    OTPAttemptsExceeded (400), OTPVerifyThrottled (429) or OTPCheckUnavailable (503).
    """
    if purpose == OTPPurpose.SIGN_IN:
        raise ValueError("Sign-in codes are checked by otp_verify.")
    now = now or timezone.now()
    latest = (
        OTPRequest.objects.filter(phone_number=phone_number, purpose=purpose)
        .exclude(status__in=(OTPStatus.FAILED, OTPStatus.SENDING))
        .order_by("-created_at")
        .values_list("pk", flat=True)
        .first()
    )
    if latest is None:
        raise OTPInvalid()

    def use(otp: OTPRequest, give_back_attempt: bool) -> None:
        _otp_use(otp=otp, now=now, give_back_attempt=give_back_attempt)

    _otp_check(request_id=str(latest), purpose=purpose, code=code, now=now, on_right_code=use)


# --- Tokens -----------------------------------------------------------------------------------


def auth_token_refresh(*, refresh: str) -> TokenPair:
    """Rotate a refresh token: the presented one is blacklisted, so it cannot be used again.

    The outstanding token's row is locked, so two concurrent uses of one token give one success.
    Raises TokenNotValid (401).
    """
    with transaction.atomic():
        try:
            token = RefreshToken(refresh)  # checks the signature, the expiry and the blacklist
        except TokenError:
            raise TokenNotValid() from None
        # order_by: the model's default ordering joins the (nullable) user, which FOR UPDATE refuses.
        outstanding = (
            OutstandingToken.objects.select_for_update()
            .filter(jti=token[jwt_settings.JTI_CLAIM])
            .order_by("pk")
            .first()
        )
        if outstanding is None or BlacklistedToken.objects.filter(token=outstanding).exists():
            raise TokenNotValid()
        user = User.objects.filter(pk=token.get(jwt_settings.USER_ID_CLAIM), is_active=True).first()
        if user is None:
            raise TokenNotValid()
        BlacklistedToken.objects.create(token=outstanding)
        following = session_continue(user, token)
        if following is None:  # the session's absolute lifetime is over: sign in again
            raise TokenNotValid()
        return _tokens_for(following)


def auth_logout(*, refresh: str) -> None:
    """Blacklist a refresh token and end its session: the session's access tokens are refused from now
    on too. Raises TokenNotValid (401) for a bad, expired or used token."""
    with transaction.atomic():
        try:
            token = RefreshToken(refresh)
            token.blacklist()
        except TokenError:
            raise TokenNotValid() from None
    session_end(token)


# --- Profile ----------------------------------------------------------------------------------

USER_UPDATABLE_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "preferred_language",
    "salon_alerts_by_sms",
    "booking_emails",
    "daily_agenda_by_email",
)


def user_update(*, user: User, data: dict[str, Any]) -> User:
    """Change the user's own profile fields present in `data`.

    An empty email clears the email (and any pending one). A new email is not set but becomes the
    pending one, and a code is mailed to it (`apps.accounts.email_change`); the answer is the same
    whether or not another account uses it. The current address, in any letter case, changes nothing,
    unless the mail provider reported it undeliverable: then it is verified again like a new one.
    """
    changes = {field: data[field] for field in USER_UPDATABLE_FIELDS if field in data}
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        new_email = None
        if "email" in changes:
            email = User.objects.normalize_email(changes.pop("email")) if data["email"] else None
            if email is None:
                changes.update(email=None, email_verified=False, pending_email=None, email_code_hash="")
            elif not (user.email and user.email.lower() == email.lower()) or user.email_undeliverable:
                new_email = email
            elif user.pending_email:  # back to the current address: forget the pending one
                changes.update(pending_email=None, email_code_hash="")
        for field, value in changes.items():
            setattr(user, field, value)
        if changes:
            user.save(update_fields=list(changes))
        if new_email is not None:
            email_change_start(user=user, email=new_email)
    return user
