"""The bookings API: thin views that validate input, call one service or selector and serialize."""

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.pagination import StandardPagination
from apps.core.serializers import ErrorSerializer

from .. import schedule, selectors, services
from ..models import Booking
from .serializers import (
    BookingCancelInputSerializer,
    BookingCreateInputSerializer,
    BookingListQuerySerializer,
    BookingRescheduleInputSerializer,
    BookingSerializer,
    ReviewInputSerializer,
    ReviewSerializer,
    StaffOverviewSerializer,
    StaffScheduleQuerySerializer,
    StaffScheduleSerializer,
)

TAG = "bookings"
BOOKING_ID = OpenApiParameter("booking_id", int, OpenApiParameter.PATH)
ERROR = OpenApiResponse(ErrorSerializer, description="`{detail, code}`; see the error codes in the description.")


def _validated(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def _booking_context(request) -> dict:
    """What a booking's representation needs about the caller, read once per request."""
    return {
        "user": request.user,
        "managed_salon_ids": selectors.managed_salon_ids(request.user),
        "now": timezone.now(),
    }


def _booking_response(request, booking: Booking, status_code: int = status.HTTP_200_OK) -> Response:
    booking = selectors.booking_for_response(booking_id=booking.pk)
    return Response(BookingSerializer(booking, context=_booking_context(request)).data, status=status_code)


class BookingListCreateView(generics.GenericAPIView):
    serializer_class = BookingSerializer
    pagination_class = StandardPagination
    filter_backends: list = []

    @extend_schema(
        tags=[TAG],
        summary="List my bookings",
        description=(
            "Customers see their own bookings, stylists the bookings they serve, managers every booking "
            "of the salons they manage (the union for someone who is several of these). Ordered by start; "
            "`upcoming=false` lists past bookings latest first."
        ),
        parameters=[BookingListQuerySerializer],
        responses={200: BookingSerializer(many=True), 400: ERROR},
    )
    def get(self, request):
        query = _validated(BookingListQuerySerializer, request.query_params)
        bookings = selectors.booking_list(
            user=request.user,
            statuses=query.get("status"),
            date_from=query.get("from"),
            date_to=query.get("to"),
            upcoming=query.get("upcoming"),
        )
        page = self.paginate_queryset(bookings)
        return self.get_paginated_response(BookingSerializer(page, many=True, context=_booking_context(request)).data)

    @extend_schema(
        tags=[TAG],
        summary="Book a service",
        description=(
            "Books one of the offered start times. A customer with a verified phone books for themselves: "
            "the booking is `pending` (with `hold_expires_at` when the salon requires prepayment). A stylist "
            "or manager of the salon books on behalf of a customer by giving `customer_phone`: the booking is "
            "`confirmed` at once.\n\n"
            "Errors: 404 `service_not_found`; 400 `service_inactive`, `salon_inactive`, "
            "`staff_not_available_for_service`, `start_in_past`, `lead_time_not_met`, `beyond_booking_horizon`, "
            "`slot_not_on_grid`, `invalid_phone`; 403 `phone_not_verified`, `not_allowed`; "
            "409 `slot_unavailable`, `customer_overlap`; 503 `busy_try_again`."
        ),
        request=BookingCreateInputSerializer,
        responses={201: BookingSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR, 503: ERROR},
    )
    def post(self, request):
        data = _validated(BookingCreateInputSerializer, request.data)
        booking = services.booking_create(
            actor=request.user,
            service_id=data["service"],
            staff_id=data.get("staff"),
            start=data["start"],
            note=data["note"],
            customer_phone=data.get("customer_phone"),
            customer_name=data["customer_name"],
        )
        return _booking_response(request, booking, status.HTTP_201_CREATED)


class BookingDetailView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="A booking",
        parameters=[BOOKING_ID],
        responses={200: BookingSerializer, 404: ERROR},
    )
    def get(self, request, booking_id: int):
        booking = selectors.booking_get(user=request.user, booking_id=booking_id)
        return Response(BookingSerializer(booking, context=_booking_context(request)).data)


class BookingCancelView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Cancel a booking",
        description=(
            "The customer may cancel until `cancellation_deadline` (400 `cancellation_window_passed` after it); "
            "the salon at any time with a `reason` (400 `reason_required`). 400 `invalid_transition` unless "
            "pending or confirmed; 404 `booking_not_found` for someone else's booking."
        ),
        parameters=[BOOKING_ID],
        request=BookingCancelInputSerializer,
        responses={200: BookingSerializer, 400: ERROR, 404: ERROR},
    )
    def post(self, request, booking_id: int):
        data = _validated(BookingCancelInputSerializer, request.data)
        booking = services.booking_cancel(booking_id=booking_id, actor=request.user, reason=data["reason"])
        return _booking_response(request, booking)


