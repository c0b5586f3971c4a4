"""The salon's team: `salons/{id}/staff/` and `salons/{id}/staff/{staff_id}/`."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.parsers import SafeJSONParser
from apps.salons.errors import (
    AlreadyOnTeam,
    InvalidImage,
    SalonNotFound,
    StaffNotFound,
    StylistOfAnotherSalon,
    UnknownServices,
)
from apps.salons.models import StaffMember

from .. import team
from ..errors import BookingsAffected, InvalidReassignTarget, ManagersOnly
from ..selectors import catalog as selectors
from .common import TAG, ManageView, validated
from .team_serializers import (
    ManageBookingsAffectedErrorSerializer,
    ManageStaffCreateSerializer,
    ManageStaffDeactivateSerializer,
    ManageStaffSerializer,
    ManageStaffUpdateSerializer,
)

DOOR = (ManagersOnly,)
AFFECTED_BODY = {409: ManageBookingsAffectedErrorSerializer}
DEACTIVATION = (
    "Deactivating a stylist with upcoming bookings (pending or confirmed, from now on) is refused with 409 "
    "`bookings_affected` listing them, unless `reassign_to` gives them to another active stylist of the salon "
    "at the same times (all or none: when one cannot be moved, nothing changes and the 409 lists those) or "
    "`cancel_affected` cancels them as the salon with `reason` (the customers are told; paid bookings are "
    "refunded). A deactivated stylist leaves the public catalog and availability at once."
)


def _staff_response(request, staff: StaffMember, status_code: int = status.HTTP_200_OK) -> Response:
    staff = selectors.staff_with_services(StaffMember.objects.filter(pk=staff.pk)).get()
    return Response(ManageStaffSerializer(staff, context={"request": request}).data, status=status_code)


class StaffListView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="The salon's team",
        description="Active and inactive stylists, in display order.",
        responses={200: ManageStaffSerializer(many=True), **error_responses(DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        staff = selectors.staff_list(actor=request.user, salon_id=salon_id)
        return Response(ManageStaffSerializer(staff, many=True, context={"request": request}).data)

    @extend_schema(
        tags=[TAG],
        summary="Add a stylist by phone number",
        description="The account with this number is linked (a customer keeps their own bookings), else one "
        "is created; the stylist is told by SMS. A number already linked to a stylist is refused: a person "
        "is a stylist at one salon only.",
        request=ManageStaffCreateSerializer,
        responses={
            201: ManageStaffSerializer,
            **error_responses(
                INVALID_INPUT, UnknownServices, DOOR, SalonNotFound, AlreadyOnTeam, StylistOfAnotherSalon
            ),
        },
    )
    def post(self, request, salon_id: int):
        data = validated(ManageStaffCreateSerializer, request.data)
        staff = team.staff_add(
            actor=request.user,
            salon_id=salon_id,
            phone_number=data["phone_number"],
            display_name=data["display_name"],
            display_name_en=data.get("display_name_en", ""),
            service_ids=data.get("service_ids"),
        )
        return _staff_response(request, staff, status.HTTP_201_CREATED)


class StaffDetailView(ManageView):
    parser_classes = [SafeJSONParser, MultiPartParser, FormParser]

    @extend_schema(
        tags=[TAG],
        summary="A stylist",
        responses={200: ManageStaffSerializer, **error_responses(DOOR, SalonNotFound, StaffNotFound)},
    )
    def get(self, request, salon_id: int, staff_id: int):
        return _staff_response(request, team.staff_get(actor=request.user, salon_id=salon_id, staff_id=staff_id))

    @extend_schema(
        tags=[TAG],
        summary="Change a stylist",
        description="Only the fields sent change; `service_ids` replaces the services offered. JSON, or "
        "multipart to send a new `photo` (re-encoded without its metadata). " + DEACTIVATION,
        request={
            "application/json": ManageStaffUpdateSerializer,
            "multipart/form-data": ManageStaffUpdateSerializer,
        },
        responses={
            200: ManageStaffSerializer,
            **error_responses(
                INVALID_INPUT,
                InvalidImage,
                UnknownServices,
                InvalidReassignTarget,
                DOOR,
                SalonNotFound,
                StaffNotFound,
                BookingsAffected,
                bodies=AFFECTED_BODY,
            ),
        },
    )
    def patch(self, request, salon_id: int, staff_id: int):
        serializer = ManageStaffUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        options = {name: data.pop(name) for name in ("reassign_to", "cancel_affected", "reason") if name in data}
        staff = team.staff_update(
            actor=request.user,
            salon_id=salon_id,
            staff_id=staff_id,
            service_ids=data.pop("service_ids", None),
            photo=data.pop("photo", None),
            changes=data,
            **options,
        )
        return _staff_response(request, staff)

    @extend_schema(
        tags=[TAG],
        summary="Deactivate a stylist",
        description="The stylist is kept (with their past bookings) but no longer offered. The options are "
        "query parameters (a JSON body with the same fields is accepted too). " + DEACTIVATION,
        parameters=[
            OpenApiParameter("reassign_to", int, required=False),
            OpenApiParameter("cancel_affected", bool, required=False),
            OpenApiParameter("reason", str, required=False),
        ],
        request=ManageStaffDeactivateSerializer,
        responses={
            200: ManageStaffSerializer,
            **error_responses(
                INVALID_INPUT,
                InvalidReassignTarget,
                DOOR,
                SalonNotFound,
                StaffNotFound,
                BookingsAffected,
                bodies=AFFECTED_BODY,
            ),
        },
    )
    def delete(self, request, salon_id: int, staff_id: int):
        given = {**request.query_params.dict(), **(request.data if isinstance(request.data, dict) else {})}
        options = validated(ManageStaffDeactivateSerializer, given)
        staff = team.staff_update(
            actor=request.user,
            salon_id=salon_id,
            staff_id=staff_id,
            changes={"is_active": False},
            reassign_to=options.get("reassign_to"),
            cancel_affected=options["cancel_affected"],
            reason=options["reason"],
        )
        return _staff_response(request, staff)
