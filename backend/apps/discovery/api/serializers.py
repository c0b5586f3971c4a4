"""The salon list shows each salon as the catalog summarises it (the salon page extends that shape)."""

from rest_framework import serializers

from apps.core.i18n import localized
from apps.salons.api.serializers import SalonListSerializer
from apps.salons.models import City

__all__ = [
    "CitySerializer",
    "MapConfigSerializer",
    "SalonListSerializer",
    "SuggestQuerySerializer",
    "SuggestionsSerializer",
]


class CitySerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=City.choices, source="value", help_text="What the salon list's `city` filter takes."
    )
    name = serializers.CharField(source="label", help_text="In the request's language.")


class SuggestQuerySerializer(serializers.Serializer):
    q = serializers.CharField(
        max_length=100, allow_blank=True, trim_whitespace=True, help_text="What was typed so far."
    )
    city = serializers.ChoiceField(choices=City.choices, required=False, help_text="Only suggestions in this city.")


class SalonSuggestionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField(help_text="In the request's language.")
    district = serializers.CharField()
    city = serializers.ChoiceField(choices=City.choices)
    city_name = serializers.CharField(source="get_city_display")


class ServiceSuggestionSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="In the request's language; search for it with `q`.")
    salon_count = serializers.IntegerField(help_text="Active salons offering a service of this name.")


class DistrictSuggestionSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField(
        help_text="In the request's language; the salon list's `district` takes it."
    )
    city = serializers.ChoiceField(choices=City.choices)
    city_name = serializers.SerializerMethodField()
    salon_count = serializers.IntegerField(help_text="Active salons in the district.")

    def get_name(self, suggestion) -> str:
        return localized(suggestion, "district")

    def get_city_name(self, suggestion) -> str:
        return str(City(suggestion.city).label)


class SuggestionsSerializer(serializers.Serializer):
    salons = SalonSuggestionSerializer(many=True)
    services = ServiceSuggestionSerializer(many=True)
    districts = DistrictSuggestionSerializer(many=True)


class MapConfigSerializer(serializers.Serializer):
    tile_url = serializers.CharField(help_text="An XYZ tile URL template with {z}, {x} and {y}.")
    attribution = serializers.CharField(help_text="Shown on every map, as the tile server's terms require.")
    max_zoom = serializers.IntegerField()