class BookingRescheduleView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Move a booking to another time",
        description=(
            "Same service; the status is kept. The customer may until `cancellation_deadline`, "
            "the salon at any time. The salon may also give the booking to another stylist (`staff`): at the "
            "booking's own `start` only that stylist's time is checked (working hours, time off, other "
            "bookings), not lead time or the grid; 400 `staff_not_available_for_service` when they do not offer "
            "the service. A customer sending another stylist gets 403 `not_allowed`. When the new time is not "
            "free (409 `slot_unavailable`, `customer_overlap`) the booking is unchanged. Also 400 "
            "`start_in_past`, `lead_time_not_met`, `beyond_booking_horizon`, `slot_not_on_grid`, "
            "`cancellation_window_passed`, `invalid_transition`."
        ),
        parameters=[BOOKING_ID],
        request=BookingRescheduleInputSerializer,
        responses={200: BookingSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR, 503: ERROR},
    )
    def post(self, request, booking_id: int):
        data = _validated(BookingRescheduleInputSerializer, request.data)
        booking = services.booking_reschedule(
            booking_id=booking_id, actor=request.user, start=data["start"], staff_id=data.get("staff")
        )
        return _booking_response(request, booking)


class BookingConfirmView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Confirm a pending booking (salon)",
        description=(
            "403 `not_allowed` for the customer; 400 `prepayment_required` where the salon takes online "
            "prepayment (the payment confirms), `invalid_transition` unless pending."
        ),
        parameters=[BOOKING_ID],
        request=None,
        responses={200: BookingSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request, booking_id: int):
        booking = services.booking_confirm(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingCompleteView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a booking completed (salon)",
        description="400 `not_started_yet` before the start, `invalid_transition` unless confirmed.",
        parameters=[BOOKING_ID],
        request=None,
        responses={200: BookingSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request, booking_id: int):
        booking = services.booking_complete(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingNoShowView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a booking as a no-show (salon)",
        description="400 `not_started_yet` before the start, `invalid_transition` unless confirmed.",
        parameters=[BOOKING_ID],
        request=None,
        responses={200: BookingSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def post(self, request, booking_id: int):
        booking = services.booking_mark_no_show(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingReviewView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Review a completed booking (customer)",
        description=(
            "Once per booking (409 `already_reviewed`), after it is completed (400 `booking_not_completed`); "
            "403 `not_allowed` for the salon. Updates the salon's rating."
        ),
        parameters=[BOOKING_ID],
        request=ReviewInputSerializer,
        responses={201: ReviewSerializer, 400: ERROR, 403: ERROR, 404: ERROR, 409: ERROR},
    )
    def post(self, request, booking_id: int):
        data = _validated(ReviewInputSerializer, request.data)
        review = services.review_create(
            booking_id=booking_id, actor=request.user, rating=data["rating"], comment=data["comment"]
        )
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)


class SalonReviewListView(generics.GenericAPIView):
    serializer_class = ReviewSerializer
    pagination_class = StandardPagination
    filter_backends: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=["salons"],
        summary="A salon's reviews",
        description="Newest first; only the reviewer's first name is shown. 404 `salon_not_found`.",
        parameters=[OpenApiParameter("salon_id", int, OpenApiParameter.PATH)],
        responses={200: ReviewSerializer(many=True), 404: ERROR},
    )
    def get(self, request, salon_id: int):
        page = self.paginate_queryset(selectors.review_list(salon_id=salon_id))
        return self.get_paginated_response(ReviewSerializer(page, many=True).data)


class StaffScheduleView(APIView):
    @extend_schema(
        tags=["staff"],
        summary="A stylist's day",
        description=(
            "The bookings starting on the local day (not cancelled or expired ones) and the free gaps, in the "
            "salon's time zone. Stylists see their own day; managers pass `staff` (a stylist of a salon they "
            "manage; anything else is 404 `staff_not_found`). 403 `not_allowed` for customers; 400 "
            "`staff_required` for a manager without `staff`."
        ),
        parameters=[StaffScheduleQuerySerializer],
        responses={200: StaffScheduleSerializer, 400: ERROR, 403: ERROR, 404: ERROR},
    )
    def get(self, request):
        query = _validated(StaffScheduleQuerySerializer, request.query_params)
        day_schedule = schedule.staff_schedule_get(
            user=request.user, staff_id=query.get("staff"), day=query.get("date")
        )
        return Response(StaffScheduleSerializer(day_schedule, context=_booking_context(request)).data)


class StaffMeView(APIView):
    @extend_schema(
        tags=["staff"],
        summary="My stylist profile and the salons I manage",
        responses={200: StaffOverviewSerializer},
    )
    def get(self, request):
        return Response(StaffOverviewSerializer(schedule.staff_overview_get(user=request.user)).data)
