"""The payments API: thin views that validate input, call one service or selector and serialize."""

import uuid

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.bookings.errors import BookingNotFound
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.serializers import validated

from .. import selectors, services, webhooks
from ..errors import (
    BookingHoldExpired,
    BookingNotPayable,
    IdempotencyInProgress,
    IdempotencyKeyInvalid,
    IdempotencyKeyRequired,
    IdempotencyKeyReused,
    PaymentGatewayError,
    PaymentGatewayUnavailable,
    PaymentInProgress,
    PaymentMethodUnavailable,
    PaymentNotFound,
    PaymentRejected,
    WebhookInvalid,
    WebhookUnauthorized,
)
from ..idempotency import HEADER, Claim, StoredResponse, idempotency_key_from, idempotent_call, request_fingerprint
from .serializers import (
    PaymentConfigSerializer,
    PaymentCreateInputSerializer,
    PaymentSerializer,
    WebhookEventSerializer,
    WebhookResultSerializer,
)

TAG = "payments"
PAYMENT_ID = OpenApiParameter("payment_id", uuid.UUID, OpenApiParameter.PATH)
GATEWAY_ERRORS = (PaymentGatewayUnavailable, PaymentGatewayError)


class PaymentConfigView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        summary="Payment settings for the browser",
        description="The provider, Moyasar's publishable key, the enabled methods, the currency and card networks.",
        responses={200: PaymentConfigSerializer},
    )
    def get(self, request):
        return Response(PaymentConfigSerializer(selectors.payment_config()).data)


class PaymentCreateView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Pay for a booking",
        description=(
            "Starts paying the caller's pending booking (at a salon that requires prepayment, while its hold "
            "lives) from a source made in the browser: a card token, an Apple Pay token or an STC Pay mobile "
            "number. The amount and currency are the booking's. The answer is `initiated` with a "
            "`transaction_url` to send the browser to (3-D Secure or the OTP), or already `paid`, or `failed` "
            "(a decline is a 201 with `status: failed` and a `failure_message` to show the customer).\n\n"
            f"The `{HEADER}` header is required: repeating a request with the same key and body returns the "
            "first response (same status, same bytes) without paying again. After a 502 the key stays bound "
            "to the payment the request started: retrying with the same key continues that payment (the "
            "gateway is asked for it again under the same id) and never starts a second one.\n\n"
            "One attempt at a time per booking: the booking's earlier attempts are checked with the gateway "
            "first. One found paid is returned (no new payment is made); one still open at the gateway (its "
            "3-D Secure or OTP step not finished) or still being created refuses a new attempt with 409 "
            "`payment_in_progress`, whose body's `payment` is that attempt's id (`GET /api/payments/{id}/` "
            "gives its `transaction_url`). Failed or declined attempts never stand in the way."
        ),
        parameters=[OpenApiParameter(HEADER, str, OpenApiParameter.HEADER, required=True)],
        request=PaymentCreateInputSerializer,
        responses={
            201: PaymentSerializer,
            **error_responses(
                INVALID_INPUT,
                IdempotencyKeyRequired,
                IdempotencyKeyInvalid,
                PaymentMethodUnavailable,
                PaymentRejected,
                BookingNotFound,
                BookingNotPayable,
                BookingHoldExpired,
                PaymentInProgress,
                IdempotencyInProgress,
                IdempotencyKeyReused,
                GATEWAY_ERRORS,
                notes={400: "`payment_rejected`: the gateway refused the source; `errors` holds its field messages."},
            ),
        },
    )
    def post(self, request):
        key = idempotency_key_from(request.headers)
        data = validated(PaymentCreateInputSerializer, request.data)

        def create(claim: Claim) -> StoredResponse:
            payment = services.payment_create(
                user=request.user,
                booking_id=data["booking"],
                source=data["source"],
                retry_of=uuid.UUID(claim.resource_id) if claim.resource_id else None,
                on_created=lambda payment: claim.bind(payment.id),
            )
            return StoredResponse(201, JSONRenderer().render(PaymentSerializer(payment).data))

        response = idempotent_call(
            user=request.user,
            key=key,
            fingerprint=request_fingerprint(scope="payment_create", data=request.data),
            operation=create,
        )
        return HttpResponse(response.body, status=response.status_code, content_type="application/json")


class PaymentDetailView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="A payment",
        description="Only the customer who made it sees it; for anyone else it does not exist.",
        parameters=[PAYMENT_ID],
        responses={200: PaymentSerializer, **error_responses(PaymentNotFound)},
    )
    def get(self, request, payment_id: uuid.UUID):
        payment = selectors.payment_get_for_user(user=request.user, payment_id=payment_id)
        return Response(PaymentSerializer(payment).data)


class PaymentRefreshView(APIView):
    @extend_schema(
        tags=[TAG],
        summary="Check a payment with the gateway",
        description=(
            "Called by the return page after 3-D Secure or the OTP: the server fetches the payment from the "
            "gateway (the return URL's parameters are not trusted) and updates it and its booking, which is "
            "confirmed once paid."
        ),
        parameters=[PAYMENT_ID],
        request=None,
        responses={200: PaymentSerializer, **error_responses(PaymentNotFound, GATEWAY_ERRORS)},
    )
    def post(self, request, payment_id: uuid.UUID):
        payment = services.payment_refresh(user=request.user, payment_id=payment_id)
        return Response(PaymentSerializer(payment).data)


class PaymentWebhookView(APIView):
    throttle_scope = "webhooks"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        summary="Moyasar webhook",
        description=(
            "Receives Moyasar's events. The body's `secret_token` must match our webhook secret (otherwise "
            "nothing is recorded). Each event id is processed once; the payment is fetched from Moyasar (one "
            "attempt, a short timeout) before anything changes."
        ),
        request=WebhookEventSerializer,
        responses={
            200: WebhookResultSerializer,
            **error_responses(
                WebhookInvalid,
                WebhookUnauthorized,
                PaymentGatewayUnavailable,
                notes={
                    400: "A malformed envelope, including a NUL character in `id` or `type`.",
                    502: "Moyasar cannot be asked; it delivers the event again.",
                },
            ),
        },
    )
    def post(self, request):
        payload = request.data if isinstance(request.data, dict) else {}
        outcome = webhooks.webhook_receive(payload=payload)
        return Response(WebhookResultSerializer({"status": outcome}).data)
