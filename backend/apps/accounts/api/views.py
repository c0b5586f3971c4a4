import contextlib

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.net import client_ip
from apps.core.openapi import INVALID_INPUT, error_responses

from ..email_change import email_verify
from ..errors import (
    AUTHENTICATION_ERRORS,
    AccountDisabled,
    EmailCodeAttemptsExceeded,
    EmailCodeExpired,
    EmailCodeInvalid,
    EmailNotPending,
    EmailTaken,
    OTPAttemptsExceeded,
    OTPCheckUnavailable,
    OTPCooldown,
    OTPDailyLimit,
    OTPExpired,
    OTPInvalid,
    OTPIPLimited,
    OTPSendUnavailable,
    OTPSuperseded,
    OTPTooManyRequests,
    OTPUsed,
    OTPVerifyThrottled,
    PhoneNotOwn,
    PhoneTaken,
    PhoneUnchanged,
    TokenNotValid,
)
from ..models import OTPPurpose
from ..phone_change import phone_change_check_new_number
from ..services import auth_logout, auth_token_refresh, otp_request, otp_verify, user_update
from . import refresh_cookie
from .serializers import (
    EmailVerifySerializer,
    PhoneCodeRequestSerializer,
    PhoneCodeSentSerializer,
    PhoneCodeVerifySerializer,
    PhoneSignInSerializer,
    RefreshTokenSerializer,
    TokenPairSerializer,
    UserSerializer,
    UserUpdateSerializer,
)


