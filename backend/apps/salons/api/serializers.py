"""Output shapes of the public catalogue API. Text fields answer in the request's language."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.serializers import HourMinuteField

from ..models import Salon, SalonPhoto, Service, ServiceCategory, StaffMember
from ..no_show import salon_no_show_policy
from ..renditions import picture_candidates
from .no_show_serializers import SalonNoShowPolicySerializer

CURRENCY = "SAR"
VAT_PERCENT = 15


def included_vat(amount: int) -> int:
    """The VAT inside a VAT-inclusive amount in halalas: amount × 15/115, rounded half up."""
    gross_percent = 100 + VAT_PERCENT
    # floor(x + 1/2) for x = amount × 15 / 115, in integers: floor((2 × amount × 15 + 115) / 230)
    return (2 * amount * VAT_PERCENT + gross_percent) // (2 * gross_percent)


def absolute_file_url(serializer: serializers.Serializer, file) -> str | None:
    if not file:
        return None
    return serializer.context["request"].build_absolute_uri(file.url)


def absolute_srcset(serializer: serializers.Serializer, file) -> str | None:
    """The picture's `srcset` (`<url> <width>w, …`: smaller copies and the original); None when it has none."""
    candidates = picture_candidates(file)
    if not candidates:
        return None
    request = serializer.context["request"]
    return ", ".join(f"{request.build_absolute_uri(url)} {width}w" for url, width in candidates)


class PriceSerializer(serializers.Serializer):
    amount = serializers.IntegerField(source="price_amount", help_text="Halalas, VAT included.")
    currency = serializers.CharField()
    vat_amount = serializers.SerializerMethodField(help_text="The 15% VAT included in the amount, in halalas.")

    def get_vat_amount(self, service: Service) -> int:
        return included_vat(service.price_amount)


class PriceRangeSerializer(serializers.Serializer):
    min = serializers.IntegerField(source="min_price", help_text="Halalas, VAT included.")
    max = serializers.IntegerField(source="max_price", help_text="Halalas, VAT included.")
    currency = serializers.SerializerMethodField()

    def get_currency(self, salon: Salon) -> str:
        return CURRENCY


class ServiceSerializer(serializers.ModelSerializer):
    """Expects services from `selectors` (with `active_staff`)."""

    name = serializers.CharField()
    description = serializers.CharField()
    price = PriceSerializer(source="*")
    staff_ids = serializers.SerializerMethodField(help_text="Active staff offering the service.")

    class Meta:
        model = Service
        fields = ["id", "name", "description", "duration_minutes", "buffer_minutes", "price", "staff_ids"]

    def get_staff_ids(self, service: Service) -> list[int]:
        return [member.id for member in service.active_staff]


class StaffSerializer(serializers.ModelSerializer):
    """Expects staff from `selectors` (with `active_services`)."""

    display_name = serializers.CharField(source="name", help_text="In the request's language.")
    title = serializers.CharField()
    photo_url = serializers.SerializerMethodField()
    service_ids = serializers.SerializerMethodField(help_text="Active services the staff member offers.")

    class Meta:
        model = StaffMember
        fields = ["id", "display_name", "title", "photo_url", "service_ids"]

    def get_photo_url(self, member: StaffMember) -> str | None:
        return absolute_file_url(self, member.photo)

    def get_service_ids(self, member: StaffMember) -> list[int]:
        return [service.id for service in member.active_services]


