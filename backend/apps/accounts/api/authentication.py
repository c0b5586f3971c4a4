from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken

from ..sessions import session_has_ended

# Also the message of `errors.TokenNotValid` (this module cannot import the errors: DRF loads it early).
SESSION_INVALID_MESSAGE = _("Your session has expired or is invalid. Please sign in again.")


class LanguageAwareJWTAuthentication(JWTAuthentication):
    """JWT authentication that answers a signed-in user in their `preferred_language`.

    Without a signed-in user, Django's LocaleMiddleware has already chosen the
    language from `Accept-Language`, falling back to Arabic.
    """

    def authenticate(self, request):
        try:
            result = super().authenticate(request)
        except InvalidToken:
            # simplejwt's own message is English only and nests the token details in a dict.
            raise AuthenticationFailed(SESSION_INVALID_MESSAGE, code="token_not_valid") from None
        except AuthenticationFailed as exc:
            # A token of a deleted or deactivated account: to the client, the session is simply over.
            code = exc.detail.get("code") if isinstance(exc.detail, dict) else None  # simplejwt's {"detail", "code"}
            if code in ("user_not_found", "user_inactive"):
                raise AuthenticationFailed(SESSION_INVALID_MESSAGE, code="token_not_valid") from None
            raise
        if result is not None:
            user, token = result
            if session_has_ended(token):  # signed out: its access tokens end with it
                raise AuthenticationFailed(SESSION_INVALID_MESSAGE, code="token_not_valid")
            if user.preferred_language:
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
        return result
