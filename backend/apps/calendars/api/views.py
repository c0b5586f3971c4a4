"""`/api/calendar/feeds/`: the private iCalendar feeds (no sign-in: calendar apps cannot) and, for their
owners, the links to them (made on first request) and their reset."""

import hashlib

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.core.file_responses import ErrorsAsJson
from apps.core.openapi import error_responses
from apps.salons.errors import SalonNotFound, StaffNotFound

from ..access import own_stylist_get, visible_salon_get, visible_stylist_get
from ..errors import FeedForbidden, FeedNotFound, StylistsOnly
from ..selectors import feed_by_token, feed_document
from ..services import calendar_feed_get_or_create, calendar_feed_rotate
from .serializers import FeedSerializer

TAG = "calendar"
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _language(user) -> str:
    """The feed's language: the signed-in person's preferred one, else the request's."""
    for language in (getattr(user, "preferred_language", ""), (translation.get_language() or "")[:2]):
        if language in {"ar", "en"}:
            return language
    return "ar"


class FeedView(APIView):
    """The feed itself. The token is the only key: no authentication is read (a calendar app sends
    none), and an unknown or reset token is 404 like any other."""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    content_negotiation_class = ErrorsAsJson
    throttle_scope = "calendar_feeds"
    throttle_by_ip = True

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feed_ics",
        summary="A private calendar feed (iCalendar)",
        description=(
            "The bookings of a stylist (or of every stylist of a salon) from 30 days ago to 90 days ahead, "
            "as RFC 5545 iCalendar, for calendar apps to subscribe to; no sign-in, the link is the key. "
            "Each event's `UID` is `booking-<reference>@<host>` and its `SEQUENCE` grows with every change; "
            "cancelled bookings stay, as `STATUS:CANCELLED`. Answers carry `ETag` and `Last-Modified`; "
            "`If-None-Match` or `If-Modified-Since` give 304 when nothing changed. A reset link is 404."
        ),
        auth=[],
        responses={
            (200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="The calendar."),
            304: OpenApiResponse(description="Not modified since the `ETag` or date the request gave."),
            **error_responses(FeedNotFound),
        },
    )
    def get(self, request: Request, token: str) -> HttpResponse:
        now = timezone.now()
        document = feed_document(feed=feed_by_token(token=token), now=now)
        etag = '"' + hashlib.sha256(document.body).hexdigest()[:32] + '"'
        response = HttpResponse(document.body, content_type=CALENDAR_TYPE)
        response["ETag"] = etag
        response["Last-Modified"] = http_date(document.last_modified.timestamp())
        # Calendar apps must ask again (cheaply, with the ETag); shared caches must not keep a private feed.
        response["Cache-Control"] = "private, no-cache"
        response["Content-Disposition"] = 'inline; filename="calendar.ics"'
        response["X-Robots-Tag"] = "noindex"
        return get_conditional_response(
            request, etag=etag, last_modified=int(document.last_modified.timestamp()), response=response
        )


_LINK_DESCRIPTION = (
    "Made on first request; the same link afterwards, until it is reset. The link needs no sign-in: "
    "whoever has it sees the bookings (services, customers' first names, never a phone)."
)
_ROTATE_DESCRIPTION = "A new link; the old one answers 404 from now on (subscribed calendars stop updating)."
_OWN = error_responses(StylistsOnly, AUTHENTICATION_ERRORS)
_STAFF = error_responses(FeedForbidden, StaffNotFound, AUTHENTICATION_ERRORS)
_SALON = error_responses(FeedForbidden, SalonNotFound, AUTHENTICATION_ERRORS)


class _FeedLinkView(APIView):
    """A feed's link (or, with `rotate`, a new one). Each view defines `owner(request, **kwargs)`: the
    feed's salon and stylist (None for the salon's feed), refusing a caller who may not see them."""

    rotate = False

    def _answer(self, request: Request, **kwargs) -> Response:
        service = calendar_feed_rotate if self.rotate else calendar_feed_get_or_create
        link = service(**self.owner(request, **kwargs), language=_language(request.user))
        return Response(FeedSerializer(FeedSerializer.of(link)).data)


class OwnFeedView(_FeedLinkView):
    def owner(self, request, **kwargs):
        staff = own_stylist_get(user=request.user)
        return {"salon": staff.salon, "staff": staff}

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_me",
        summary="My calendar feed (stylists)",
        description=_LINK_DESCRIPTION,
        responses={200: FeedSerializer, **_OWN},
    )
    def get(self, request: Request) -> Response:
        return self._answer(request)


class OwnFeedRotateView(OwnFeedView):
    rotate = True
    http_method_names = ["post", "options"]  # not the link's GET it inherits

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_me_rotate",
        summary="Reset my calendar feed's link",
        description=_ROTATE_DESCRIPTION,
        request=None,
        responses={200: FeedSerializer, **_OWN},
    )
    def post(self, request: Request) -> Response:
        return self._answer(request)


_STAFF_ID = OpenApiParameter("staff_id", OpenApiTypes.INT, OpenApiParameter.PATH)
_SALON_ID = OpenApiParameter("salon_id", OpenApiTypes.INT, OpenApiParameter.PATH)


class StaffFeedView(_FeedLinkView):
    def owner(self, request, *, staff_id: int):
        staff = visible_stylist_get(user=request.user, staff_id=staff_id)
        return {"salon": staff.salon, "staff": staff}

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_staff",
        summary="A stylist's calendar feed (the stylist, the salon's managers, admins)",
        description=_LINK_DESCRIPTION,
        parameters=[_STAFF_ID],
        responses={200: FeedSerializer, **_STAFF},
    )
    def get(self, request: Request, staff_id: int) -> Response:
        return self._answer(request, staff_id=staff_id)


class StaffFeedRotateView(StaffFeedView):
    rotate = True
    http_method_names = ["post", "options"]  # not the link's GET it inherits

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_staff_rotate",
        summary="Reset a stylist's calendar feed's link",
        description=_ROTATE_DESCRIPTION,
        parameters=[_STAFF_ID],
        request=None,
        responses={200: FeedSerializer, **_STAFF},
    )
    def post(self, request: Request, staff_id: int) -> Response:
        return self._answer(request, staff_id=staff_id)


class SalonFeedView(_FeedLinkView):
    def owner(self, request, *, salon_id: int):
        return {"salon": visible_salon_get(user=request.user, salon_id=salon_id), "staff": None}

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_salon",
        summary="A salon's calendar feed, every stylist (the salon's managers, admins)",
        description=_LINK_DESCRIPTION,
        parameters=[_SALON_ID],
        responses={200: FeedSerializer, **_SALON},
    )
    def get(self, request: Request, salon_id: int) -> Response:
        return self._answer(request, salon_id=salon_id)


class SalonFeedRotateView(SalonFeedView):
    rotate = True
    http_method_names = ["post", "options"]  # not the link's GET it inherits

    @extend_schema(
        tags=[TAG],
        operation_id="calendar_feeds_salon_rotate",
        summary="Reset a salon's calendar feed's link",
        description=_ROTATE_DESCRIPTION,
        parameters=[_SALON_ID],
        request=None,
        responses={200: FeedSerializer, **_SALON},
    )
    def post(self, request: Request, salon_id: int) -> Response:
        return self._answer(request, salon_id=salon_id)