# The docstring is the schema's description of the component, kept as it was: the list's
# selectors are now apps.discovery's; any salons annotated by `selectors.with_price_range` will do.
class SalonListSerializer(serializers.ModelSerializer):
    """Expects salons from `selectors.salon_list` (with `min_price`/`max_price`)."""

    name = serializers.CharField()
    city_name = serializers.CharField(source="get_city_display")
    district = serializers.CharField()
    rating = serializers.DecimalField(
        source="rating_average", max_digits=3, decimal_places=2, min_value=0, max_value=5, coerce_to_string=False
    )
    review_count = serializers.IntegerField(source="rating_count")
    cover_photo_url = serializers.SerializerMethodField()
    cover_photo_srcset = serializers.SerializerMethodField(
        help_text="The cover in several widths for an <img srcset> (`<url> <width>w, …`); null without smaller copies."
    )
    price_range = serializers.SerializerMethodField(help_text="Null when the salon has no active service.")
    is_favourite = serializers.BooleanField(
        read_only=True, help_text="Whether the signed-in user keeps the salon as a favourite (false when signed out)."
    )
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-90, max_value=90, coerce_to_string=False, allow_null=True
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, min_value=-180, max_value=180, coerce_to_string=False, allow_null=True
    )
    distance_km = serializers.SerializerMethodField(
        help_text="Great-circle distance from the list's `near` point in km, one decimal; null without `near`."
    )

    class Meta:
        model = Salon
        fields = [
            "id",
            "slug",
            "name",
            "city",
            "city_name",
            "district",
            "audience",
            "rating",
            "review_count",
            "cover_photo_url",
            "cover_photo_srcset",
            "price_range",
            "requires_prepayment",
            "is_favourite",
            "latitude",
            "longitude",
            "distance_km",
        ]

    def get_distance_km(self, salon: Salon) -> float | None:
        distance = getattr(salon, "distance_km", None)
        return None if distance is None else round(distance, 1)

    def get_cover_photo_url(self, salon: Salon) -> str | None:
        return absolute_file_url(self, salon.cover_photo)

    def get_cover_photo_srcset(self, salon: Salon) -> str | None:
        return absolute_srcset(self, salon.cover_photo)

    @extend_schema_field(PriceRangeSerializer(allow_null=True))
    def get_price_range(self, salon: Salon) -> dict | None:
        if salon.min_price is None:
            return None
        return PriceRangeSerializer(salon).data


class SalonPhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    srcset = serializers.SerializerMethodField(
        help_text="The photo in several widths for an <img srcset>; null without smaller copies."
    )
    caption = serializers.CharField()

    class Meta:
        model = SalonPhoto
        fields = ["url", "srcset", "caption"]

    def get_url(self, photo: SalonPhoto) -> str | None:
        return absolute_file_url(self, photo.image)

    def get_srcset(self, photo: SalonPhoto) -> str | None:
        return absolute_srcset(self, photo.image)


class CategorySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = ServiceCategory
        fields = ["id", "slug", "name"]


class ServiceGroupSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="category.id")
    slug = serializers.CharField(source="category.slug")
    name = serializers.CharField(source="category.name")
    services = ServiceSerializer(many=True)


class OpeningIntervalSerializer(serializers.Serializer):
    start = HourMinuteField()
    end = HourMinuteField()
    overnight = serializers.BooleanField(
        help_text="The end is on the next day (the interval ends at or after midnight)."
    )


class OpeningDaySerializer(serializers.Serializer):
    weekday = serializers.IntegerField(help_text="0 = Monday … 6 = Sunday.")
    name = serializers.CharField()
    intervals = OpeningIntervalSerializer(many=True, help_text="Empty when the salon is closed.")


class BookingPolicySerializer(serializers.ModelSerializer):
    class Meta:
        model = Salon
        fields = [
            "lead_time_minutes",
            "booking_horizon_days",
            "slot_step_minutes",
            "cancellation_window_hours",
            "requires_prepayment",
            "hold_minutes",
        ]


class SalonDetailSerializer(SalonListSerializer):
    """Expects a salon from `selectors.salon_detail`."""

    description = serializers.CharField()
    address = serializers.CharField()
    photos = SalonPhotoSerializer(many=True)
    google_maps_url = serializers.SerializerMethodField(help_text="Null when the salon has no coordinates.")
    categories = ServiceGroupSerializer(source="service_groups", many=True)
    staff = StaffSerializer(source="active_staff", many=True)
    opening_hours = OpeningDaySerializer(many=True, help_text="Sunday first, as the Saudi week.")
    booking_policy = BookingPolicySerializer(source="*")
    no_show_policy = serializers.SerializerMethodField()

    class Meta(SalonListSerializer.Meta):
        fields = [
            *SalonListSerializer.Meta.fields,
            "description",
            "address",
            "phone_number",
            "timezone",
            "vat_number",
            "photos",
            "google_maps_url",
            "categories",
            "staff",
            "opening_hours",
            "booking_policy",
            "no_show_policy",
        ]

    @extend_schema_field(SalonNoShowPolicySerializer)
    def get_no_show_policy(self, salon: Salon) -> dict:
        return salon_no_show_policy(salon)

    def get_google_maps_url(self, salon: Salon) -> str | None:
        if salon.latitude is None or salon.longitude is None:
            return None
        return f"https://www.google.com/maps/search/?api=1&query={salon.latitude},{salon.longitude}"
