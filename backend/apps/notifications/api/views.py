"""The in-app inbox (the signed-in user's own notifications; anyone else's are not found), and the
SMS provider's inbound webhook for reply keywords."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination

from .. import inbound, selectors, services
from ..errors import InboundSignatureInvalid, NotificationNotFound
from .serializers import (
    InboundMessageSerializer,
    InboundResultSerializer,
    NotificationSerializer,
    ReadAllSerializer,
    UnreadCountSerializer,
)

TAG = "notifications"


class NotificationListView(generics.GenericAPIView):
    serializer_class = NotificationSerializer
    pagination_class = StandardPagination
    filter_backends: list = []

    @extend_schema(
        tags=[TAG],
        summary="My notifications",
        description=(
            "Every booking message sent to me by SMS or WhatsApp, and the salon's alerts I chose to read in the "
            "app only, newest first, in the language it was written in; `title` is in the language of the request. "
            "Tomorrow's bookings of a salon (`daily_agenda`) have no `booking`."
        ),
        responses={200: NotificationSerializer(many=True), **error_responses(AUTHENTICATION_ERRORS)},
    )
    def get(self, request):
        page = self.paginate_queryset(selectors.notification_inbox(user=request.user))
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)


class UnreadCountView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="How many of my notifications are unread",
        responses={200: UnreadCountSerializer, **error_responses(AUTHENTICATION_ERRORS)},
    )
    def get(self, request):
        return Response({"count": selectors.notification_unread_count(user=request.user)})


class MarkReadView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a notification read",
        description="Idempotent: the first read time is kept. Someone else's notification is not found.",
        parameters=[OpenApiParameter("notification_id", int, OpenApiParameter.PATH)],
        request=None,
        responses={200: NotificationSerializer, **error_responses(AUTHENTICATION_ERRORS, NotificationNotFound)},
    )
    def post(self, request, notification_id: int):
        notification = services.notification_mark_read(user=request.user, notification_id=notification_id)
        return Response(NotificationSerializer(notification).data)


class MarkAllReadView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark all my notifications read",
        request=None,
        responses={200: ReadAllSerializer, **error_responses(AUTHENTICATION_ERRORS)},
    )
    def post(self, request):
        return Response({"updated": services.notification_mark_all_read(user=request.user)})


class InboundMessageView(APIView):
    throttle_scope = "webhooks"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        summary="A reply forwarded by the SMS provider",
        description=inbound.__doc__,
        parameters=[
            OpenApiParameter(inbound.SIGNATURE_HEADER, str, OpenApiParameter.HEADER, required=False),
            OpenApiParameter(inbound.SECRET_HEADER, str, OpenApiParameter.HEADER, required=False),
        ],
        request=InboundMessageSerializer,
        responses={200: InboundResultSerializer, **error_responses(INVALID_INPUT, InboundSignatureInvalid)},
    )
    def post(self, request):
        inbound.inbound_check_signature(
            body=request.body,
            signature=request.headers.get(inbound.SIGNATURE_HEADER),
            secret=request.headers.get(inbound.SECRET_HEADER),
        )
        serializer = InboundMessageSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        inbound.inbound_message_receive(sender=data["from"], text=data["text"], channel=data["channel"])
        return Response({"received": True})
