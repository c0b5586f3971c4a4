"""drf-spectacular: document our JWT authentication class as simplejwt's bearer scheme."""

from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme


class LanguageAwareJWTScheme(SimpleJWTScheme):
    target_class = "apps.accounts.api.authentication.LanguageAwareJWTAuthentication"
