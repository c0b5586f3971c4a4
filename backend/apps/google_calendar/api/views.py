"""`/api/calendar/google/`: connect a stylist's Google Calendar (a stylist their own, a manager their
salon's stylists), choose the calendar, see the status, disconnect; the OAuth callback; Google's push
notifications; and, with the fake provider only, its consent page."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.core.after_commit import on_commit_safely
from apps.core.exceptions import NotFound
from apps.core.openapi import INVALID_INPUT, error_responses

from .. import access, selectors, services
from ..errors import (
    CalendarStaffNotFound,
    ChannelTokenInvalid,
    GoogleUnavailable,
    NotConnected,
    StylistsOnly,
    UnknownCalendar,
)
from ..inbound import calendar_sync, push_received
from ..providers import GoogleError
from .serializers import (
    GoogleCalendarConflictSerializer,
    GoogleCalendarSerializer,
    GoogleCalendarStatusSerializer,
    GoogleChooseCalendarSerializer,
    GoogleConnectResultSerializer,
    GoogleConnectSerializer,
    GoogleForStaffSerializer,
)

TAG = "google-calendar"
DOOR = (AUTHENTICATION_ERRORS, StylistsOnly, CalendarStaffNotFound)
STAFF_PARAM = OpenApiParameter("staff_id", int, required=False, description="A manager's stylist; empty: mine.")


def _redirect_uri(request) -> str:
    """Google's redirect target: `GOOGLE_REDIRECT_URI` when set (behind a proxy), else this host's."""
    return settings.GOOGLE_REDIRECT_URI or request.build_absolute_uri(reverse("google-calendar:callback"))


def _valid(serializer_class, data) -> dict:
    serializer = serializer_class(data=data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ConnectView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Start connecting a Google Calendar",
        description="The URL of Google's consent page (state signed, single use, bound to me; PKCE S256).",
        request=GoogleConnectSerializer,
        responses={200: GoogleConnectResultSerializer, **error_responses(INVALID_INPUT, *DOOR)},
    )
    def post(self, request):
        data = _valid(GoogleConnectSerializer, request.data)
        staff = access.staff_for(user=request.user, staff_id=data.get("staff_id"))
        url = services.connect_start(
            user=request.user, staff=staff, redirect_uri=_redirect_uri(request), return_path=data["return_path"]
        )
        return Response({"auth_url": url})


class CallbackView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        summary="Google's redirect after consent",
        description="Exchanges the code and redirects to the SPA with `google_calendar=connected` or `=error`.",
        responses={302: None},
    )
    def get(self, request):
        code, state = request.query_params.get("code", ""), request.query_params.get("state", "")
        outcome, path = "error", "/"
        if code and state and not request.query_params.get("error"):
            try:
                result = services.connect_finish(signed_state=state, code=code, redirect_uri=_redirect_uri(request))
                outcome, path = "connected", result.return_path
            except (services.StateInvalid, GoogleError):
                outcome = "error"
        separator = "&" if "?" in path else "?"
        return HttpResponseRedirect(f"{settings.FRONTEND_URL}{path}{separator}google_calendar={outcome}")


class FakeConsentView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(tags=[TAG], summary="The fake provider's consent (development only)", responses={302: None})
    def get(self, request):
        if settings.GOOGLE_CALENDAR_PROVIDER != "fake":
            raise NotFound()
        query = {
            "code": f"fake:{request.query_params.get('code_challenge', '')}",
            "state": request.query_params.get("state", ""),
        }
        return HttpResponseRedirect(f"{_redirect_uri(request)}?{urlencode(query)}")


class StatusView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="A stylist's Google Calendar status",
        parameters=[STAFF_PARAM],
        responses={200: GoogleCalendarStatusSerializer, **error_responses(INVALID_INPUT, *DOOR)},
    )
    def get(self, request):
        data = _valid(GoogleForStaffSerializer, request.query_params)
        staff = access.staff_for(user=request.user, staff_id=data.get("staff_id"))
        return Response(GoogleCalendarStatusSerializer(selectors.connection_status(staff=staff)).data)


class CalendarListView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="The connected account's calendars (to choose one)",
        parameters=[STAFF_PARAM],
        responses={
            200: GoogleCalendarSerializer(many=True),
            **error_responses(INVALID_INPUT, *DOOR, NotConnected, GoogleUnavailable),
        },
    )
    def get(self, request):
        data = _valid(GoogleForStaffSerializer, request.query_params)
        staff = access.staff_for(user=request.user, staff_id=data.get("staff_id"))
        calendars = services.calendars_list(connection=services.connection_get(staff=staff))
        return Response(GoogleCalendarSerializer(calendars, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="Choose the calendar to write bookings to and read busy time from",
        request=GoogleChooseCalendarSerializer,
        responses={
            200: GoogleCalendarStatusSerializer,
            **error_responses(INVALID_INPUT, *DOOR, NotConnected, UnknownCalendar, GoogleUnavailable),
        },
    )
    def post(self, request):
        data = _valid(GoogleChooseCalendarSerializer, request.data)
        staff = access.staff_for(user=request.user, staff_id=data.get("staff_id"))
        services.calendar_choose(connection=services.connection_get(staff=staff), calendar_id=data["calendar_id"])
        return Response(GoogleCalendarStatusSerializer(selectors.connection_status(staff=staff)).data)


class DisconnectView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Disconnect (revokes the grant at Google)",
        request=GoogleForStaffSerializer,
        responses={200: GoogleCalendarStatusSerializer, **error_responses(INVALID_INPUT, *DOOR, NotConnected)},
    )
    def post(self, request):
        data = _valid(GoogleForStaffSerializer, request.data)
        staff = access.staff_for(user=request.user, staff_id=data.get("staff_id"))
        services.connection_disconnect(connection=services.connection_get(staff=staff))
        return Response(GoogleCalendarStatusSerializer(selectors.connection_status(staff=staff)).data)


class ConflictListView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Busy events from stylists' calendars that overlap bookings (managers)",
        parameters=[STAFF_PARAM],
        responses={
            200: GoogleCalendarConflictSerializer(many=True),
            **error_responses(INVALID_INPUT, AUTHENTICATION_ERRORS, StylistsOnly),
        },
    )
    def get(self, request):
        data = _valid(GoogleForStaffSerializer, request.query_params)
        conflicts = selectors.conflict_list(
            salon_ids=access.managed_salon_ids(request.user), staff_id=data.get("staff_id")
        )
        return Response(GoogleCalendarConflictSerializer(conflicts[:200], many=True).data)


class PushNotificationView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_scope = "webhooks"
    throttle_by_ip = True

    @extend_schema(
        tags=[TAG],
        summary="Google's push notification for a watched calendar",
        description="Verified by `X-Goog-Channel-ID` and `X-Goog-Channel-Token`; a change triggers a sync.",
        request=None,
        responses={200: None, **error_responses(ChannelTokenInvalid)},
    )
    def post(self, request):
        connection_id = push_received(
            channel_id=request.headers.get("X-Goog-Channel-ID", ""),
            channel_token=request.headers.get("X-Goog-Channel-Token", ""),
            resource_state=request.headers.get("X-Goog-Resource-State", ""),
        )
        if connection_id is None:
            raise ChannelTokenInvalid()
        if request.headers.get("X-Goog-Resource-State", "") != "sync":
            on_commit_safely(
                lambda: calendar_sync(connection_id=connection_id), name="google_calendar.sync", after_response=True
            )
        return Response(status=status.HTTP_200_OK)
