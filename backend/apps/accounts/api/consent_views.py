from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses

from ..consents import consent_history, consent_state, consent_update
from ..errors import AUTHENTICATION_ERRORS
from ..models import ConsentSource
from .consent_serializers import ConsentsPatchSerializer, ConsentsSerializer

CONSENTS_DESCRIPTION = (
    "Which messages the signed-in person agrees to receive, per purpose and channel, with the history of "
    "their choices (time, source: `app`, `sms_keyword`, `admin` or `signup`, and the version of the consent "
    "wording they were shown). **Booking messages** (confirmations, changes, cancellations, payments and "
    "refunds) are part of the service while a booking exists: they are always sent and are not listed here. "
    "`reminders` are on by default by SMS and WhatsApp (off by email); `marketing` is off by default on every "
    "channel. Replying STOP (or إيقاف) to an SMS withdraws reminders and marketing by SMS."
)


def _consents_body(user) -> dict:
    state = consent_state(user=user)
    return ConsentsSerializer({**state, "history": consent_history(user=user)}).data


class MyConsentsView(APIView):
    http_method_names = ["get", "patch", "options"]

    @extend_schema(
        operation_id="auth_me_consents_retrieve",
        summary="My consents to be messaged",
        description=CONSENTS_DESCRIPTION,
        responses={200: ConsentsSerializer, **error_responses(AUTHENTICATION_ERRORS)},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        return Response(_consents_body(request.user))

    @extend_schema(
        operation_id="auth_me_consents_update",
        summary="Grant or withdraw consents",
        description=(
            'A partial of the two objects, e.g. `{"marketing": {"sms": true}}`; one history row is recorded '
            "per choice that actually changes. Unknown purposes or channels, and values other than `true` or "
            "`false`, are refused with field errors. " + CONSENTS_DESCRIPTION
        ),
        request=ConsentsPatchSerializer,
        responses={200: ConsentsSerializer, **error_responses(INVALID_INPUT, AUTHENTICATION_ERRORS)},
        tags=["auth"],
    )
    def patch(self, request: Request) -> Response:
        serializer = ConsentsPatchSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        consent_update(user=request.user, changes=serializer.validated_data, source=ConsentSource.APP)
        return Response(_consents_body(request.user))
