import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.api.serializers import UserSerializer
from apps.accounts.errors import (
    AUTHENTICATION_ERRORS,
    OTPAttemptsExceeded,
    OTPCheckUnavailable,
    OTPExpired,
    OTPInvalid,
    OTPSuperseded,
    OTPUsed,
    OTPVerifyThrottled,
    PhoneTaken,
    PhoneUnchanged,
)
from apps.accounts.phone import ascii_digits
from apps.core.openapi import INVALID_INPUT, error_responses

from ..deletion import account_delete_with_code
from ..errors import StaffAccount
from ..phone_change import phone_change_with_code
from ..services import personal_data_export

TAG = "auth"


class PersonalDataExportView(APIView):
    throttle_scope = "exports"

    @extend_schema(
        operation_id="auth_me_export",
        summary="Download everything held about me",
        description=(
            "One JSON document with every section of the signed-in person's data: profile, bookings with "
            "their events, reviews, payments and refunds, invoices, notifications, one-time-code requests "
            "(never codes), sign-in sessions and the salons' records about them. Served as an attachment "
            "(`salon-data-<date>.json`); each download is recorded in the register of data-subject requests."
        ),
        responses={
            200: OpenApiResponse(OpenApiTypes.OBJECT, description="The document, as an attachment."),
            **error_responses(AUTHENTICATION_ERRORS),
        },
        tags=[TAG],
    )
    def get(self, request: Request) -> HttpResponse:
        now = timezone.now()
        document = personal_data_export(user=request.user, now=now)
        response = HttpResponse(
            json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="salon-data-{now:%Y-%m-%d}.json"'
        return response


class AccountDeleteInputSerializer(serializers.Serializer):
    request_id = serializers.CharField(max_length=64)
    code = serializers.CharField(max_length=16, help_text=_("The code sent for `delete_account`."))

    def validate_code(self, value: str) -> str:
        return ascii_digits(value).strip()


class AccountDeletedSerializer(serializers.Serializer):
    cancelled_bookings = serializers.ListField(
        child=serializers.CharField(), help_text=_("References of the future bookings cancelled.")
    )
    sessions_revoked = serializers.IntegerField()


class AccountDeleteView(APIView):
    @extend_schema(
        operation_id="auth_me_delete",
        summary="Delete my account",
        description=(
            "Request a code first: `POST /api/auth/phone/request/` with your own number and "
            "`purpose: delete_account`. With the right code: future bookings are cancelled (paid ones "
            "refunded), personal data erased or anonymised, tax records kept without identifiers that are "
            "not needed, every session revoked; the number may sign up again as a new person. A wrong or "
            "expired code changes nothing. Only customers' accounts (`staff_account` otherwise)."
        ),
        request=AccountDeleteInputSerializer,
        responses={
            200: AccountDeletedSerializer,
            **error_responses(
                INVALID_INPUT,
                (OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded),
                OTPVerifyThrottled,
                AUTHENTICATION_ERRORS,
                StaffAccount,
                OTPCheckUnavailable,
            ),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        serializer = AccountDeleteInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = account_delete_with_code(user=request.user, **serializer.validated_data)
        return Response(AccountDeletedSerializer(result).data)


class PhoneChangeInputSerializer(serializers.Serializer):
    request_id = serializers.CharField(max_length=64)
    code = serializers.CharField(max_length=16, help_text=_("The code sent to the new number for `change_phone`."))

    def validate_code(self, value: str) -> str:
        return ascii_digits(value).strip()


class PhoneChangeView(APIView):
    @extend_schema(
        operation_id="auth_me_phone_change",
        summary="Change my phone number",
        description=(
            "Request a code first: `POST /api/auth/phone/request/` with the new number and "
            "`purpose: change_phone`. With the right code the account moves to the new number (recorded in the "
            "register of data-subject requests as a correction, and in the audit log). A wrong or expired code "
            "changes nothing. A number that meanwhile belongs to another account is 409 `phone_taken`."
        ),
        request=PhoneChangeInputSerializer,
        responses={
            200: UserSerializer,
            **error_responses(
                INVALID_INPUT,
                (OTPInvalid, OTPExpired, OTPUsed, OTPSuperseded, OTPAttemptsExceeded, PhoneUnchanged),
                OTPVerifyThrottled,
                AUTHENTICATION_ERRORS,
                PhoneTaken,
                OTPCheckUnavailable,
            ),
        },
        tags=[TAG],
    )
    def post(self, request: Request) -> Response:
        serializer = PhoneChangeInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = phone_change_with_code(user=request.user, **serializer.validated_data)
        return Response(UserSerializer(user).data)
