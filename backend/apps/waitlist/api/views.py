"""The waitlist API: a signed-in customer joins, lists and leaves; takes or lets go of an offer."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.bookings.errors import BusyTryAgain
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.serializers import validated

from .. import selectors, services
from ..errors import (
    AlreadyWaiting,
    CustomersOnly,
    EntryNotFound,
    InvalidWindow,
    OfferClosed,
    OfferNotFound,
    TooManyEntries,
    WaitlistSalonNotFound,
    WaitlistServiceNotFound,
    WaitlistStaffNotFound,
)
from .serializers import (
    WaitlistEntrySerializer,
    WaitlistJoinSerializer,
    WaitlistLeaveQuerySerializer,
    WaitlistOfferSerializer,
)

TAG = "waitlist"
ENTRY_ID = OpenApiParameter("entry_id", int, OpenApiParameter.PATH)
BOOKING_ID = OpenApiParameter("booking_id", int, OpenApiParameter.PATH)
LEFT = OpenApiResponse(description="Left the waitlist (or had already left it, or it had ended).")


def _entry_body(entry) -> dict:
    return WaitlistEntrySerializer(entry).data


class WaitlistView(APIView):
    http_method_names = ["get", "post", "delete", "options"]

    @extend_schema(
        operation_id="waitlist_list",
        summary="My waitlist entries",
        description="Active entries first, then the latest ended ones (at most 50 in all).",
        responses={200: WaitlistEntrySerializer(many=True), **error_responses(CustomersOnly, AUTHENTICATION_ERRORS)},
        tags=[TAG],
    )
    def get(self, request: Request) -> Response:
        services.check_customer(request.user)
        entries = selectors.waitlist_entry_list(customer=request.user)
        return Response(WaitlistEntrySerializer(entries, many=True).data)

    @extend_schema(
        operation_id="waitlist_join",
        summary="Join the waitlist",
        description=(
            "Wait for a time of a service at a salon, with a stylist or any, on the days and times of day given "
            "(in the salon's time zone). When a matching time frees up, the first in line is offered it by "
            "SMS/WhatsApp and it is held for them for a few minutes."
        ),
        request=WaitlistJoinSerializer,
        responses={
            201: WaitlistEntrySerializer,
            **error_responses(
                INVALID_INPUT,
                WaitlistSalonNotFound,
                WaitlistServiceNotFound,
                WaitlistStaffNotFound,
                InvalidWindow,
                CustomersOnly,
                AlreadyWaiting,
                TooManyEntries,
                AUTHENTICATION_ERRORS,
            ),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        data = validated(WaitlistJoinSerializer, request.data)
        entry = services.waitlist_join(
            customer=request.user,
            salon_id=data["salon"],
            service_id=data["service"],
            staff_id=data.get("staff"),
            date_from=data["date_from"],
            date_to=data["date_to"],
            time_from=data.get("time_from"),
            time_to=data.get("time_to"),
        )
        entry = next(item for item in selectors.waitlist_entry_list(customer=request.user) if item.pk == entry.pk)
        return Response(_entry_body(entry), status=status.HTTP_201_CREATED)

    @extend_schema(
        operation_id="waitlist_leave_by_query",
        summary="Leave the waitlist (entry given as ?id=)",
        parameters=[WaitlistLeaveQuerySerializer],
        request=None,
        responses={
            204: LEFT,
            **error_responses(INVALID_INPUT, EntryNotFound, CustomersOnly, BusyTryAgain, AUTHENTICATION_ERRORS),
        },
        tags=[TAG],
    )
    def delete(self, request: Request) -> Response:
        entry_id = validated(WaitlistLeaveQuerySerializer, request.query_params)["id"]
        services.waitlist_leave(customer=request.user, entry_id=entry_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WaitlistEntryView(APIView):
    http_method_names = ["delete", "options"]

    @extend_schema(
        operation_id="waitlist_leave",
        summary="Leave the waitlist",
        description="A time held for the entry is let go at once.",
        parameters=[ENTRY_ID],
        request=None,
        responses={204: LEFT, **error_responses(EntryNotFound, CustomersOnly, BusyTryAgain, AUTHENTICATION_ERRORS)},
        tags=[TAG],
    )
    def delete(self, request: Request, entry_id: int) -> Response:
        services.waitlist_leave(customer=request.user, entry_id=entry_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


def _offer_body(request: Request, booking_id: int) -> dict:
    offer = selectors.waitlist_offer_get(customer=request.user, booking_id=booking_id)
    if offer is None:
        raise OfferNotFound()
    return WaitlistOfferSerializer(offer).data


class WaitlistOfferView(APIView):
    http_method_names = ["get", "options"]

    @extend_schema(
        operation_id="waitlist_offer",
        summary="A time offered to me from the waitlist",
        parameters=[BOOKING_ID],
        responses={
            200: WaitlistOfferSerializer,
            **error_responses(OfferNotFound, CustomersOnly, AUTHENTICATION_ERRORS),
        },
        tags=[TAG],
    )
    def get(self, request: Request, booking_id: int) -> Response:
        services.check_customer(request.user)
        return Response(_offer_body(request, booking_id))


class WaitlistOfferAcceptView(APIView):
    http_method_names = ["post", "options"]

    @extend_schema(
        operation_id="waitlist_offer_accept",
        summary="Book the time offered",
        description=(
            "Confirms the held booking. Where the salon requires prepayment the booking stays held "
            "(`requires_payment`): pay for it as for any booking, and the payment confirms it."
        ),
        parameters=[BOOKING_ID],
        request=None,
        responses={
            200: WaitlistOfferSerializer,
            **error_responses(OfferNotFound, CustomersOnly, OfferClosed, BusyTryAgain, AUTHENTICATION_ERRORS),
        },
        tags=[TAG],
    )
    def post(self, request: Request, booking_id: int) -> Response:
        services.waitlist_offer_accept(customer=request.user, booking_id=booking_id)
        return Response(_offer_body(request, booking_id))


class WaitlistOfferDeclineView(APIView):
    http_method_names = ["post", "options"]

    @extend_schema(
        operation_id="waitlist_offer_decline",
        summary="Let the time offered go",
        description="The hold is released at once and the time is offered to the next in line.",
        parameters=[BOOKING_ID],
        request=None,
        responses={
            200: WaitlistOfferSerializer,
            **error_responses(OfferNotFound, CustomersOnly, OfferClosed, BusyTryAgain, AUTHENTICATION_ERRORS),
        },
        tags=[TAG],
    )
    def post(self, request: Request, booking_id: int) -> Response:
        services.waitlist_offer_decline(customer=request.user, booking_id=booking_id)
        return Response(_offer_body(request, booking_id))
