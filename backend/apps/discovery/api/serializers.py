"""The salon list shows each salon as the catalog summarises it (the salon page extends that shape)."""

from rest_framework import serializers

from apps.salons.api.serializers import SalonListSerializer
from apps.salons.models import City

__all__ = ["CitySerializer", "SalonListSerializer"]


class CitySerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=City.choices, source="value", help_text="What the salon list's `city` filter takes."
    )
    name = serializers.CharField(source="label", help_text="In the request's language.")
