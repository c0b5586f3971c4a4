"""Serializers shared by every app's API documentation, and the validation of a request's input."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
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


@extend_schema_field(
    {"type": "string", "pattern": r"^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "09:30", "description": "HH:MM"}
)
class HourMinuteField(serializers.TimeField):
    """A time of day as `HH:MM` both ways (the schema says so: not OpenAPI's `format: time`, which
    means `HH:MM:SS` with an offset)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%H:%M")
        kwargs.setdefault("input_formats", ["%H:%M"])
        super().__init__(**kwargs)


def validated(serializer_class, data) -> dict:
    """`data` (a request's body or query) validated by `serializer_class`: a 400 with field errors if invalid."""
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
