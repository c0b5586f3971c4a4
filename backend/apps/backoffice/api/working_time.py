"""A stylist's working time: `salons/{id}/staff/{staff_id}/hours/`, `time-off/` and `special-hours/`."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound, SpecialHoursNotFound, StaffNotFound, TimeOffNotFound, TimeOffReadOnly

from .. import working_time
from ..errors import BookingsAffected, ManagersOnly
from ..selectors import catalog as selectors
from .common import TAG, ManageView, validated
from .team_serializers import (
    AffectedOptionsSerializer,
    ManageBookingsAffectedErrorSerializer,
    ManageSpecialHoursCreateSerializer,
    ManageSpecialHoursSerializer,
    ManageTimeOffCreateSerializer,
    ManageTimeOffSerializer,
    ManageWorkingHoursSerializer,
    ManageWorkingWeekSerializer,
    salon_zone,
)

DOOR = (ManagersOnly, SalonNotFound, StaffNotFound)
AFFECTED_BODY = {409: ManageBookingsAffectedErrorSerializer}
AFFECTED = (
    "When the change would leave upcoming bookings (pending or confirmed) outside the stylist's working "
    "time, it is refused with 409 `bookings_affected` listing them, unless `cancel_affected` is true: then "
    "they are cancelled by the salon in the same transaction (the customers are told; paid bookings are "
    "refunded)."
)
CANCEL_OPTIONS = [
    OpenApiParameter("cancel_affected", bool, required=False),
    OpenApiParameter("reason", str, required=False, description="The cancellation reason the customers see."),
]


def _options(request) -> dict:
    """`cancel_affected` and `reason` from the query string (a body may override them)."""
    return validated(AffectedOptionsSerializer, request.query_params)


class WorkingHoursView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="A stylist's weekly hours",
        description="Times are the salon's wall-clock time; an end at or before the start is after midnight.",
        responses={200: ManageWorkingHoursSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int, staff_id: int):
        hours = selectors.hours_list(actor=request.user, salon_id=salon_id, staff_id=staff_id)
        return Response(ManageWorkingHoursSerializer(hours, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="Replace a stylist's weekly hours",
        description="The body is the whole week, `[{weekday, start, end}, …]` (split and overnight shifts "
        "allowed), or `{hours: [...], cancel_affected?, reason?}`. Rows that do not hang together (an empty "
        "interval, overlaps on a day or with the previous day's shift after midnight) are 400 `invalid` with "
        "`errors.hours` (the messages) and `errors.rows` (the indexes of the offending rows, as strings). " + AFFECTED,
        parameters=CANCEL_OPTIONS,
        request=ManageWorkingWeekSerializer,
        responses={
            200: ManageWorkingHoursSerializer(many=True),
            **error_responses(INVALID_INPUT, DOOR, BookingsAffected, bodies=AFFECTED_BODY),
        },
    )
    def put(self, request, salon_id: int, staff_id: int):
        body = request.data
        if isinstance(body, list):
            body = {**request.query_params.dict(), "hours": body}
        elif isinstance(body, dict):
            body = {**request.query_params.dict(), **body}
        else:
            raise serializers.ValidationError({"hours": [_("Send the week as a list of hours.")]})
        data = validated(ManageWorkingWeekSerializer, body)
        rows = [(row["weekday"], row["start_time"], row["end_time"]) for row in data["hours"]]
        working_time.working_hours_replace(
            actor=request.user,
            salon_id=salon_id,
            staff_id=staff_id,
            rows=rows,
            cancel_affected=data["cancel_affected"],
            reason=data["reason"],
        )
        hours = selectors.hours_list(actor=request.user, salon_id=salon_id, staff_id=staff_id)
        return Response(ManageWorkingHoursSerializer(hours, many=True).data)


class TimeOffListView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="A stylist's time off",
        description="Current and upcoming (ending after now), soonest first; times in the salon's zone.",
        responses={200: ManageTimeOffSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int, staff_id: int):
        salon, time_off = selectors.time_off_list(actor=request.user, salon_id=salon_id, staff_id=staff_id)
        with salon_zone(salon):
            return Response(ManageTimeOffSerializer(time_off, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="Add time off",
        description="`reason` is the time off's own (managers see it); `cancel_reason` is what customers "
        "of cancelled bookings see. " + AFFECTED,
        request=ManageTimeOffCreateSerializer,
        responses={
            201: ManageTimeOffSerializer,
            **error_responses(INVALID_INPUT, DOOR, BookingsAffected, bodies=AFFECTED_BODY),
        },
    )
    def post(self, request, salon_id: int, staff_id: int):
        data = validated(ManageTimeOffCreateSerializer, request.data)
        time_off = working_time.time_off_create(actor=request.user, salon_id=salon_id, staff_id=staff_id, **data)
        with salon_zone(time_off.staff.salon):
            return Response(ManageTimeOffSerializer(time_off).data, status=status.HTTP_201_CREATED)


class TimeOffDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="Remove time off",
        request=None,
        responses={204: None, **error_responses(DOOR, TimeOffNotFound, TimeOffReadOnly)},
    )
    def delete(self, request, salon_id: int, staff_id: int, time_off_id: int):
        working_time.time_off_delete(actor=request.user, salon_id=salon_id, staff_id=staff_id, time_off_id=time_off_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SpecialHoursListView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="A stylist's special hours",
        description="From the salon's today on, by date. A row without times is a day off.",
        responses={200: ManageSpecialHoursSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int, staff_id: int):
        rows = selectors.special_hours_list(actor=request.user, salon_id=salon_id, staff_id=staff_id)
        return Response(ManageSpecialHoursSerializer(rows, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="Add special hours for a date",
        description="They replace the weekday's hours on that date; leave out `start` and `end` for a day off. "
        "Several intervals on one date are sent one at a time; they must not overlap, nor be combined with a "
        "day off (400 `invalid`, `errors.date`). " + AFFECTED,
        request=ManageSpecialHoursCreateSerializer,
        responses={
            201: ManageSpecialHoursSerializer,
            **error_responses(INVALID_INPUT, DOOR, BookingsAffected, bodies=AFFECTED_BODY),
        },
    )
    def post(self, request, salon_id: int, staff_id: int):
        data = validated(ManageSpecialHoursCreateSerializer, request.data)
        special = working_time.special_hours_create(
            actor=request.user,
            salon_id=salon_id,
            staff_id=staff_id,
            day=data["date"],
            start=data["start"],
            end=data["end"],
            cancel_affected=data["cancel_affected"],
            reason=data["reason"],
        )
        return Response(ManageSpecialHoursSerializer(special).data, status=status.HTTP_201_CREATED)


class SpecialHoursDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="Remove special hours",
        description="The weekday's hours apply again on that date. " + AFFECTED + " The options are query parameters.",
        parameters=CANCEL_OPTIONS,
        request=None,
        responses={
            204: None,
            **error_responses(INVALID_INPUT, DOOR, SpecialHoursNotFound, BookingsAffected, bodies=AFFECTED_BODY),
        },
    )
    def delete(self, request, salon_id: int, staff_id: int, special_hours_id: int):
        options = _options(request)
        working_time.special_hours_delete(
            actor=request.user,
            salon_id=salon_id,
            staff_id=staff_id,
            special_hours_id=special_hours_id,
            cancel_affected=options["cancel_affected"],
            reason=options["reason"],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
