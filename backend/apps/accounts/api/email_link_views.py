"""Email verification by the link mailed with the code: no sign-in needed (the signed token is the
proof), so the answer names only the verified address."""

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses

from ..email_change import email_verify_link
from ..errors import EmailLinkExpired, EmailLinkInvalid, EmailTaken
from .serializers import EmailVerifiedSerializer, EmailVerifyLinkSerializer


class EmailVerifyLinkView(APIView):
    throttle_scope = "auth"
    throttle_by_ip = True
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_email_verify_link",
        summary="Confirm the pending email with the mailed link's token",
        description=(
            "The link mailed with the code (`<FRONTEND_URL>/email/verify?token=…`) is signed and lives "
            "`EMAIL_LINK_MAX_AGE_HOURS`; it verifies the address only while it is still the pending one. "
            "Verifying clears an `email_undeliverable` mark."
        ),
        request=EmailVerifyLinkSerializer,
        responses={
            200: EmailVerifiedSerializer,
            **error_responses(INVALID_INPUT, (EmailLinkInvalid, EmailLinkExpired, EmailTaken)),
        },
        tags=["auth"],
    )
    def post(self, request: Request) -> Response:
        serializer = EmailVerifyLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = email_verify_link(token=serializer.validated_data["token"])
        return Response({"email": user.email})
