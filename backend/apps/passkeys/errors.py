"""The passkeys app's errors: each has a stable `code` clients branch on, never the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class PasskeyPhoneUnverified(AppError):
    code = "passkey_phone_unverified"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Verify your phone number before adding a passkey.")


class PasskeyResponseInvalid(AppError):
    code = "passkey_invalid"
    message = _("The passkey's answer could not be verified. Please try again.")


class PasskeyChallengeUnknown(AppError):
    code = "passkey_challenge_invalid"
    message = _("This passkey request is not valid. Please start again.")


class PasskeyChallengeUsed(AppError):
    code = "passkey_challenge_used"
    message = _("This passkey request was already used. Please start again.")


class PasskeyChallengeExpired(AppError):
    code = "passkey_challenge_expired"
    message = _("This passkey request has expired. Please start again.")


class PasskeyOriginMismatch(AppError):
    code = "passkey_origin_mismatch"
    message = _("This passkey answer comes from a website we do not recognise.")


class PasskeyRpIdMismatch(AppError):
    code = "passkey_rp_id_mismatch"
    message = _("This passkey belongs to another website.")


class PasskeyUserNotVerified(AppError):
    code = "passkey_user_not_verified"
    message = _("Unlock your passkey with your face, fingerprint or screen lock.")


class PasskeyUnknown(AppError):
    code = "passkey_unknown"
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("This passkey is not registered with us. Sign in with your phone number.")


class PasskeyRemoved(AppError):
    code = "passkey_removed"
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("This passkey was removed from your account. Sign in with your phone number.")


class PasskeyCloned(AppError):
    code = "passkey_cloned"
    status_code = status.HTTP_401_UNAUTHORIZED
    message = _("This passkey can no longer be used for security reasons. Sign in with your phone number.")


class PasskeyExists(Conflict):
    code = "passkey_exists"
    message = _("This passkey is already registered.")


class PasskeyNotFound(NotFound):
    code = "passkey_not_found"
    message = _("Passkey not found.")


CEREMONY_ERRORS = (
    PasskeyResponseInvalid,
    PasskeyChallengeUnknown,
    PasskeyChallengeUsed,
    PasskeyChallengeExpired,
    PasskeyOriginMismatch,
    PasskeyRpIdMismatch,
    PasskeyUserNotVerified,
)
