from django.utils import translation
from rest_framework_simplejwt.authentication import JWTAuthentication


class LanguageAwareJWTAuthentication(JWTAuthentication):
    """JWT authentication that answers a signed-in user in their `preferred_language`.

    Without a signed-in user, Django's LocaleMiddleware has already chosen the
    language from `Accept-Language`, falling back to Arabic.
    """

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is not None:
            user, _token = result
            if user.preferred_language:
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
        return result