class PhoneCodeRequestView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    # Anyone may ask for a sign-in code; a code for a change to an account needs its signed-in owner.
    # The token is only read for such a code (see `perform_authentication`).
    permission_classes = [AllowAny]

    def perform_authentication(self, request: Request) -> None:
        """Lazy: a stale token in the client must not stop anyone asking for a sign-in code."""

    @extend_schema(
        operation_id="auth_phone_request",
        summary="Send a sign-in code",
        description=(
            "Sends a one-time code by SMS or WhatsApp. The answer is the same whether or not the number "
            "has an account; no account is created here. Requests are limited per number, per number and "
            "window, and per client address. With `purpose: delete_account` the caller must be signed in "
            "(Bearer token) and the number must be their own (401 / 403 `phone_not_own`). With "
            "`purpose: change_phone` the caller must be signed in and the number is the new one: not their "
            "current number (400 `phone_unchanged`) nor another account's (409 `phone_taken`)."
        ),
        request=PhoneCodeRequestSerializer,
        auth=[{"jwtAuth": []}, {}],
        responses={
            201: PhoneCodeSentSerializer,
            **error_responses(
                INVALID_INPUT,
                (OTPCooldown, OTPTooManyRequests, OTPDailyLimit, OTPIPLimited),
                OTPSendUnavailable,
                AUTHENTICATION_ERRORS,
                PhoneNotOwn,
                PhoneUnchanged,
                PhoneTaken,
                notes={503: "Nothing was sent."},
            ),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = PhoneCodeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data["purpose"] != OTPPurpose.SIGN_IN:
            # A code for a change to an account: only its signed-in owner may have one sent.
            if not request.user.is_authenticated:
                raise NotAuthenticated()
            if serializer.validated_data["purpose"] == OTPPurpose.CHANGE_PHONE:
                phone_change_check_new_number(user=request.user, phone_number=serializer.validated_data["phone_number"])
            elif request.user.phone_number != serializer.validated_data["phone_number"]:
                raise PhoneNotOwn()
        otp = otp_request(**serializer.validated_data, ip_address=client_ip(request))
        return Response(PhoneCodeSentSerializer(otp).data, status=status.HTTP_201_CREATED)


class PhoneCodeVerifyView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_phone_verify",
        summary="Sign in with a code",
        description=(
            "Checks the code and returns JWTs. The first successful verification of a number creates its "
            "account (`created: true`); names are used for a new account or to fill in missing ones. "
            "An unknown request is answered like a wrong code. With `X-Auth-Cookie: 1` the refresh token is "
            "set as an httpOnly cookie and left out of the body."
        ),
        parameters=[refresh_cookie.OPT_IN_PARAMETER],
        request=PhoneCodeVerifySerializer,
        responses={
            200: PhoneSignInSerializer,
            **error_responses(
                INVALID_INPUT,
                (OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded),
                OTPVerifyThrottled,
                AccountDisabled,
                OTPCheckUnavailable,
            ),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = PhoneCodeVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sign_in = otp_verify(**serializer.validated_data)
        response = Response(PhoneSignInSerializer(sign_in).data)
        return refresh_cookie.move_refresh_to_cookie(response) if refresh_cookie.uses_cookie(request) else response


class TokenRefreshView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_token_refresh",
        summary="Rotate a refresh token",
        description=(
            "Returns a new access and refresh token; the presented refresh token can never be used again. "
            "With `X-Auth-Cookie: 1` the token is read from the httpOnly cookie (send `{}`) and the new one "
            "is set there instead of the body."
        ),
        parameters=[refresh_cookie.OPT_IN_PARAMETER],
        request=RefreshTokenSerializer,
        responses={200: TokenPairSerializer, **error_responses(INVALID_INPUT, TokenNotValid)},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        if refresh_cookie.uses_cookie(request):
            presented = refresh_cookie.presented_token(request)
            if not presented:
                raise TokenNotValid()
            tokens = auth_token_refresh(refresh=presented)
            return refresh_cookie.move_refresh_to_cookie(Response(TokenPairSerializer(tokens).data))
        serializer = RefreshTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens = auth_token_refresh(refresh=serializer.validated_data["refresh"])
        return Response(TokenPairSerializer(tokens).data)


class LogoutView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    # No authentication: an expired access token must not prevent signing out.
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_logout",
        summary="Sign out",
        description=(
            "Blacklists the refresh token. With `X-Auth-Cookie: 1` (send `{}`) the cookie's token is "
            "blacklisted and the cookie cleared; that sign-out always succeeds."
        ),
        parameters=[refresh_cookie.OPT_IN_PARAMETER],
        request=RefreshTokenSerializer,
        responses={
            204: OpenApiResponse(description="Signed out."),
            **error_responses(INVALID_INPUT, TokenNotValid),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        if refresh_cookie.uses_cookie(request):
            presented = refresh_cookie.presented_token(request)
            if presented:
                with contextlib.suppress(TokenNotValid):  # already unusable: clearing the cookie is enough
                    auth_logout(refresh=presented)
            return refresh_cookie.clear_cookie(Response(status=status.HTTP_204_NO_CONTENT))
        serializer = RefreshTokenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        auth_logout(refresh=serializer.validated_data["refresh"])
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    http_method_names = ["get", "patch", "options"]

    @extend_schema(
        operation_id="auth_me_retrieve",
        summary="The signed-in user",
        responses={200: UserSerializer, **error_responses(AUTHENTICATION_ERRORS)},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(request.user).data)

    @extend_schema(
        operation_id="auth_me_update",
        summary="Update the signed-in user's profile",
        description=(
            "A new `email` is not set at once: it becomes `pending_email` and a six-digit code is mailed to it "
            "(confirm with `POST /api/auth/me/email/verify/`). The answer is the same whether or not another "
            "account uses the address. An empty `email` clears the email and any pending one."
        ),
        request=UserUpdateSerializer,
        responses={200: UserSerializer, **error_responses(INVALID_INPUT, AUTHENTICATION_ERRORS)},
        tags=["auth"],
    )
    def patch(self, request: Request) -> Response:
        serializer = UserUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        user = user_update(user=request.user, data=serializer.validated_data)
        return Response(UserSerializer(user).data)


class MeEmailVerifyView(APIView):
    throttle_scope = "auth"

    @extend_schema(
        operation_id="auth_me_email_verify",
        summary="Confirm the pending email with the mailed code",
        description=(
            "Makes `pending_email` the account's verified `email`. Only verified emails are unique: "
            "`email_taken` when another account verified the same address first."
        ),
        request=EmailVerifySerializer,
        responses={
            200: UserSerializer,
            **error_responses(
                INVALID_INPUT,
                (EmailCodeInvalid, EmailCodeExpired, EmailCodeAttemptsExceeded, EmailNotPending, EmailTaken),
                AUTHENTICATION_ERRORS,
            ),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = EmailVerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = email_verify(user=request.user, code=serializer.validated_data["code"])
        return Response(UserSerializer(user).data)
