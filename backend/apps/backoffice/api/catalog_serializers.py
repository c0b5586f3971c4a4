"""Shapes of the back office's services and photo gallery."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.salons.api.serializers import absolute_file_url
from apps.salons.models import SalonPhoto, Service
from apps.salons.photos import photo_is_cover
from apps.salons.services import SERVICE_FIELDS

MAX_ID = 2**63 - 1
MAX_ORDER = 2**31 - 1


def id_list(**kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=MAX_ID), max_length=500, **kwargs
    )


# --- Services -----------------------------------------------------------------------------------


class ManageServiceSerializer(serializers.ModelSerializer):
    """A service as its salon's managers see it, active or not. Expects `staff` prefetched."""

    category_name = serializers.CharField(source="category.name", help_text=_("In the request's language."))
    staff_ids = serializers.SerializerMethodField(help_text=_("The stylists offering the service, active or not."))

    class Meta:
        model = Service
        fields = [
            "id",
            "category",
            "category_name",
            "name_ar",
            "name_en",
            "description_ar",
            "description_en",
            "duration_minutes",
            "price_amount",
            "currency",
            "buffer_minutes",
            "is_active",
            "display_order",
            "staff_ids",
        ]
        read_only_fields = fields

    def get_staff_ids(self, service: Service) -> list[int]:
        return sorted(member.pk for member in service.staff.all())


class ManageServiceInputSerializer(serializers.ModelSerializer):
    """Model validators apply: duration 5–720 minutes, buffer at most 240, price in halalas ≥ 0."""

    staff_ids = id_list(required=False, help_text=_("Stylists of this salon who offer the service."))

    class Meta:
        model = Service
        fields = [*SERVICE_FIELDS, "staff_ids"]


class ManageServiceDeletedSerializer(serializers.Serializer):
    deactivated = serializers.BooleanField(help_text=_("Always true: the service had bookings, so it was kept."))
    detail = serializers.CharField()
    service = ManageServiceSerializer()


# --- Photos -------------------------------------------------------------------------------------


class ManagePhotoSerializer(serializers.ModelSerializer):
    """Expects the salon in the context (`salon`) to tell the cover without a query per photo."""

    url = serializers.SerializerMethodField()
    thumbnail_url = serializers.SerializerMethodField()
    is_cover = serializers.SerializerMethodField(help_text=_("The salon's cover photo in the public catalog."))

    class Meta:
        model = SalonPhoto
        fields = [
            "id",
            "url",
            "thumbnail_url",
            "width",
            "height",
            "caption_ar",
            "caption_en",
            "display_order",
            "is_cover",
        ]
        read_only_fields = fields

    def get_url(self, photo: SalonPhoto) -> str | None:
        return absolute_file_url(self, photo.image)

    def get_thumbnail_url(self, photo: SalonPhoto) -> str | None:
        return absolute_file_url(self, photo.thumbnail)

    def get_is_cover(self, photo: SalonPhoto) -> bool:
        return photo_is_cover(photo, self.context["salon"])


class ManagePhotoUploadSerializer(serializers.Serializer):
    image = serializers.FileField(
        allow_empty_file=True, help_text=_("JPEG, PNG or WebP, at most 8 MB and 6000 × 6000 pixels.")
    )
    caption_ar = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    caption_en = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class ManagePhotoUpdateSerializer(serializers.Serializer):
    caption_ar = serializers.CharField(max_length=200, required=False, allow_blank=True)
    caption_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    display_order = serializers.IntegerField(min_value=0, max_value=MAX_ORDER, required=False)
    is_cover = serializers.BooleanField(
        required=False, help_text=_("true makes it the salon's cover; false on the cover leaves the salon without one.")
    )
