"""Email's public edges: the unsubscribe link (no sign-in: the signed token is the authority) and the
mail provider's bounces and complaints (a shared secret)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.parsers import FormParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.parsers import SafeJSONParser

from .. import email_events, email_unsubscribe
from ..errors import EmailWebhookForbidden, UnsubscribeLinkInvalid
from .serializers import (
    EmailEventsResultSerializer,
    EmailEventsSerializer,
    EmailUnsubscribeResultSerializer,
    EmailUnsubscribeSerializer,
)

TAG = "notifications"


class EmailUnsubscribeView(APIView):
    throttle_scope = "webhooks"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]
    parser_classes = [SafeJSONParser, FormParser]  # mail clients' one-click POST is form-encoded (RFC 8058)

    @extend_schema(
        tags=[TAG],
        summary="Unsubscribe from emails with a link's token",
        description=email_unsubscribe.__doc__,
        parameters=[OpenApiParameter("token", str, OpenApiParameter.QUERY, required=False)],
        request=EmailUnsubscribeSerializer,
        responses={200: EmailUnsubscribeResultSerializer, **error_responses(INVALID_INPUT, UnsubscribeLinkInvalid)},
    )
    def post(self, request):
        # The one-click POST carries the token in the query string (its body is `List-Unsubscribe=One-Click`).
        body = request.data if isinstance(request.data, dict) else {}
        token = request.query_params.get("token") or body.get("token")
        serializer = EmailUnsubscribeSerializer(data={"token": token} if token is not None else {})
        serializer.is_valid(raise_exception=True)
        email_list = email_unsubscribe.notification_email_unsubscribe(token=serializer.validated_data["token"])
        return Response({"list": email_list})


class EmailEventsView(APIView):
    throttle_scope = "webhooks"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        summary="Bounces and complaints from the mail provider",
        description=email_events.__doc__,
        parameters=[OpenApiParameter(email_events.SECRET_HEADER, str, OpenApiParameter.HEADER, required=True)],
        request=EmailEventsSerializer,
        responses={
            200: EmailEventsResultSerializer,
            **error_responses(INVALID_INPUT, EmailWebhookForbidden),
        },
    )
    def post(self, request):
        email_events.email_webhook_check_secret(secret=request.headers.get(email_events.SECRET_HEADER))
        serializer = EmailEventsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        events = serializer.validated_data["events"]
        marked = email_events.notification_email_events(events=events)
        return Response({"received": len(events), "marked_undeliverable": marked})
