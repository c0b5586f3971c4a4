"""Google and Apple sign-in (docs/adr/0014-social-sign-in-linking.md). Thin: a serializer, one
service or selector, the answer (with the refresh-token cookie like a phone sign-in)."""

from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.api import refresh_cookie
from apps.accounts.errors import (
    AUTHENTICATION_ERRORS,
    AccountDisabled,
    OTPAttemptsExceeded,
    OTPCheckUnavailable,
    OTPExpired,
    OTPInvalid,
    OTPSuperseded,
    OTPUsed,
    OTPVerifyThrottled,
)
from apps.core.exceptions import NotFound
from apps.core.openapi import INVALID_INPUT, error_responses

from .. import selectors
from ..errors import (
    PHONE_REQUIRED_CODE,
    PHONE_REQUIRED_MESSAGE,
    IdentityAlreadyLinked,
    IdTokenExpired,
    IdTokenInvalid,
    IdTokenWrongAudience,
    IdTokenWrongIssuer,
    LastSignInMethod,
    LinkTokenInvalid,
    NonceInvalid,
    ProviderNotConfigured,
    ProviderUnavailable,
)
from ..providers import key_source, uses_development
from ..providers.development import DevelopmentKeySource
from ..services import SocialSignIn, social_identity_unlink, social_link_complete, social_nonce_issue, social_sign_in
from .serializers import (
    DevelopmentTokenRequestSerializer,
    DevelopmentTokenSerializer,
    PhoneRequiredSerializer,
    SocialIdentitySerializer,
    SocialLinkSerializer,
    SocialNonceSerializer,
    SocialProviderListSerializer,
    SocialSignedInSerializer,
    SocialSignInRequestSerializer,
)

TOKEN_ERRORS = (IdTokenInvalid, IdTokenExpired, IdTokenWrongAudience, IdTokenWrongIssuer, NonceInvalid)
OTP_ERRORS = (OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded)


def _signed_in(request: Request, result: SocialSignIn) -> Response:
    response = Response(SocialSignedInSerializer(result).data)
    return refresh_cookie.move_refresh_to_cookie(response) if refresh_cookie.uses_cookie(request) else response


class ProviderListView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_social_providers",
        summary="The sign-in providers that are on",
        responses={200: SocialProviderListSerializer},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        return Response(SocialProviderListSerializer({"providers": selectors.provider_list()}).data)


class NonceView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_social_nonce",
        summary="A single-use nonce for a Google or Apple sign-in",
        description="Give it to Google Identity Services or Sign in with Apple, then send it with the ID token.",
        request=None,
        responses={201: SocialNonceSerializer},
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        return Response(SocialNonceSerializer(social_nonce_issue()).data, status=status.HTTP_201_CREATED)


class SocialSignInView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]
    provider = ""

    def post(self, request: Request) -> Response:
        serializer = SocialSignInRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        name = data.get("user", {}).get("name", {}) if self.provider == "apple" else {}
        result = social_sign_in(
            provider=self.provider,
            id_token=data["id_token"],
            nonce=data["nonce"],
            first_name=name.get("firstName", ""),
            last_name=name.get("lastName", ""),
        )
        if result.tokens is not None:
            return _signed_in(request, result)
        body = {
            "code": PHONE_REQUIRED_CODE,
            "detail": str(PHONE_REQUIRED_MESSAGE),
            "link_token": result.link_token,
            "link_token_expires_in": settings.SOCIAL_LINK_TOKEN_MINUTES * 60,
            "provider": self.provider,
            "email": result.pending.email if result.pending else "",
        }
        return Response(PhoneRequiredSerializer(body).data, status=status.HTTP_202_ACCEPTED)


