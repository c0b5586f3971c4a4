"""`/api/auth/passkeys/`: the WebAuthn ceremonies and the signed-in user's passkeys (ADR 0013)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.api import refresh_cookie
from apps.accounts.api.serializers import PhoneSignInSerializer
from apps.accounts.errors import AUTHENTICATION_ERRORS, AccountDisabled
from apps.core.openapi import INVALID_INPUT, error_responses

from ..errors import (
    CEREMONY_ERRORS,
    PasskeyCloned,
    PasskeyExists,
    PasskeyNotFound,
    PasskeyPhoneUnverified,
    PasskeyRemoved,
    PasskeyUnknown,
)
from ..selectors import passkey_list
from ..services import (
    passkey_login_options,
    passkey_login_verify,
    passkey_register_options,
    passkey_register_verify,
    passkey_remove,
)
from .serializers import LoginVerifySerializer, PasskeySerializer, RegisterVerifySerializer

TAG = "passkeys"
OPTIONS_RESPONSE = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="WebAuthn options as JSON (binary fields base64url), for `navigator.credentials` "
    "after decoding `challenge`, `user.id` and the credential ids.",
)


class RegisterOptionsView(APIView):
    throttle_scope = "auth"

    @extend_schema(
        operation_id="auth_passkeys_register_options",
        summary="Start adding a passkey",
        description="Options for `navigator.credentials.create()`: a discoverable credential with user "
        "verification; the challenge can be used once within 5 minutes. Needs a verified phone.",
        request=None,
        responses={
            200: OPTIONS_RESPONSE,
            **error_responses(AUTHENTICATION_ERRORS, (PasskeyPhoneUnverified, AccountDisabled)),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        return Response(passkey_register_options(user=request.user))


class RegisterVerifyView(APIView):
    throttle_scope = "auth"

    @extend_schema(
        operation_id="auth_passkeys_register_verify",
        summary="Finish adding a passkey",
        request=RegisterVerifySerializer,
        responses={
            201: PasskeySerializer,
            **error_responses(
                INVALID_INPUT,
                CEREMONY_ERRORS,
                AUTHENTICATION_ERRORS,
                (PasskeyPhoneUnverified, AccountDisabled),
                PasskeyExists,
            ),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        passkey = passkey_register_verify(user=request.user, **serializer.validated_data)
        return Response(PasskeySerializer(passkey).data, status=status.HTTP_201_CREATED)


class LoginOptionsView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_passkeys_login_options",
        summary="Start signing in with a passkey",
        description="Options for `navigator.credentials.get()` with no allowed list (discoverable "
        "credentials: no phone number to type) and user verification required.",
        request=None,
        auth=[],
        responses={200: OPTIONS_RESPONSE},
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        return Response(passkey_login_options())


class LoginVerifyView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_passkeys_login_verify",
        summary="Sign in with a passkey",
        description="Checks the assertion and returns the same answer as a phone sign-in (`created` is "
        "false). With `X-Auth-Cookie: 1` the refresh token is set as an httpOnly cookie.",
        parameters=[refresh_cookie.OPT_IN_PARAMETER],
        request=LoginVerifySerializer,
        auth=[],
        responses={
            200: PhoneSignInSerializer,
            **error_responses(
                INVALID_INPUT, CEREMONY_ERRORS, (PasskeyUnknown, PasskeyRemoved, PasskeyCloned), AccountDisabled
            ),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        serializer = LoginVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sign_in = passkey_login_verify(**serializer.validated_data)
        response = Response(PhoneSignInSerializer(sign_in).data)
        return refresh_cookie.move_refresh_to_cookie(response) if refresh_cookie.uses_cookie(request) else response


class PasskeyListView(APIView):
    @extend_schema(
        operation_id="auth_passkeys_list",
        summary="My passkeys",
        responses={200: PasskeySerializer(many=True), **error_responses(AUTHENTICATION_ERRORS)},
        tags=[TAG],
    )
    def get(self, request: Request) -> Response:
        return Response(PasskeySerializer(passkey_list(user=request.user), many=True).data)


class PasskeyDetailView(APIView):
    @extend_schema(
        operation_id="auth_passkeys_remove",
        summary="Remove a passkey",
        description="It can no longer sign in (an attempt is refused as `passkey_removed`).",
        responses={
            204: OpenApiResponse(description="Removed."),
            **error_responses(AUTHENTICATION_ERRORS, PasskeyNotFound),
        },
        tags=[TAG],
    )
    def delete(self, request: Request, passkey_id: int) -> Response:
        passkey_remove(user=request.user, passkey_id=passkey_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
