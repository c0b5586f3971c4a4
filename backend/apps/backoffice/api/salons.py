"""The salons a manager runs: list, profile and booking policy, and the audit log."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from apps.audit.selectors import audit_list
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination
from apps.salons.errors import NO_SHOW_POLICY_ERRORS, SalonNotFound

from ..access import managed_salons
from ..errors import ManagersOnly
from ..services import salon_update
from .common import TAG, ManageView, salon_instant, validated
from .serializers import (
    AuditEntrySerializer,
    AuditQuerySerializer,
    ManageSalonSerializer,
    ManageSalonSummarySerializer,
)

DOOR = (ManagersOnly,)


class ManagedSalonListView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="The salons I manage",
        description="Every salon for a platform admin.",
        responses={200: ManageSalonSummarySerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request):
        return Response(ManageSalonSummarySerializer(managed_salons(request.user), many=True).data)


class ManagedSalonDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="A salon's profile and booking policy",
        responses={200: ManageSalonSerializer, **error_responses(DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        return Response(ManageSalonSerializer(self.salon(salon_id)).data)

    @extend_schema(
        tags=[TAG],
        summary="Change a salon's profile or booking policy",
        description=(
            "Only the fields sent change; every change is written to the audit log. The no-show policy "
            "(`no_show_policy`: none, deposit or card_hold; `deposit_percent` or `deposit_amount`, one of them, "
            "with a deposit; `no_show_fee_percent`; `no_show_limit`) is checked as a whole (ADR 0016)."
        ),
        request=ManageSalonSerializer,
        responses={
            200: ManageSalonSerializer,
            **error_responses(INVALID_INPUT, DOOR, SalonNotFound, NO_SHOW_POLICY_ERRORS),
        },
    )
    def patch(self, request, salon_id: int):
        serializer = ManageSalonSerializer(self.salon(salon_id), data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        salon = salon_update(actor=request.user, salon_id=salon_id, changes=dict(serializer.validated_data))
        return Response(ManageSalonSerializer(salon).data)


class AuditLogView(ManageView):
    pagination_class = StandardPagination

    @extend_schema(
        tags=[TAG],
        summary="The salon's audit log",
        description="Every change made through the back office, newest first: who, when, which object, "
        "and each changed field before and after. `from` and `to` are dates (inclusive, in the salon's "
        "time zone) or datetimes with offset.",
        parameters=[
            OpenApiParameter("object", OpenApiTypes.STR, description="An object type, e.g. `service`."),
            OpenApiParameter("from", OpenApiTypes.STR),
            OpenApiParameter("to", OpenApiTypes.STR),
        ],
        responses={200: AuditEntrySerializer(many=True), **error_responses(INVALID_INPUT, DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(AuditQuerySerializer, request.query_params)
        entries = audit_list(
            salon_id=salon.pk,
            object_type=query.get("object", ""),
            date_from=salon_instant(query.get("date_from"), salon),
            date_to=salon_instant(query.get("date_to"), salon, end=True),
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(entries, request, view=self)
        return paginator.get_paginated_response(AuditEntrySerializer(page, many=True).data)
