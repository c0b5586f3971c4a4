"""Signing in with Google or Apple, linking an identity to a verified phone, and unlinking.

Policy (docs/adr/0014-social-sign-in-linking.md): an identity (provider, subject) belongs to one
account, and only to an account whose phone is verified. A linked identity signs straight in with the
same tokens as a phone sign-in. An unlinked one answers `phone_required` with a link token; the
linking then verifies a sign-in code for the phone (accounts' `otp_verify`, which creates the account
if new) and links the identity to that phone's account. Emails never merge accounts.
"""

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.accounts.errors import AccountDisabled
from apps.accounts.models import User
from apps.accounts.services import TokenPair, auth_logout, otp_verify
from apps.accounts.sessions import session_start

from .errors import IdentityAlreadyLinked, LastSignInMethod, NonceInvalid
from .id_tokens import id_token_verify
from .link_tokens import PendingLink, link_token_issue, link_token_read
from .models import SocialIdentity, SocialNonce
from .selectors import identity_get


@dataclass(frozen=True)
class SocialSignIn:
    """Either signed in (`user`, `tokens`) or a phone is required first (`link_token`)."""

    user: User | None = None
    tokens: TokenPair | None = None
    created: bool = False
    link_token: str = ""
    pending: PendingLink | None = None


def social_nonce_issue(*, now: datetime | None = None) -> SocialNonce:
    """A fresh single-use nonce; expired nonces are cleared on the way (a bounded delete)."""
    now = now or timezone.now()
    with transaction.atomic():
        stale = SocialNonce.objects.filter(expires_at__lt=now - timedelta(hours=1)).values_list("pk", flat=True)[:500]
        SocialNonce.objects.filter(pk__in=list(stale)).delete()
        return SocialNonce.objects.create(
            value=secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + timedelta(minutes=settings.SOCIAL_NONCE_MINUTES),
        )


def _nonce_use(*, value: str, now: datetime) -> None:
    # Conditional: of two concurrent uses of one nonce, only one succeeds.
    if not SocialNonce.objects.filter(value=value, used_at__isnull=True, expires_at__gt=now).update(used_at=now):
        raise NonceInvalid()


def _tokens_for_user(user: User) -> TokenPair:
    refresh = session_start(user)
    return TokenPair(access=str(refresh.access_token), refresh=str(refresh))


def social_sign_in(
    *, provider: str, id_token: str, nonce: str, first_name: str = "", last_name: str = "", now: datetime | None = None
) -> SocialSignIn:
    """Check the ID token and use its nonce; sign a linked identity's account in, or answer a link token.
    `first_name`/`last_name`: Apple's first-sign-in name from the JS response, kept on the identity.

    Raises ProviderNotConfigured (404), IdTokenInvalid, IdTokenExpired, IdTokenWrongAudience,
    IdTokenWrongIssuer, NonceInvalid (400), AccountDisabled (403) or ProviderUnavailable (503).
    """
    now = now or timezone.now()
    verified = id_token_verify(provider=provider, id_token=id_token, nonce=nonce)
    with transaction.atomic():
        _nonce_use(value=nonce, now=now)
        identity = (
            SocialIdentity.objects.select_for_update()
            .select_related("user")
            .filter(provider=provider, subject=verified.subject)
            .first()
        )
        if identity is None:
            pending = PendingLink(
                provider=provider,
                subject=verified.subject,
                email=verified.email,
                is_private_relay=verified.is_private_relay,
                first_name=first_name[:150],
                last_name=last_name[:150],
            )
            return SocialSignIn(link_token=link_token_issue(pending), pending=pending)
        user = identity.user
        if not user.is_active:
            raise AccountDisabled()
        identity.last_used_at = now
        changed = ["last_used_at"]
        if verified.email and verified.email != identity.email:
            identity.email, identity.is_private_relay = verified.email, verified.is_private_relay
            changed += ["email", "is_private_relay"]
        identity.save(update_fields=changed)
        user.last_login = now
        user.save(update_fields=["last_login"])
        return SocialSignIn(user=user, tokens=_tokens_for_user(user))


def social_link_complete(*, link_token: str, request_id: str, code: str, now: datetime | None = None) -> SocialSignIn:
    """Verify the phone's sign-in code (creating the account if new) and link the pending identity to it.

    An identity already linked is refused before the code is used. When a concurrent link of the same
    identity wins meanwhile (two tabs, two phones), the session just started is ended and
    IdentityAlreadyLinked raised; linking again to the same account succeeds.

    Raises LinkTokenInvalid (400), IdentityAlreadyLinked (409) and everything `otp_verify` raises.
    """
    now = now or timezone.now()
    pending = link_token_read(link_token)
    if SocialIdentity.objects.filter(provider=pending.provider, subject=pending.subject).exists():
        raise IdentityAlreadyLinked()
    sign_in = otp_verify(
        request_id=request_id, code=code, first_name=pending.first_name, last_name=pending.last_name, now=now
    )
    try:
        with transaction.atomic():
            SocialIdentity.objects.create(
                id=uuid.uuid4(),
                user=sign_in.user,
                provider=pending.provider,
                subject=pending.subject,
                email=pending.email,
                is_private_relay=pending.is_private_relay,
                first_name=pending.first_name,
                last_name=pending.last_name,
                created_at=now,
                last_used_at=now,
            )
    except IntegrityError:
        owner_id = (
            SocialIdentity.objects.filter(provider=pending.provider, subject=pending.subject)
            .values_list("user_id", flat=True)
            .first()
        )
        if owner_id != sign_in.user.pk:
            auth_logout(refresh=sign_in.tokens.refresh)
            raise IdentityAlreadyLinked() from None
    return SocialSignIn(user=sign_in.user, tokens=sign_in.tokens, created=sign_in.created)


def social_identity_unlink(*, user: User, identity_id: uuid.UUID) -> None:
    """Remove one of the user's linked identities. The verified phone always signs in by SMS, so an
    identity can go unless the account has no verified phone (then it may be the only way in).

    Raises NotFound (404; also for someone else's identity) or LastSignInMethod (409).
    """
    with transaction.atomic():
        identity = identity_get(user=user, identity_id=identity_id)
        account = User.objects.select_for_update().get(pk=user.pk)
        if not account.is_phone_verified or not account.phone_number:
            raise LastSignInMethod()
        identity.delete()
