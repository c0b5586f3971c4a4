"""Serializers shared by every app's API documentation."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The body of every error response (see `apps.core.exceptions`)."""

    detail = serializers.CharField(help_text=_("A message in the request's language."))
    code = serializers.CharField(help_text=_("A stable code that clients can rely on."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("For invalid input: the messages of each field."),
    )


class RateLimitedErrorSerializer(ErrorSerializer):
    retry_after = serializers.IntegerField(help_text=_("Seconds until a new request can succeed."))