_SIGN_IN_SCHEMA = {
    "description": (
        "Checks the provider's ID token (signature by the provider's published keys, issuer, audience, expiry, "
        "and our single-use nonce). A linked identity signs in: 200 with the same tokens as a phone sign-in "
        "(`X-Auth-Cookie: 1` sets the refresh cookie). A new identity: 202 `phone_required` with a link token "
        "for POST /api/auth/social/link/."
    ),
    "parameters": [refresh_cookie.OPT_IN_PARAMETER],
    "request": SocialSignInRequestSerializer,
    "responses": {
        200: SocialSignedInSerializer,
        202: PhoneRequiredSerializer,
        **error_responses(INVALID_INPUT, TOKEN_ERRORS, AccountDisabled, ProviderNotConfigured, ProviderUnavailable),
    },
    "tags": ["auth"],
}


class GoogleSignInView(SocialSignInView):
    provider = "google"

    @extend_schema(operation_id="auth_social_google", summary="Sign in with Google", **_SIGN_IN_SCHEMA)
    def post(self, request: Request) -> Response:
        return super().post(request)


class AppleSignInView(SocialSignInView):
    provider = "apple"

    @extend_schema(operation_id="auth_social_apple", summary="Sign in with Apple", **_SIGN_IN_SCHEMA)
    def post(self, request: Request) -> Response:
        return super().post(request)


class LinkView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_social_link",
        summary="Link a Google or Apple identity to a verified phone",
        description=(
            "After `phone_required`: request a sign-in code for the phone (POST /api/auth/phone/request/), then "
            "send its `request_id` and code with the link token. The phone's account (created if new) gets the "
            "identity and is signed in. 409 `identity_already_linked` when the identity belongs to an account."
        ),
        parameters=[refresh_cookie.OPT_IN_PARAMETER],
        request=SocialLinkSerializer,
        responses={
            200: SocialSignedInSerializer,
            **error_responses(
                INVALID_INPUT,
                LinkTokenInvalid,
                OTP_ERRORS,
                AccountDisabled,
                IdentityAlreadyLinked,
                OTPVerifyThrottled,
                OTPCheckUnavailable,
            ),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = SocialLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return _signed_in(request, social_link_complete(**serializer.validated_data))


class IdentityListView(APIView):
    @extend_schema(
        operation_id="auth_social_identities_list",
        summary="My linked Google and Apple sign-ins",
        responses={200: SocialIdentitySerializer(many=True), **error_responses(AUTHENTICATION_ERRORS)},
        tags=["auth"],
    )
    def get(self, request: Request) -> Response:
        return Response(SocialIdentitySerializer(selectors.identity_list(user=request.user), many=True).data)


class IdentityDetailView(APIView):
    http_method_names = ["delete", "options"]

    @extend_schema(
        operation_id="auth_social_identities_destroy",
        summary="Unlink a Google or Apple sign-in",
        description="Allowed while the account has a verified phone (it always signs in by SMS).",
        responses={
            204: OpenApiResponse(description="Unlinked."),
            **error_responses(AUTHENTICATION_ERRORS, NotFound, LastSignInMethod),
        },
        tags=["auth"],
    )
    def delete(self, request: Request, identity_id) -> Response:
        social_identity_unlink(user=request.user, identity_id=identity_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DevelopmentTokenView(APIView):
    """DEVELOPMENT ONLY: the stand-in provider's sign-in (404 when the provider is real or off)."""

    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_social_development_token",
        summary="Development only: an ID token from the stand-in provider",
        request=DevelopmentTokenRequestSerializer,
        responses={200: DevelopmentTokenSerializer, **error_responses(INVALID_INPUT, ProviderNotConfigured)},
        tags=["auth"],
    )
    def post(self, request: Request, provider: str) -> Response:
        source = key_source(provider)
        if not uses_development(provider) or not isinstance(source, DevelopmentKeySource):
            raise ProviderNotConfigured()
        serializer = DevelopmentTokenRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = source.sign(**serializer.validated_data)
        return Response(DevelopmentTokenSerializer({"id_token": token}).data)
