"""The public availability of a salon and a stylist's own views (their day, their profile): thin views."""

from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.serializers import validated
from apps.salons import errors as salons_errors

from .. import schedule
from ..availability_cache import VisitRequest, salon_availability_answer
from ..availability_visits import VisitAvailability
from ..errors import (
    NotAllowed,
    StaffNotFound,
    StaffRequired,
)
from .context import booking_context
from .schedule_serializers import (
    MAX_AVAILABILITY_DAYS,
    AvailabilityQuerySerializer,
    AvailabilitySerializer,
    StaffOverviewSerializer,
    StaffScheduleQuerySerializer,
    StaffScheduleSerializer,
    availability_representation,
    visit_availability_representation,
)


def _availability_json(availability) -> bytes:
    if isinstance(availability, VisitAvailability):
        return JSONRenderer().render(visit_availability_representation(availability))
    return JSONRenderer().render(availability_representation(availability))


class SalonAvailabilityView(APIView):
    throttle_scope = "availability"
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="salon_availability",
        summary="Free start times of a service",
        description=(
            "Free start times for the service on `date` and the following `days - 1` local days, for one staff "
            "member or any qualified one (each slot lists the free staff). Times are in the salon's time zone; "
            "`end` is the start plus the service's duration. Days before today are listed without slots. "
            "A visit of several services (`services=3,5`, in order, instead of `service`) lists the starts where "
            "the whole sequence fits, back to back with each service's buffer; each slot then has `items` (each "
            "service's time and free stylists) and `end` is the last service's end (ADR 0017)."
        ),
        parameters=[
            OpenApiParameter("service", int, description="Service id (or `services`)."),
            OpenApiParameter(
                "services", str, description="A visit: service ids in order, separated by commas; at most four."
            ),
            OpenApiParameter("date", OpenApiTypes.DATE, required=True, description="First local day, YYYY-MM-DD."),
            OpenApiParameter("days", int, description=f"Number of days, 1 to {MAX_AVAILABILITY_DAYS} (default 1)."),
            OpenApiParameter(
                "staff",
                str,
                description=(
                    "Only this staff member's free times; for a visit one id for all, or one per service "
                    "(comma-separated, an empty entry for any)."
                ),
            ),
        ],
        responses={
            200: AvailabilitySerializer,
            **error_responses(
                INVALID_INPUT, salons_errors.SalonNotFound, salons_errors.ServiceNotFound, salons_errors.StaffNotFound
            ),
        },
        tags=["salons"],
    )
    def get(self, request, salon_id: int):
        params = validated(AvailabilityQuerySerializer, request.query_params)
        answer = salon_availability_answer(
            salon_id=salon_id,
            service_id=params["service"],
            start_date=params["date"],
            days=params["days"],
            staff_id=params["staff"],
            now=timezone.now(),
            if_none_match=request.headers.get("If-None-Match"),
            render=_availability_json,
            visit=VisitRequest(*params["visit"]) if params["visit"] else None,
        )
        if answer.not_modified:
            response = HttpResponseNotModified()
        else:  # the JSON as written once (and kept in the shared cache): nothing to serialise again
            response = HttpResponse(answer.body, content_type="application/json")
        if answer.etag is not None:
            response["ETag"] = answer.etag
            response["Cache-Control"] = "no-cache"  # keep it, but ask with If-None-Match every time
        return response


class StaffScheduleView(APIView):
    @extend_schema(
        tags=["staff"],
        summary="A stylist's day",
        description=(
            "The bookings starting on the local day (not cancelled or expired ones) and the free gaps, in the "
            "salon's time zone. Stylists see their own day; managers pass `staff`, a stylist of a salon they "
            "manage (any other stylist is not found for them). Not for customers."
        ),
        parameters=[StaffScheduleQuerySerializer],
        responses={
            200: StaffScheduleSerializer,
            **error_responses(INVALID_INPUT, StaffRequired, NotAllowed, StaffNotFound),
        },
    )
    def get(self, request):
        query = validated(StaffScheduleQuerySerializer, request.query_params)
        day_schedule = schedule.staff_schedule_get(
            user=request.user, staff_id=query.get("staff"), day=query.get("date")
        )
        return Response(StaffScheduleSerializer(day_schedule, context=booking_context(request)).data)


class StaffMeView(APIView):
    @extend_schema(
        tags=["staff"],
        summary="My stylist profile and the salons I manage",
        responses={200: StaffOverviewSerializer},
    )
    def get(self, request):
        return Response(StaffOverviewSerializer(schedule.staff_overview_get(user=request.user)).data)
