"""Shapes of the back office's team and working time, and of the bookings a change affects."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from apps.accounts.phone import normalize_phone_number
from apps.bookings.api.serializers import AwareDateTimeField
from apps.bookings.models import BookingStatus
from apps.core.dates import validate_supported_date
from apps.core.serializers import ErrorSerializer, HourMinuteField
from apps.salons.api.serializers import absolute_file_url
from apps.salons.models import SpecialHours, StaffMember, TimeOff, Weekday, WorkingHours
from apps.salons.services import STAFF_FIELDS

from .catalog_serializers import MAX_ID, id_list


class ManageAffectedBookingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    service_name = serializers.CharField()
    customer_first_name = serializers.CharField()
    staff_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=BookingStatus.choices)


class ManageBookingsAffectedErrorSerializer(ErrorSerializer):
    affected = ManageAffectedBookingSerializer(many=True, help_text=_("The bookings concerned, by start."))


class AffectedOptionsSerializer(serializers.Serializer):
    """What to do with the upcoming bookings a change would leave without their stylist."""

    cancel_affected = serializers.BooleanField(
        required=False, default=False, help_text=_("Cancel them (the customers are told; paid ones refunded).")
    )
    reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The cancellation reason the customers see; a default one when left out."),
    )


# --- The team -----------------------------------------------------------------------------------


class ManageStaffSerializer(serializers.ModelSerializer):
    """Expects `user` selected and `services` prefetched."""

    photo_url = serializers.SerializerMethodField()
    service_ids = serializers.SerializerMethodField()
    phone_number = serializers.SerializerMethodField(help_text=_("Of the linked account; null without one."))
    user_id = serializers.IntegerField(read_only=True, allow_null=True, help_text=_("The linked account."))

    class Meta:
        model = StaffMember
        fields = [
            "id",
            "display_name",
            "display_name_en",
            "title_ar",
            "title_en",
            "bio_ar",
            "bio_en",
            "photo_url",
            "is_active",
            "display_order",
            "service_ids",
            "phone_number",
            "user_id",
        ]
        read_only_fields = fields

    def get_photo_url(self, staff: StaffMember) -> str | None:
        return absolute_file_url(self, staff.photo)

    def get_service_ids(self, staff: StaffMember) -> list[int]:
        return sorted(service.pk for service in staff.services.all())

    def get_phone_number(self, staff: StaffMember) -> str | None:
        return staff.user.phone_number if staff.user is not None else None


class ManageStaffCreateSerializer(serializers.Serializer):
    phone_number = serializers.CharField(max_length=32, help_text=_("A Saudi mobile number, e.g. 05XXXXXXXX."))
    display_name = serializers.CharField(max_length=80, help_text=_("In Arabic."))
    display_name_en = serializers.CharField(
        max_length=80, required=False, allow_blank=True, default="", help_text=_("In English; may be left empty.")
    )
    service_ids = id_list(required=False, help_text=_("Services of this salon the stylist offers."))

    def validate_phone_number(self, value: str) -> str:
        try:
            return normalize_phone_number(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages, code=exc.code) from None


class ManageStaffDeactivateSerializer(AffectedOptionsSerializer):
    reassign_to = serializers.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        required=False,
        allow_null=True,
        help_text=_("Give the stylist's upcoming bookings to this stylist, at the same times."),
    )

    def validate(self, attrs):
        if attrs.get("reassign_to") is not None and attrs.get("cancel_affected"):
            raise serializers.ValidationError(
                {"reassign_to": [_("Either give the bookings to another stylist or cancel them, not both.")]}
            )
        return attrs


class ManageStaffUpdateSerializer(ManageStaffDeactivateSerializer, serializers.ModelSerializer):
    service_ids = id_list(required=False, help_text=_("Services of this salon the stylist offers."))
    photo = serializers.FileField(
        required=False, allow_empty_file=True, help_text=_("Multipart only: JPEG, PNG or WebP, at most 8 MB.")
    )

    class Meta:
        model = StaffMember
        fields = [*STAFF_FIELDS, "service_ids", "photo", "reassign_to", "cancel_affected", "reason"]
        extra_kwargs = {name: {"required": False} for name in STAFF_FIELDS}


# --- Working time -------------------------------------------------------------------------------


class ManageWorkingHoursSerializer(serializers.ModelSerializer):
    weekday = serializers.ChoiceField(choices=Weekday.choices, help_text=_("0 = Monday … 6 = Sunday."))
    start = HourMinuteField(source="start_time")
    end = HourMinuteField(source="end_time", help_text=_("At or before the start: after midnight."))

    class Meta:
        model = WorkingHours
        fields = ["weekday", "start", "end"]


class ManageWorkingWeekSerializer(AffectedOptionsSerializer):
    hours = ManageWorkingHoursSerializer(many=True, max_length=100, help_text=_("The whole week; [] for none."))


class ManageTimeOffSerializer(serializers.ModelSerializer):
    class Meta:
        model = TimeOff
        fields = ["id", "start", "end", "reason", "source"]
        read_only_fields = fields


class ManageTimeOffCreateSerializer(serializers.Serializer):
    start = AwareDateTimeField(validators=[validate_supported_date])
    end = AwareDateTimeField(validators=[validate_supported_date])
    reason = serializers.CharField(
        max_length=200, required=False, allow_blank=True, default="", help_text=_("Seen by managers only.")
    )
    cancel_affected = serializers.BooleanField(
        required=False, default=False, help_text=_("Cancel them (the customers are told; paid ones refunded).")
    )
    cancel_reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("The cancellation reason the customers see; a default one when left out."),
    )

    def validate(self, attrs):
        if attrs["end"] <= attrs["start"]:
            raise serializers.ValidationError({"end": [_("The end must be after the start.")]})
        return attrs


class ManageSpecialHoursSerializer(serializers.ModelSerializer):
    start = HourMinuteField(source="start_time", allow_null=True)
    end = HourMinuteField(source="end_time", allow_null=True)

    class Meta:
        model = SpecialHours
        fields = ["id", "date", "start", "end"]
        read_only_fields = fields


class ManageSpecialHoursCreateSerializer(AffectedOptionsSerializer):
    date = serializers.DateField(validators=[validate_supported_date])
    start = HourMinuteField(required=False, allow_null=True, default=None)
    end = HourMinuteField(
        required=False,
        allow_null=True,
        default=None,
        help_text=_("Leave out both times for a day off."),
    )

    def validate(self, attrs):
        if (attrs["start"] is None) != (attrs["end"] is None):
            missing = "end" if attrs["end"] is None else "start"
            raise serializers.ValidationError({missing: [_("Give both a start and an end, or neither for a day off.")]})
        return super().validate(attrs)


def salon_zone(salon):
    """Datetimes of a salon's rows are shown in its time zone."""
    return timezone.override(salon.tz)
