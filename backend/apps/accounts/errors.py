"""The accounts app's errors: each has a stable `code` clients branch on."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, RateLimited, ServiceUnavailable
from apps.core.openapi import NOT_AUTHENTICATED

from .api.authentication import SESSION_INVALID_MESSAGE


class OTPInvalid(AppError):
    code = "otp_invalid"
    message = _("The code is incorrect.")


class OTPExpired(AppError):
    code = "otp_expired"
    message = _("The code has expired. Request a new one.")


class OTPUsed(AppError):
    code = "otp_used"
    message = _("The code has already been used. Request a new one.")


class OTPSuperseded(AppError):
    code = "otp_superseded"
    message = _("A newer code was sent to this number. Enter the latest code.")


class OTPAttemptsExceeded(AppError):
    code = "otp_attempts_exceeded"
    message = _("Too many wrong attempts. Request a new code.")


class OTPSendUnavailable(ServiceUnavailable):
    code = "otp_provider_unavailable"
    message = _("We could not send the code right now. Please try again shortly.")


class OTPCheckUnavailable(ServiceUnavailable):
    code = "otp_provider_unavailable"
    message = _("We could not check the code right now. Please try again shortly.")


class OTPCooldown(RateLimited):
    code = "otp_cooldown"
    message = _("Please wait before requesting another code.")


class OTPTooManyRequests(RateLimited):
    code = "otp_too_many_requests"
    message = _("Too many codes were requested for this number. Please try again later.")


class OTPDailyLimit(RateLimited):
    code = "otp_daily_limit"
    message = _("This number has received the most codes allowed in a day. Please try again later.")


class OTPVerifyThrottled(RateLimited):
    """Wrong codes for a number, across its codes: after a few, each guess waits twice as long as the
    last; after a day's budget, no code of the number is accepted until the oldest of them is a day old."""

    code = "otp_verify_throttled"
    message = _("Too many wrong codes for this number. Please wait before trying again.")


class OTPIPLimited(RateLimited):
    code = "otp_ip_limited"
    message = _("Too many code requests from this network. Please try again later.")


class AccountDisabled(AppError):
    code = "account_disabled"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("This account has been disabled.")


class TokenNotValid(AppError):
    code = "token_not_valid"
    status_code = status.HTTP_401_UNAUTHORIZED
    message = SESSION_INVALID_MESSAGE

    def __init__(self):
        super().__init__(headers={"WWW-Authenticate": 'Bearer realm="api"'})


# The 401 answers of every endpoint that needs a signed-in user: no token, or one that is not valid
# (`api.authentication.LanguageAwareJWTAuthentication`). For `apps.core.openapi.error_responses`.
AUTHENTICATION_ERRORS = (NOT_AUTHENTICATED, TokenNotValid)


class EmailTaken(AppError):
    code = "email_taken"
    message = _("Invalid input.")

    def __init__(self):
        super().__init__(errors={"email": [str(_("A user with this email already exists."))]})


class EmailNotPending(AppError):
    code = "email_not_pending"
    message = _("There is no email address waiting for verification.")


class EmailCodeInvalid(AppError):
    code = "email_code_invalid"
    message = _("The code is incorrect.")


class EmailCodeExpired(AppError):
    code = "email_code_expired"
    message = _("The code has expired. Enter the email address again to get a new one.")


class EmailCodeAttemptsExceeded(AppError):
    code = "email_code_attempts_exceeded"
    message = _("Too many wrong attempts. Enter the email address again to get a new code.")


class EmailLinkInvalid(AppError):
    code = "email_link_invalid"
    message = _("This verification link is not valid. Enter the email address again to get a new one.")


class EmailLinkExpired(AppError):
    code = "email_link_expired"
    message = _("This verification link has expired. Enter the email address again to get a new one.")


class PhoneNotOwn(AppError):
    """A code for a change to the account goes only to the signed-in person's own number."""

    code = "phone_not_own"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("This code can only be sent to your own phone number.")


class PhoneTaken(AppError):
    """The new number of a phone change already belongs to another account."""

    code = "phone_taken"
    status_code = status.HTTP_409_CONFLICT
    message = _("This phone number belongs to another account.")


class PhoneUnchanged(AppError):
    code = "phone_unchanged"
    message = _("This is already your phone number.")
