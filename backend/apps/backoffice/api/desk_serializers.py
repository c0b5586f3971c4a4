"""Shapes of the desk's endpoints: the calendar and the salon's bookings list."""

from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from apps.bookings.api.serializers import DateOrDateTimeField, SalonDateTimeField
from apps.bookings.models import BookingStatus
from apps.core.dates import validate_supported_date
from apps.payments.models import PaymentStatus

from ..selectors.desk import MAX_CALENDAR_DAYS

MAX_ID = 2**63 - 1


# --- Input --------------------------------------------------------------------------------------


class ManageCalendarQuerySerializer(serializers.Serializer):
    start = serializers.DateField(
        required=False, validators=[validate_supported_date], help_text=_("The first local day; today by default.")
    )
    days = serializers.IntegerField(
        min_value=1, max_value=MAX_CALENDAR_DAYS, default=1, help_text=_("How many days, 1 to 7 (default 1).")
    )

    def validate(self, attrs):
        if "start" in attrs:
            try:
                attrs["start"] + timedelta(days=attrs["days"])
            except OverflowError:
                raise serializers.ValidationError({"start": [_("This date is out of range.")]}) from None
        return attrs


class ManageBookingQuerySerializer(serializers.Serializer):
    to = DateOrDateTimeField(
        required=False, help_text=_("Bookings starting before this datetime, or on or before this date.")
    )
    staff = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False, help_text=_("A stylist's id."))
    status = serializers.CharField(
        max_length=200, required=False, help_text=_("Comma-separated statuses, e.g. pending,confirmed.")
    )
    q = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        default="",
        help_text=_("A booking reference, or a customer's name or phone number."),
    )

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it cannot be declared as a class attribute.
        fields["from"] = DateOrDateTimeField(
            required=False, help_text=_("Bookings starting at or after this datetime, or on or after this date.")
        )
        return fields

    def validate_status(self, value: str) -> list[str]:
        statuses = [item.strip() for item in value.split(",") if item.strip()]
        unknown = [item for item in statuses if item not in BookingStatus.values]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown status: %(statuses)s.") % {"statuses": ", ".join(unknown)}, code="invalid_status"
            )
        return statuses


# --- Output -------------------------------------------------------------------------------------


class ManageCalendarSalonSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    timezone = serializers.CharField()
    slot_step_minutes = serializers.IntegerField()


class ManageCalendarIntervalSerializer(serializers.Serializer):
    start = SalonDateTimeField()
    end = SalonDateTimeField()


class ManageCalendarTimeOffSerializer(serializers.Serializer):
    start = SalonDateTimeField()
    end = SalonDateTimeField()
    reason = serializers.CharField()


def _enum(values: list[str], enum_id: str) -> dict:
    """An enum named after its component (see `apps.payments.api.serializers`), so that it does not
    collide with the other `status` fields."""
    return {"type": "string", "enum": values, "x-spec-enum-id": enum_id}


@extend_schema_field(_enum(BookingStatus.values, "manage-calendar-booking-status"))
class CalendarBookingStatusField(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=BookingStatus.choices, **kwargs)


class ManageCalendarBookingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    customer_first_name = serializers.CharField()
    service_name = serializers.CharField()
    status = CalendarBookingStatusField()
    start = SalonDateTimeField()
    end = SalonDateTimeField()
    payment_status = serializers.ChoiceField(
        choices=PaymentStatus.choices, allow_null=True, help_text=_("The status of the booking's payment, if any.")
    )

    def to_representation(self, booking) -> dict:
        # Written out: a week of a busy salon has thousands of bookings, and going through each declared
        # field costs more than the rest of the request. The fields above still document the shape.
        return {
            "id": booking.id,
            "reference": booking.reference,
            "customer_first_name": booking.customer_first_name,
            "service_name": booking.service_name,
            "status": booking.status,
            "start": booking.start.isoformat(),
            "end": booking.end.isoformat(),
            "payment_status": booking.payment_status,
        }


class ManageCalendarStaffSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="staff.pk")
    display_name = serializers.CharField(source="staff.name", help_text=_("In the request's language."))
    is_active = serializers.BooleanField(source="staff.is_active")
    working = ManageCalendarIntervalSerializer(
        many=True, help_text=_("Working intervals (weekly or special hours) overlapping the days shown.")
    )
    time_off = ManageCalendarTimeOffSerializer(many=True)
    bookings = ManageCalendarBookingSerializer(many=True)


class ManageCalendarSerializer(serializers.Serializer):
    salon = ManageCalendarSalonSerializer()
    start = serializers.DateField()
    days = serializers.IntegerField()
    staff = ManageCalendarStaffSerializer(many=True)
