"""The public availability's and the stylist's views' input and output (`schedule_views`)."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.core.dates import validate_supported_date

from ..models import MAX_VISIT_ITEMS
from .serializers import (
    MAX_AVAILABILITY_DAYS,
    MAX_ID,
    BookingSalonSerializer,
    BookingSerializer,
    SalonDateTimeField,
    StaffSummarySerializer,
    id_field,
)


def _id_list(value: str, *, allow_empty: bool) -> list[int | None]:
    """Comma-separated ids; with `allow_empty` an empty entry is None ("any")."""
    ids: list[int | None] = []
    for part in value.split(","):
        part = part.strip()
        if not part and allow_empty:
            ids.append(None)
            continue
        if not part.isdigit() or not 1 <= int(part) <= MAX_ID:
            raise serializers.ValidationError(_("Give ids separated by commas, e.g. 3,5."))
        ids.append(int(part))
    return ids


class AvailabilityQuerySerializer(serializers.Serializer):
    service = id_field(required=False, help_text=_("One service (or `services`)."))
    services = serializers.CharField(
        required=False,
        max_length=200,
        help_text=_("A visit: service ids in order, separated by commas (e.g. 3,5); at most four."),
    )
    date = serializers.DateField()
    days = serializers.IntegerField(min_value=1, max_value=MAX_AVAILABILITY_DAYS, default=1)
    staff = serializers.CharField(
        required=False,
        max_length=200,
        help_text=_(
            "Only this staff member's free times (one id); for a visit one id for every service, or one per "
            "service in order, an empty entry for any stylist (e.g. 7,9 or ,9)."
        ),
    )

    def to_internal_value(self, data):
        # `service` is required unless `services` is given: reported with the other fields' errors.
        missing = "service" not in data and "services" not in data
        try:
            attrs = super().to_internal_value(data)
        except serializers.ValidationError as exc:
            if missing:
                exc.detail["service"] = [_("This field is required.")]
            raise
        if missing:
            raise serializers.ValidationError({"service": [_("This field is required.")]})
        return attrs

    def validate_services(self, value: str) -> list[int]:
        ids = _id_list(value, allow_empty=False)
        if not 1 <= len(ids) <= MAX_VISIT_ITEMS:
            raise serializers.ValidationError(_("Give one to four services."))
        return ids

    def validate_staff(self, value: str) -> list[int | None]:
        return _id_list(value, allow_empty=True)

    def validate(self, attrs):
        try:
            attrs["date"] + timedelta(days=attrs["days"] - 1)
        except OverflowError:
            raise serializers.ValidationError({"date": [_("This date is out of range.")]}) from None
        services = attrs.pop("services", None) or ([attrs["service"]] if "service" in attrs else None)
        if services is None:  # an empty `services=` is left out like a missing one
            raise serializers.ValidationError({"service": [_("This field is required.")]})
        staff = attrs.pop("staff", None) or [None]
        if len(staff) == 1:
            staff = staff * len(services)
        if len(staff) != len(services):
            raise serializers.ValidationError({"staff": [_("Give one stylist, or one per service.")]})
        attrs["service"], attrs["staff"] = services[0], staff[0]
        attrs["visit"] = (services, staff) if len(services) > 1 else None
        return attrs


class StaffScheduleQuerySerializer(serializers.Serializer):
    date = serializers.DateField(
        required=False, validators=[validate_supported_date], help_text=_("The local day; today by default.")
    )
    staff = id_field(required=False, help_text=_("Managers: the stylist to show; stylists see their own day."))


class AvailabilitySlotItemSerializer(serializers.Serializer):
    service = serializers.IntegerField(source="service_id")
    start = SalonDateTimeField()
    end = SalonDateTimeField()
    staff = serializers.ListField(child=serializers.IntegerField(), source="staff_ids")


class AvailabilitySlotSerializer(serializers.Serializer):
    start = SalonDateTimeField()
    end = SalonDateTimeField(help_text=_("For a visit, the last service's end."))
    staff = serializers.ListField(child=serializers.IntegerField(), source="staff_ids")
    items = AvailabilitySlotItemSerializer(
        many=True, required=False, help_text=_("A visit only: each service's time and free stylists, in order.")
    )


class AvailabilityDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    slots = AvailabilitySlotSerializer(many=True)


class AvailabilitySerializer(serializers.Serializer):
    salon = serializers.IntegerField()
    service = serializers.IntegerField()
    services = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text=_("A visit only: its services in order.")
    )
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


def visit_availability_representation(availability) -> dict:
    """`AvailabilitySerializer`'s output for a `VisitAvailability` (several services), written out as
    `availability_representation` is."""
    return {
        "salon": availability.salon.pk,
        "service": availability.service.pk,
        "services": [service.pk for service in availability.services],
        "timezone": availability.salon.timezone,
        "days": [
            {
                "date": day.isoformat(),
                "slots": [
                    {
                        "start": slot.start.isoformat(),
                        "end": slot.end.isoformat(),
                        "staff": list(slot.staff_ids),
                        "items": [
                            {
                                "service": item.service_id,
                                "start": item.start.isoformat(),
                                "end": item.end.isoformat(),
                                "staff": list(item.staff_ids),
                            }
                            for item in slot.items
                        ],
                    }
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
