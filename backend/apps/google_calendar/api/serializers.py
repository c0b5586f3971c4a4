from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


class GoogleForStaffSerializer(serializers.Serializer):
    staff_id = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, help_text=_("A manager's stylist; empty: my own calendar.")
    )


class GoogleConnectSerializer(GoogleForStaffSerializer):
    return_path = serializers.CharField(
        required=False, default="/", max_length=200, help_text=_("Where the SPA returns after Google.")
    )


class GoogleConnectResultSerializer(serializers.Serializer):
    auth_url = serializers.URLField()


class GoogleChooseCalendarSerializer(GoogleForStaffSerializer):
    calendar_id = serializers.CharField(max_length=1024)


class GoogleCalendarSerializer(serializers.Serializer):
    id = serializers.CharField()
    summary = serializers.CharField()
    primary = serializers.BooleanField()


class GoogleCalendarStatusSerializer(serializers.Serializer):
    staff_id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=["not_connected", "connected", "disconnected"])
    calendar_id = serializers.CharField(allow_blank=True)
    calendar_name = serializers.CharField(allow_blank=True)
    last_synced_at = serializers.DateTimeField(allow_null=True)
    last_error = serializers.CharField(allow_blank=True)
    last_error_at = serializers.DateTimeField(allow_null=True)
    connected_at = serializers.DateTimeField(allow_null=True)
    pending_changes = serializers.IntegerField()
    failed_changes = serializers.IntegerField()


class GoogleCalendarConflictSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    staff_id = serializers.IntegerField(source="time_off.staff_id")
    staff_name = serializers.CharField(source="time_off.staff.name")
    busy_start = serializers.DateTimeField(source="time_off.start")
    busy_end = serializers.DateTimeField(source="time_off.end")
    booking_id = serializers.IntegerField(source="booking.pk")
    booking_reference = serializers.CharField(source="booking.reference")
    booking_start = serializers.DateTimeField(source="booking.start")
