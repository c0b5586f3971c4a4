"""The desk: the salon's calendar over a few days, and its bookings. Actions on a booking (confirm,
cancel, reschedule, complete, no-show) are the bookings API's own, open to the salon's managers."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from apps.bookings.api.serializers import BookingSerializer
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination
from apps.salons.errors import SalonNotFound

from ..errors import ManagersOnly
from ..selectors.desk import salon_booking_list, salon_calendar
from .common import TAG, ManageView, booking_context, salon_instant, validated
from .desk_serializers import ManageBookingQuerySerializer, ManageCalendarQuerySerializer, ManageCalendarSerializer

DOOR = (ManagersOnly,)


class CalendarView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="The salon's calendar",
        description=(
            "Per stylist (active ones, and inactive ones with bookings then, in display order): the working "
            "intervals as the availability engine computes them (weekly hours, or a date's special hours; an "
            "overnight interval runs past midnight, and one of the day before that reaches into the first day "
            "is included), time off and the bookings overlapping the local days `start` to `start + days - 1` "
            "(not cancelled or expired ones). Times carry the salon's offset."
        ),
        parameters=[ManageCalendarQuerySerializer],
        responses={200: ManageCalendarSerializer, **error_responses(INVALID_INPUT, DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ManageCalendarQuerySerializer, request.query_params)
        start = query.get("start") or timezone.now().astimezone(salon.tz).date()
        calendar = salon_calendar(salon=salon, start=start, days=query["days"])
        return Response(ManageCalendarSerializer(calendar).data)


class SalonBookingListView(ManageView):
    pagination_class = StandardPagination

    @extend_schema(
        tags=[TAG],
        summary="The salon's bookings",
        description=(
            "Every booking of the salon, by start, in the bookings API's representation. `from` and `to` are "
            "dates (inclusive, in the salon's time zone) or datetimes with offset; `status` is comma-separated "
            "(a pending booking whose hold ran out counts as expired); `q` matches a reference, or a customer's "
            "name or phone number (any part of it, e.g. `0501234567` or its last digits)."
        ),
        parameters=[ManageBookingQuerySerializer],
        responses={200: BookingSerializer(many=True), **error_responses(INVALID_INPUT, DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ManageBookingQuerySerializer, request.query_params)
        bookings = salon_booking_list(
            salon=salon,
            date_from=salon_instant(query.get("from"), salon),
            date_to=salon_instant(query.get("to"), salon, end=True),
            staff_id=query.get("staff"),
            statuses=query.get("status"),
            query=query["q"],
        )
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(bookings, request, view=self)
        return paginator.get_paginated_response(
            BookingSerializer(page, many=True, context=booking_context(request)).data
        )
