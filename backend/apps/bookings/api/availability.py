from datetime import timedelta

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound, ServiceNotFound, StaffNotFound

from ..availability import salon_availability_get

MAX_DAYS = 14
MAX_ID = 2**63 - 1


class AvailabilityQuerySerializer(serializers.Serializer):
    service = serializers.IntegerField(min_value=1, max_value=MAX_ID)
    date = serializers.DateField()
    days = serializers.IntegerField(min_value=1, max_value=MAX_DAYS, default=1)
    staff = serializers.IntegerField(min_value=1, max_value=MAX_ID, required=False)

    def validate(self, attrs):
        try:
            attrs["date"] + timedelta(days=attrs["days"] - 1)
        except OverflowError:
            raise serializers.ValidationError({"date": [_("This date is out of range.")]}) from None
        return attrs


class SalonDateTimeField(serializers.DateTimeField):
    """ISO 8601 in the datetime's own zone (the salon's), not the server's."""

    def to_representation(self, value):
        return value.isoformat()


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


class SalonAvailabilityView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="salon_availability",
        summary="Free start times of a service",
        description=(
            "Free start times for the service on `date` and the following `days - 1` local days, for one staff "
            "member or any qualified one (each slot lists the free staff). Times are in the salon's time zone; "
            "`end` is the start plus the service's duration. Days before today are listed without slots."
        ),
        parameters=[
            OpenApiParameter("service", int, required=True, description="Service id."),
            OpenApiParameter("date", OpenApiTypes.DATE, required=True, description="First local day, YYYY-MM-DD."),
            OpenApiParameter("days", int, description=f"Number of days, 1 to {MAX_DAYS} (default 1)."),
            OpenApiParameter("staff", int, description="Only this staff member's free times."),
        ],
        responses={
            200: AvailabilitySerializer,
            **error_responses(INVALID_INPUT, SalonNotFound, ServiceNotFound, StaffNotFound),
        },
        tags=["salons"],
    )
    def get(self, request, salon_id: int):
        query = AvailabilityQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        availability = salon_availability_get(
            salon_id=salon_id,
            service_id=params["service"],
            start_date=params["date"],
            days=params["days"],
            staff_id=params.get("staff"),
        )
        data = {
            "salon": availability.salon.pk,
            "service": availability.service.pk,
            "timezone": availability.salon.timezone,
            "days": [{"date": day, "slots": slots} for day, slots in availability.days.items()],
        }
        return Response(AvailabilitySerializer(data).data)
