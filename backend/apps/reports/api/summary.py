"""Reports of a salon (summary, utilisation, heatmap) and of the platform (summary, salon league)."""

from django.urls import path
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from apps.backoffice.api.common import ManageView, validated
from apps.backoffice.errors import ManagersOnly
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound

from .. import selectors
from ..errors import PlatformAdminsOnly
from ..periods import GROUPS, Period, platform_tz
from .serializers import (
    ReportHeatmapSerializer,
    ReportPeriodQuerySerializer,
    ReportSalonLeagueSerializer,
    ReportSummaryQuerySerializer,
    ReportSummarySerializer,
    ReportUtilisationSerializer,
)

TAG = "reports"
PERIOD_PARAMETERS = [
    OpenApiParameter("from", str, required=True, description="The first local day, YYYY-MM-DD (inclusive)."),
    OpenApiParameter("to", str, required=True, description="The last local day, YYYY-MM-DD (inclusive; ≤ 400 days)."),
]
GROUP_PARAMETER = OpenApiParameter(
    "group_by", str, enum=list(GROUPS), description="The series' periods (default day; weeks from Sunday)."
)


def _period(query, tz) -> Period:
    return Period(first=query["from"], last=query["to"], tz=tz)


class SalonSummaryView(ManageView):
    throttle_scope = "reports"

    @extend_schema(
        tags=[TAG],
        operation_id="report_salon_summary",
        summary="A salon's summary",
        description=selectors.__doc__,
        parameters=[*PERIOD_PARAMETERS, GROUP_PARAMETER],
        responses={200: ReportSummarySerializer, **error_responses(INVALID_INPUT, ManagersOnly, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ReportSummaryQuerySerializer, request.query_params)
        figures = selectors.summary(salon_ids=[salon.pk], period=_period(query, salon.tz), group_by=query["group_by"])
        return Response(
            {
                "salon": salon.pk,
                "from": query["from"],
                "to": query["to"],
                "group_by": query["group_by"],
                "currency": "SAR",
                **figures,
            }
        )


class SalonUtilisationView(ManageView):
    throttle_scope = "reports"

    @extend_schema(
        tags=[TAG],
        operation_id="report_salon_utilisation",
        summary="A salon's utilisation",
        description=(
            "Per stylist and for the salon, per local day and for the period: minutes booked (with buffers) by "
            "confirmed, completed and no-show visits, minutes of working time (weekly or special hours, less time "
            "off), and their ratio (0 without working time)."
        ),
        parameters=PERIOD_PARAMETERS,
        responses={200: ReportUtilisationSerializer, **error_responses(INVALID_INPUT, ManagersOnly, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ReportPeriodQuerySerializer, request.query_params)
        figures = selectors.utilisation(salon=salon, period=_period(query, salon.tz))
        return Response({"salon": salon.pk, "from": query["from"], "to": query["to"], **figures})


class SalonHeatmapView(ManageView):
    throttle_scope = "reports"

    @extend_schema(
        tags=[TAG],
        operation_id="report_salon_heatmap",
        summary="A salon's busy hours",
        description=(
            "Visits starting in the period (not cancelled, not expired) by local weekday and hour: "
            "`weekdays[0]` is Sunday, `weekdays[d][h]` the count at hour h (0–23)."
        ),
        parameters=PERIOD_PARAMETERS,
        responses={200: ReportHeatmapSerializer, **error_responses(INVALID_INPUT, ManagersOnly, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ReportPeriodQuerySerializer, request.query_params)
        grid = selectors.heatmap(salon=salon, period=_period(query, salon.tz))
        return Response(
            {"salon": salon.pk, "from": query["from"], "to": query["to"], "first_weekday": "sunday", "weekdays": grid}
        )


class PlatformView(ManageView):
    throttle_scope = "reports"

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not request.user.is_superuser:
            raise PlatformAdminsOnly()


class PlatformSummaryView(PlatformView):
    @extend_schema(
        tags=[TAG],
        operation_id="report_platform_summary",
        summary="The platform's summary (platform admins)",
        description="The salon summary over every salon, in the platform's time zone (Asia/Riyadh); `salon` is null.",
        parameters=[*PERIOD_PARAMETERS, GROUP_PARAMETER],
        responses={
            200: ReportSummarySerializer,
            **error_responses(INVALID_INPUT, ManagersOnly, PlatformAdminsOnly),
        },
    )
    def get(self, request):
        query = validated(ReportSummaryQuerySerializer, request.query_params)
        period = _period(query, platform_tz())
        figures = selectors.summary(salon_ids=None, period=period, group_by=query["group_by"])
        return Response(
            {
                "salon": None,
                "from": query["from"],
                "to": query["to"],
                "group_by": query["group_by"],
                "currency": "SAR",
                **figures,
            }
        )


class PlatformSalonsView(PlatformView):
    @extend_schema(
        tags=[TAG],
        operation_id="report_platform_salons",
        summary="Every salon's figures (platform admins)",
        description="Every salon with its bookings, gross, net, no-show rate and rating in the period, by net.",
        parameters=PERIOD_PARAMETERS,
        responses={
            200: ReportSalonLeagueSerializer,
            **error_responses(INVALID_INPUT, ManagersOnly, PlatformAdminsOnly),
        },
    )
    def get(self, request):
        query = validated(ReportPeriodQuerySerializer, request.query_params)
        rows = selectors.salon_league(period=_period(query, platform_tz()))
        return Response({"from": query["from"], "to": query["to"], "currency": "SAR", "salons": rows})


urlpatterns = [
    path("salons/<int:salon_id>/reports/summary/", SalonSummaryView.as_view(), name="salon-summary"),
    path("salons/<int:salon_id>/reports/utilisation/", SalonUtilisationView.as_view(), name="salon-utilisation"),
    path("salons/<int:salon_id>/reports/heatmap/", SalonHeatmapView.as_view(), name="salon-heatmap"),
    path("reports/summary/", PlatformSummaryView.as_view(), name="platform-summary"),
    path("reports/salons/", PlatformSalonsView.as_view(), name="platform-salons"),
]
