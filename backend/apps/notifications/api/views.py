"""The in-app inbox: the signed-in user's own notifications; anyone else's are not found."""

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.pagination import StandardPagination
from apps.core.serializers import ErrorSerializer

from .. import selectors, services
from .serializers import NotificationSerializer, ReadAllSerializer, UnreadCountSerializer

TAG = "notifications"
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="404 `notification_not_found`.")
UNAUTHENTICATED = OpenApiResponse(ErrorSerializer, description="Not signed in.")


class NotificationListView(generics.GenericAPIView):
    serializer_class = NotificationSerializer
    pagination_class = StandardPagination
    filter_backends: list = []

    @extend_schema(
        tags=[TAG],
        summary="My notifications",
        description=(
            "Every booking message sent to me by SMS or WhatsApp, newest first, in the language it was "
            "sent in; `title` is in the language of the request."
        ),
        responses={200: NotificationSerializer(many=True), 401: UNAUTHENTICATED},
    )
    def get(self, request):
        page = self.paginate_queryset(selectors.notification_inbox(user=request.user))
        return self.get_paginated_response(NotificationSerializer(page, many=True).data)


class UnreadCountView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="How many of my notifications are unread",
        responses={200: UnreadCountSerializer, 401: UNAUTHENTICATED},
    )
    def get(self, request):
        return Response({"count": selectors.notification_unread_count(user=request.user)})


class MarkReadView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark a notification read",
        description="Idempotent: the first read time is kept. 404 `notification_not_found` for someone else's.",
        parameters=[OpenApiParameter("notification_id", int, OpenApiParameter.PATH)],
        request=None,
        responses={200: NotificationSerializer, 401: UNAUTHENTICATED, 404: NOT_FOUND},
    )
    def post(self, request, notification_id: int):
        notification = services.notification_mark_read(user=request.user, notification_id=notification_id)
        return Response(NotificationSerializer(notification).data)


class MarkAllReadView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Mark all my notifications read",
        request=None,
        responses={200: ReadAllSerializer, 401: UNAUTHENTICATED},
    )
    def post(self, request):
        return Response({"updated": services.notification_mark_all_read(user=request.user)})
