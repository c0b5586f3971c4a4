"""The social_auth app's errors: each has a stable `code` clients branch on."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, ServiceUnavailable


class ProviderNotConfigured(AppError):
    code = "provider_not_configured"
    status_code = status.HTTP_404_NOT_FOUND
    message = _("This sign-in provider is not available.")


class ProviderUnavailable(ServiceUnavailable):
    code = "social_provider_unavailable"
    message = _("We could not reach the sign-in provider. Please try again shortly.")


class IdTokenInvalid(AppError):
    code = "id_token_invalid"
    message = _("The sign-in could not be verified. Please try again.")


class IdTokenExpired(AppError):
    code = "id_token_expired"
    message = _("The sign-in has expired. Please try again.")


class IdTokenWrongAudience(AppError):
    code = "id_token_wrong_audience"
    message = _("The sign-in was made for another application.")


class IdTokenWrongIssuer(AppError):
    code = "id_token_wrong_issuer"
    message = _("The sign-in was not issued by the expected provider.")


class NonceInvalid(AppError):
    code = "nonce_invalid"
    message = _("The sign-in attempt is unknown, expired or already used. Please try again.")


class LinkTokenInvalid(AppError):
    code = "link_token_invalid"
    message = _("The link has expired or is invalid. Sign in with the provider again.")


class IdentityAlreadyLinked(Conflict):
    code = "identity_already_linked"
    message = _("This account is already linked to another phone number.")


class LastSignInMethod(Conflict):
    code = "last_sign_in_method"
    message = _("This is your only way to sign in; verify a phone number before removing it.")


# The sign-in answers that are not errors: the identity is new and a phone must be verified first.
PHONE_REQUIRED_CODE = "phone_required"
PHONE_REQUIRED_MESSAGE = _("Verify your phone number to finish signing in.")
