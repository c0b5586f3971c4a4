"""The public availability's and the stylist's views' input and output (`schedule_views`)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.dates import validate_supported_date

from .serializers import (
    MAX_AVAILABILITY_DAYS,
    BookingSalonSerializer,
    BookingSerializer,
    SalonDateTimeField,
    StaffSummarySerializer,
    id_field,
)


class AvailabilityQuerySerializer(serializers.Serializer):
    service = id_field()
    date = serializers.DateField()
    days = serializers.IntegerField(min_value=1, max_value=MAX_AVAILABILITY_DAYS, default=1)
    staff = id_field(required=False)

    def validate(self, attrs):
        try:
            attrs["date"] + timedelta(days=attrs["days"] - 1)
        except OverflowError:
            raise serializers.ValidationError({"date": [_("This date is out of range.")]}) from None
        return attrs


class StaffScheduleQuerySerializer(serializers.Serializer):
    date = serializers.DateField(
        required=False, validators=[validate_supported_date], help_text=_("The local day; today by default.")
    )
    staff = id_field(required=False, help_text=_("Managers: the stylist to show; stylists see their own day."))


class AvailabilitySlotSerializer(serializers.Serializer):
    start = SalonDateTimeField()
    end = SalonDateTimeField()
    staff = serializers.ListField(child=serializers.IntegerField(), source="staff_ids")


class AvailabilityDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    slots = AvailabilitySlotSerializer(many=True)


class AvailabilitySerializer(serializers.Serializer):
    salon = serializers.IntegerField()
    service = serializers.IntegerField()
    timezone = serializers.CharField()
    days = AvailabilityDaySerializer(many=True)


def availability_representation(availability) -> dict:
    """`AvailabilitySerializer`'s output for a `SalonAvailability`, written out directly: the most
    requested endpoint lists hundreds of slots, and DRF's field-by-field serialisation of them cost
    more than computing them. The serializer stays the documented shape (a test holds them equal)."""
    return {
        "salon": availability.salon.pk,
        "service": availability.service.pk,
        "timezone": availability.salon.timezone,
        "days": [
            {
                "date": day.isoformat(),
                "slots": [
                    {"start": slot.start.isoformat(), "end": slot.end.isoformat(), "staff": list(slot.staff_ids)}
                    for slot in slots
                ],
            }
            for day, slots in availability.days.items()
        ],
    }


class ScheduleFreeGapSerializer(serializers.Serializer):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()


class StaffScheduleSerializer(serializers.Serializer):
    date = serializers.DateField(source="day")
    timezone = serializers.CharField(source="staff.salon.timezone")
    staff = StaffSummarySerializer()
    bookings = BookingSerializer(many=True)
    free_gaps = serializers.SerializerMethodField()

    def to_representation(self, instance):
        with timezone.override(instance.staff.salon.tz):
            return super().to_representation(instance)

    @extend_schema_field(ScheduleFreeGapSerializer(many=True))
    def get_free_gaps(self, schedule) -> list[dict]:
        return ScheduleFreeGapSerializer(
            [{"start": start, "end": end} for start, end in schedule.free_gaps], many=True
        ).data


class StaffMemberProfileSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    display_name = serializers.CharField(source="name", help_text=_("In the request's language."))
    salon = BookingSalonSerializer()


class ManagedSalonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    staff = StaffSummarySerializer(source="active_staff", many=True)


class StaffOverviewSerializer(serializers.Serializer):
    staff_member = StaffMemberProfileSerializer(allow_null=True)
    managed_salons = ManagedSalonSerializer(many=True)
