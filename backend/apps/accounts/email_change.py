"""A new email counts once its owner proves they receive mail there.

`user_update` with a new address stores it as `pending_email` and mails a six-digit code to it (after
commit, through Django's email backend: the console in development, SMTP in production). The answer
is the same whether or not another account uses the address, so the profile cannot be used to learn
who has an account. `email_verify` with the right code makes it the account's verified email; only
verified emails are unique (a partial unique index), so an address someone typed without owning it
blocks nobody. Codes live EMAIL_CODE_EXPIRY_MINUTES and die after EMAIL_CODE_MAX_ATTEMPTS wrong tries.

The same mail carries a link (`<FRONTEND_URL>/email/verify?token=…`): the token is signed with Django's
signing (the secret key, its own salt) and holds the account and the pending address, so it verifies
that address only while it is still the pending one, and only for EMAIL_LINK_MAX_AGE_HOURS
(`email_verify_link`, no sign-in needed: whoever opens the link proves they receive the mail).

A verified address the mail provider reported undeliverable (`email_undeliverable`) is verified again
by entering it again: a code and a link are mailed to it, and verifying clears the mark.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from apps.core.after_commit import on_commit_safely

from .codes import code_generate, code_hash, code_matches
from .errors import (
    EmailCodeAttemptsExceeded,
    EmailCodeExpired,
    EmailCodeInvalid,
    EmailLinkExpired,
    EmailLinkInvalid,
    EmailNotPending,
    EmailTaken,
)
from .models import User

logger = logging.getLogger(__name__)


LINK_SALT = "accounts.email-verification-link"


def _code_key(user: User, email: str) -> str:
    return f"email:{user.pk}:{email.lower()}"


def email_verification_token(*, user_id: int, email: str) -> str:
    """A signed, timestamped token for verifying `email` as the account's address."""
    return signing.dumps({"u": user_id, "e": email.lower()}, salt=LINK_SALT, compress=True)


def email_verification_url(*, user_id: int, email: str) -> str:
    return f"{settings.FRONTEND_URL}/email/verify?token={email_verification_token(user_id=user_id, email=email)}"


def email_change_start(*, user: User, email: str) -> None:
    """Make `email` the pending one and mail it a code. Call in the profile update's transaction."""
    code = code_generate()
    user.pending_email = email
    user.email_code_hash = code_hash(request_id=_code_key(user, email), code=code)
    user.email_code_sent_at = timezone.now()
    user.email_code_attempts = 0
    user.save(update_fields=["pending_email", "email_code_hash", "email_code_sent_at", "email_code_attempts"])
    language = user.preferred_language or settings.LANGUAGE_CODE
    link = email_verification_url(user_id=user.pk, email=email)
    on_commit_safely(
        lambda: _mail_code(email=email, code=code, link=link, language=language), name="accounts.email_code"
    )


def _mail_code(*, email: str, code: str, link: str, language: str) -> None:
    with translation.override(language):
        subject = _("Your email verification code")
        body = _("Enter this code in the app to confirm your email address: %(code)s") % {"code": code}
        body += "\n\n" + _("Or open this link: %(link)s") % {"link": link}
    send_mail(subject, body, None, [email])


def email_verify_link(*, token: str) -> User:
    """Verify the address a link was mailed to. Raises EmailLinkExpired past EMAIL_LINK_MAX_AGE_HOURS,
    EmailLinkInvalid when the token was tampered with or the address is no longer the pending one, or
    EmailTaken when another account verified it first."""
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=timedelta(hours=settings.EMAIL_LINK_MAX_AGE_HOURS))
    except signing.SignatureExpired:
        raise EmailLinkExpired() from None
    except signing.BadSignature:
        raise EmailLinkInvalid() from None
    user_id, email = (payload.get("u"), payload.get("e")) if isinstance(payload, dict) else (None, None)
    if not isinstance(user_id, int) or not isinstance(email, str):
        raise EmailLinkInvalid()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
        if user is None or not user.pending_email or user.pending_email.lower() != email:
            raise EmailLinkInvalid()
        return _make_verified(user)


def email_verify(*, user: User, code: str) -> User:
    """Make the pending email the account's verified email. Raises EmailNotPending, EmailCodeExpired,
    EmailCodeAttemptsExceeded, EmailCodeInvalid, or EmailTaken when another account verified the same
    address first (the caller has just proved they receive its mail)."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        if not user.pending_email or not user.email_code_hash:
            raise EmailNotPending()
        expiry = timedelta(minutes=settings.EMAIL_CODE_EXPIRY_MINUTES)
        if user.email_code_sent_at is None or timezone.now() > user.email_code_sent_at + expiry:
            raise EmailCodeExpired()
        if user.email_code_attempts >= settings.EMAIL_CODE_MAX_ATTEMPTS:
            raise EmailCodeAttemptsExceeded()
        key = _code_key(user, user.pending_email)
        if code_matches(request_id=key, code=code, stored_hash=user.email_code_hash):
            return _make_verified(user)
        # A wrong code: the attempt is counted (committed), then refused.
        User.objects.filter(pk=user.pk).update(email_code_attempts=F("email_code_attempts") + 1)
    raise EmailCodeInvalid()


def _make_verified(user: User) -> User:
    email = user.pending_email
    if User.objects.filter(email__iexact=email, email_verified=True).exclude(pk=user.pk).exists():
        raise EmailTaken()
    user.email, user.email_verified, user.email_undeliverable = email, True, False
    user.pending_email, user.email_code_hash, user.email_code_sent_at = None, "", None
    try:
        with transaction.atomic():
            user.save(
                update_fields=[
                    "email",
                    "email_verified",
                    "email_undeliverable",
                    "pending_email",
                    "email_code_hash",
                    "email_code_sent_at",
                ]
            )
    except IntegrityError:  # verified at the same moment by another account
        raise EmailTaken() from None
    logger.info("Email verified for user %s", user.pk)
    return user
