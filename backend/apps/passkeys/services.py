"""Passkey ceremonies and the user's passkeys.

Rules:
- Only an active user with a verified phone may add a passkey; the passkey signs in to that same account.
- A challenge is handed out by an options call and used by exactly one verify call, within 5 minutes.
  It is used (a conditional UPDATE, committed on its own) before the answer is checked, so a failed
  answer burns it too and a replay is refused as `passkey_challenge_used`, also under concurrency.
- User verification is required in both ceremonies; the credential must be discoverable (resident key)
  so that signing in needs no phone number.
- A sign counter that does not increase (when either count is non-zero) flags the passkey as cloned; it
  is refused then and from then on. A removed passkey is refused as removed.
- A passkey sign-in returns the same token pair as a phone sign-in (accounts' `session_start`).
"""

import hashlib
import hmac
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from webauthn.helpers import bytes_to_base64url, generate_challenge

from apps.accounts.errors import AccountDisabled
from apps.accounts.services import PhoneSignIn, _tokens_for
from apps.accounts.sessions import session_start

from . import ceremony
from .errors import (
    PasskeyChallengeExpired,
    PasskeyChallengeUnknown,
    PasskeyChallengeUsed,
    PasskeyCloned,
    PasskeyExists,
    PasskeyPhoneUnverified,
    PasskeyRemoved,
    PasskeyResponseInvalid,
    PasskeyUnknown,
)
from .models import ChallengePurpose, Passkey, PasskeyChallenge
from .selectors import passkey_get_own, passkey_list

CHALLENGE_LIFETIME = timedelta(minutes=5)


def passkey_user_handle(*, user) -> bytes:
    """The opaque user handle an authenticator keeps for the user: stable, and neither the phone nor the id."""
    return hmac.new(settings.SECRET_KEY.encode(), f"passkey-user:{user.pk}".encode(), hashlib.sha256).digest()


def _challenge_issue(*, purpose: str, user=None) -> bytes:
    now = timezone.now()
    challenge = generate_challenge()
    PasskeyChallenge.objects.create(
        challenge=bytes_to_base64url(challenge),
        purpose=purpose,
        user=user,
        created_at=now,
        expires_at=now + CHALLENGE_LIFETIME,
    )
    return challenge


def _challenge_use(*, challenge: str, purpose: str, user=None, now: datetime) -> None:
    """Use a challenge once; committed on its own so that the answer's failure cannot give it back."""
    with transaction.atomic():
        row = PasskeyChallenge.objects.filter(challenge=challenge, purpose=purpose).first()
        if row is None or (purpose == ChallengePurpose.REGISTER and row.user_id != user.pk):
            raise PasskeyChallengeUnknown()
        if row.used_at is not None:
            raise PasskeyChallengeUsed()
        if row.expires_at <= now:
            raise PasskeyChallengeExpired()
        # Conditional: of two concurrent answers with one challenge, only one uses it.
        if not PasskeyChallenge.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now):
            raise PasskeyChallengeUsed()


def _check_may_register(user) -> None:
    if not user.is_active:
        raise AccountDisabled()
    if not user.is_phone_verified:
        raise PasskeyPhoneUnverified()


@transaction.atomic
def passkey_register_options(*, user) -> dict:
    _check_may_register(user)
    return ceremony.registration_options(
        challenge=_challenge_issue(purpose=ChallengePurpose.REGISTER, user=user),
        user_handle=passkey_user_handle(user=user),
        user_name=user.phone_number,
        display_name=user.get_full_name() or user.phone_number,
        exclude=list(passkey_list(user=user).values_list("credential_id", flat=True)),
    )


def passkey_register_verify(*, user, credential: object, name: str = "") -> Passkey:
    _check_may_register(user)
    answer = ceremony.read_answer(raw=credential, registration=True)
    now = timezone.now()
    _challenge_use(challenge=answer.challenge, purpose=ChallengePurpose.REGISTER, user=user, now=now)
    new = ceremony.verify_registration(answer=answer, expected_challenge=answer.challenge)
    try:
        with transaction.atomic():
            return Passkey.objects.create(
                user=user,
                credential_id=new.credential_id,
                public_key=new.public_key,
                sign_count=new.sign_count,
                user_handle=bytes_to_base64url(passkey_user_handle(user=user)),
                name=name.strip(),
                transports=new.transports,
                aaguid=new.aaguid,
                backed_up=new.backed_up,
                created_at=now,
            )
    except IntegrityError as error:
        raise PasskeyExists() from error


@transaction.atomic
def passkey_login_options() -> dict:
    return ceremony.authentication_options(challenge=_challenge_issue(purpose=ChallengePurpose.LOGIN))


def passkey_login_verify(*, credential: object) -> PhoneSignIn:
    answer = ceremony.read_answer(raw=credential, registration=False)
    now = timezone.now()
    _challenge_use(challenge=answer.challenge, purpose=ChallengePurpose.LOGIN, now=now)
    with transaction.atomic():
        passkey = (
            Passkey.objects.select_for_update()
            .select_related("user")
            .filter(credential_id=answer.credential_id)
            .first()
        )
        if passkey is None:
            raise PasskeyUnknown()
        if passkey.removed_at is not None:
            raise PasskeyRemoved()
        if passkey.cloned_at is not None:
            raise PasskeyCloned()
        # A discoverable credential names its user: it must be the passkey's owner.
        handle = answer.raw["response"].get("userHandle")
        if handle and handle != passkey.user_handle:
            raise PasskeyResponseInvalid()
        new_count = ceremony.verify_authentication(
            answer=answer, expected_challenge=answer.challenge, public_key=bytes(passkey.public_key)
        )
        cloned = (new_count or passkey.sign_count) and new_count <= passkey.sign_count
        if cloned:
            passkey.cloned_at = now
            passkey.save(update_fields=["cloned_at"])
        else:
            user = passkey.user
            if not user.is_active:
                raise AccountDisabled()
            passkey.sign_count = new_count
            passkey.last_used_at = now
            passkey.save(update_fields=["sign_count", "last_used_at"])
            user.last_login = now
            user.save(update_fields=["last_login"])
            return PhoneSignIn(user=user, created=False, tokens=_tokens_for(session_start(user)))
    # Outside the transaction: the flag is committed, the answer refused.
    raise PasskeyCloned()


@transaction.atomic
def passkey_remove(*, user, passkey_id: int) -> None:
    passkey = passkey_get_own(user=user, passkey_id=passkey_id)
    Passkey.objects.filter(pk=passkey.pk, removed_at__isnull=True).update(removed_at=timezone.now())


def passkey_challenges_purge(*, now: datetime, batch_size: int = 1000) -> int:
    """Delete challenges expired over an hour ago; safe on several servers at once. The number deleted."""
    deleted = 0
    while True:
        with transaction.atomic():
            ids = list(
                PasskeyChallenge.objects.select_for_update(skip_locked=True)
                .filter(expires_at__lt=now - timedelta(hours=1))
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                return deleted
            deleted += PasskeyChallenge.objects.filter(pk__in=ids).delete()[0]
