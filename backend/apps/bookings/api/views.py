"""The bookings API: thin views that validate input, call one service or selector and serialize."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination
from apps.core.serializers import validated

from .. import selectors, services
from ..errors import (
    INVALID_PHONE,
    THROTTLED,
    AlreadyReviewed,
    BeyondBookingHorizon,
    BookingNotCompleted,
    BookingNotFound,
    BusyTryAgain,
    CancellationWindowPassed,
    CustomerBlocked,
    CustomerOverlap,
    InvalidTransition,
    LeadTimeNotMet,
    NotAllowed,
    NotStartedYet,
    OnBehalfLimitPhone,
    OnBehalfLimitStaff,
    PhoneNotVerified,
    PrepaymentRequired,
    ReasonRequired,
    SalonInactive,
    SalonNotFound,
    ServiceInactive,
    ServiceNotFound,
    SlotNotOnGrid,
    SlotUnavailable,
    StaffCannotReview,
    StaffNotAvailableForService,
    StartInPast,
    UpcomingBookingsLimitSalon,
    UpcomingBookingsLimitTotal,
    VisitSalonsDiffer,
    VisitStaffChangeNotSupported,
    VisitTooManyServices,
)
from ..models import Booking
from ..redemptions import RedemptionNotForVisits, RedemptionRequest, RedemptionUnavailable
from ..visits import VisitItemRequest
from .context import booking_context
from .create_serializers import BookingCreateInputSerializer
from .serializers import (
    BookingCancelInputSerializer,
    BookingListQuerySerializer,
    BookingRescheduleInputSerializer,
    BookingSerializer,
    ReviewInputSerializer,
    ReviewSerializer,
)
from .throttles import BookingCreateThrottle

TAG = "bookings"
BOOKING_ID = OpenApiParameter("booking_id", int, OpenApiParameter.PATH)
# The refusals of a requested start time before its stylist's time is looked at (the engine's policy).
START_POLICY_ERRORS = (StartInPast, LeadTimeNotMet, BeyondBookingHorizon, SlotNotOnGrid)


def _booking_response(request, booking: Booking, status_code: int = status.HTTP_200_OK) -> Response:
    booking = selectors.booking_for_response(booking_id=booking.pk)
    return Response(BookingSerializer(booking, context=booking_context(request)).data, status=status_code)


def redemption_request(data: dict) -> RedemptionRequest | None:
    """What the booking's body asks to use (a package purchase or a gift card's code), if anything."""
    if data.get("package") is None and not data.get("gift_card"):
        return None
    return RedemptionRequest(package=data.get("package"), gift_card=data.get("gift_card") or None)


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
            "`upcoming=true` keeps the bookings still ahead (pending with a live hold or confirmed, from now on); "
            "`upcoming=false` lists all the others (past, cancelled, expired), latest first."
        ),
        parameters=[BookingListQuerySerializer],
        responses={200: BookingSerializer(many=True), **error_responses(INVALID_INPUT)},
    )
    def get(self, request):
        query = validated(BookingListQuerySerializer, request.query_params)
        bookings = selectors.booking_list(
            user=request.user,
            statuses=query.get("status"),
            date_from=query.get("from"),
            date_to=query.get("to"),
            upcoming=query.get("upcoming"),
        )
        page = self.paginate_queryset(bookings)
        return self.get_paginated_response(BookingSerializer(page, many=True, context=booking_context(request)).data)

    def get_throttles(self):
        throttles = super().get_throttles()
        if self.request.method == "POST":
            throttles.append(BookingCreateThrottle())
        return throttles

    @extend_schema(
        tags=[TAG],
        summary="Book a service",
        description=(
            "Books one of the offered start times. A customer with a verified phone books for themselves: "
            "the booking is `pending` (with `hold_expires_at` when the salon requires prepayment). A stylist "
            "or manager of the salon books on behalf of a customer by giving `customer_phone`: the booking is "
            "`confirmed` at once, and may start now (no lead time; the current grid slot is still offered). A customer "
            "the salon has blocked cannot book there online. A customer holds a limited number of upcoming bookings "
            "per salon and in all; a booking awaiting the salon's confirmation lapses (confirmed or expired, as the "
            "salon chose) when the salon's confirmation window passes. Bookings made on a customer's behalf are "
            "limited per salon member and per phone number. Creating bookings is throttled per user. "
            "`package` (one of the customer's package purchases) or `gift_card` (a card's code) pays the price "
            "in full (a session) or up to the card's balance; a booking paid in full is `confirmed` at once at a "
            "salon that requires prepayment. Their refusals (`package_used_up`, `gift_card_empty`, …) are listed "
            "at the packages' operations; cancelling the booking gives the session or the amount back. "
            "A visit of "
            "several services (`items`, at most four, of one salon) books them back to back from `start`, each "
            "with its own stylist (or any free one); its price is the sum, and `items` in the response lists "
            "each service's stylist, time and price (ADR 0017)."
        ),
        request=BookingCreateInputSerializer,
        responses={
            201: BookingSerializer,
            **error_responses(
                INVALID_INPUT,
                ServiceNotFound,
                (SalonInactive, ServiceInactive),
                (NotAllowed, PhoneNotVerified, CustomerBlocked),
                (StaffNotAvailableForService, VisitTooManyServices, VisitSalonsDiffer),
                START_POLICY_ERRORS,
                INVALID_PHONE,
                (CustomerOverlap, SlotUnavailable, UpcomingBookingsLimitSalon, UpcomingBookingsLimitTotal),
                (THROTTLED, OnBehalfLimitStaff, OnBehalfLimitPhone),
                BusyTryAgain,
                RedemptionUnavailable,
                RedemptionNotForVisits,
            ),
        },
    )
    def post(self, request):
        data = validated(BookingCreateInputSerializer, request.data)
        items = data.get("items")
        booking = services.booking_create(
            actor=request.user,
            service_id=data.get("service"),
            staff_id=data.get("staff"),
            items=[VisitItemRequest(service_id=item["service"], staff_id=item.get("staff")) for item in items]
            if items
            else None,
            start=data["start"],
            note=data["note"],
            customer_phone=data.get("customer_phone"),
            customer_name=data["customer_name"],
            redemption=redemption_request(data),
        )
        booking = selectors.booking_created_for_response(booking)
        return Response(
            BookingSerializer(booking, context=booking_context(request)).data, status=status.HTTP_201_CREATED
        )


class BookingDetailView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="A booking",
        parameters=[BOOKING_ID],
        responses={200: BookingSerializer, **error_responses(BookingNotFound)},
    )
    def get(self, request, booking_id: int):
        booking = selectors.booking_get(user=request.user, booking_id=booking_id)
        return Response(BookingSerializer(booking, context=booking_context(request)).data)


class BookingCancelView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Cancel a booking",
        description=(
            "A pending or confirmed booking. The customer may cancel until `cancellation_deadline`; the salon "
            "at any time, with a `reason`. Someone else's booking does not exist for the caller."
        ),
        parameters=[BOOKING_ID],
        request=BookingCancelInputSerializer,
        responses={
            200: BookingSerializer,
            **error_responses(
                INVALID_INPUT, InvalidTransition, CancellationWindowPassed, ReasonRequired, BookingNotFound
            ),
        },
    )
    def post(self, request, booking_id: int):
        data = validated(BookingCancelInputSerializer, request.data)
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
            "bookings), not lead time or the grid. When the new time is not free the booking is unchanged. A visit "
            "of several services moves as a whole, every service checked at its new time with its own stylist."
        ),
        parameters=[BOOKING_ID],
        request=BookingRescheduleInputSerializer,
        responses={
            200: BookingSerializer,
            **error_responses(
                INVALID_INPUT,
                InvalidTransition,
                CancellationWindowPassed,
                START_POLICY_ERRORS,
                StaffNotAvailableForService,
                NotAllowed,
                BookingNotFound,
                (CustomerOverlap, SlotUnavailable, VisitStaffChangeNotSupported),
                BusyTryAgain,
            ),
        },
    )
    def post(self, request, booking_id: int):
        data = validated(BookingRescheduleInputSerializer, request.data)
        booking = services.booking_reschedule(
            booking_id=booking_id, actor=request.user, start=data["start"], staff_id=data.get("staff")
        )
        return _booking_response(request, booking)


class BookingConfirmView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Confirm a pending booking (salon)",
        description=(
            "A pending booking, by its stylist or a manager of its salon. Where the salon takes online "
            "prepayment, only the payment confirms."
        ),
        parameters=[BOOKING_ID],
        request=None,
        responses={
            200: BookingSerializer,
            **error_responses(InvalidTransition, PrepaymentRequired, NotAllowed, BookingNotFound),
        },
    )
    def post(self, request, booking_id: int):
        booking = services.booking_confirm(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingCompleteView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a booking completed (salon)",
        description="A confirmed booking, once it has started; by its stylist or a manager of its salon.",
        parameters=[BOOKING_ID],
        request=None,
        responses={
            200: BookingSerializer,
            **error_responses(InvalidTransition, NotStartedYet, NotAllowed, BookingNotFound),
        },
    )
    def post(self, request, booking_id: int):
        booking = services.booking_complete(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingNoShowView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a booking as a no-show (salon)",
        description="A confirmed booking, once it has started; by its stylist or a manager of its salon.",
        parameters=[BOOKING_ID],
        request=None,
        responses={
            200: BookingSerializer,
            **error_responses(InvalidTransition, NotStartedYet, NotAllowed, BookingNotFound),
        },
    )
    def post(self, request, booking_id: int):
        booking = services.booking_mark_no_show(booking_id=booking_id, actor=request.user)
        return _booking_response(request, booking)


class BookingReviewView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Review a completed booking (customer)",
        description=("Once per booking, by its customer, after it is completed. Updates the salon's rating."),
        parameters=[BOOKING_ID],
        request=ReviewInputSerializer,
        responses={
            201: ReviewSerializer,
            **error_responses(
                INVALID_INPUT, BookingNotCompleted, NotAllowed, StaffCannotReview, BookingNotFound, AlreadyReviewed
            ),
        },
    )
    def post(self, request, booking_id: int):
        data = validated(ReviewInputSerializer, request.data)
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
        description="An active salon's reviews, newest first; only the reviewer's first name is shown.",
        parameters=[OpenApiParameter("salon_id", int, OpenApiParameter.PATH)],
        responses={200: ReviewSerializer(many=True), **error_responses(SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        page = self.paginate_queryset(selectors.review_list(salon_id=salon_id))
        return self.get_paginated_response(ReviewSerializer(page, many=True).data)
