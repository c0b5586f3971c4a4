"""The salon's payouts and payout details (legal name, IBAN) in the back office."""

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from apps.accounts.errors import (
    OTPCheckUnavailable,
    OTPCooldown,
    OTPDailyLimit,
    OTPIPLimited,
    OTPSendUnavailable,
    OTPTooManyRequests,
    OTPVerifyThrottled,
)
from apps.backoffice.api.common import ManageView, validated
from apps.core.net import client_ip
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination

from ..errors import CodeInvalid, CodeRequired, InvalidIban
from ..models import Payout
from ..payout_details import (
    UNCHANGED,
    payout_code_expires_in,
    payout_code_send,
    payout_details_get,
    payout_details_update,
)
from .balance import DOOR, TAG
from .serializers import (
    PayoutCodeRequestSerializer,
    PayoutCodeSentSerializer,
    PayoutDetailsSerializer,
    PayoutDetailsUpdateSerializer,
    PayoutSerializer,
)


class PayoutListView(ManageView):
    pagination_class = StandardPagination

    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_payouts_list",
        summary="The salon's payouts",
        description=(
            "Newest first. `created`: to be sent by the bank (the money is in transit); `sent`: the bank executed "
            "the transfer (`bank_reference`); `returned`: the bank refused it or sent the money back, which is "
            "then in the salon's balance again."
        ),
        responses={200: PayoutSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(
            Payout.objects.filter(salon=salon).order_by("-created_at", "-id"), request, self
        )
        return paginator.get_paginated_response(PayoutSerializer(page, many=True).data)


class PayoutDetailsView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_payout_details",
        summary="The salon's payout details",
        description="The legal name (the beneficiary of payouts), the VAT number and the IBAN, masked.",
        responses={200: PayoutDetailsSerializer, **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        return Response(PayoutDetailsSerializer(payout_details_get(salon=self.salon(salon_id))).data)

    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_payout_details_update",
        summary="Change the salon's legal name or IBAN",
        description=(
            "`legal_name` changes without a code. A new `iban` needs `code`: a fresh one-time code sent to your "
            "own phone by `POST …/payout-details/code/`. Sending the IBAN already set changes nothing and needs "
            "no code. Every change is written to the audit log (the IBAN masked)."
        ),
        request=PayoutDetailsUpdateSerializer,
        responses={
            200: PayoutDetailsSerializer,
            **error_responses(
                INVALID_INPUT, InvalidIban, CodeRequired, CodeInvalid, DOOR, OTPVerifyThrottled, OTPCheckUnavailable
            ),
        },
    )
    def patch(self, request, salon_id: int):
        self.salon(salon_id)
        data = validated(PayoutDetailsUpdateSerializer, request.data)
        details = payout_details_update(
            actor=request.user,
            salon_id=salon_id,
            legal_name=data["legal_name"].strip() if "legal_name" in data else UNCHANGED,
            iban=data.get("iban", UNCHANGED),
            code=data.get("code", ""),
        )
        return Response(PayoutDetailsSerializer(details).data)


class PayoutCodeView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_payout_details_code",
        summary="Send a code to confirm a new IBAN",
        description=(
            "Sends a one-time code to the signed-in user's own phone, for `PATCH …/payout-details/`. The code is "
            "never in the answer. The limits of sign-in codes apply (per number and per address)."
        ),
        request=PayoutCodeRequestSerializer,
        responses={
            202: PayoutCodeSentSerializer,
            **error_responses(
                INVALID_INPUT,
                DOOR,
                (OTPCooldown, OTPTooManyRequests, OTPDailyLimit, OTPIPLimited),
                OTPSendUnavailable,
                notes={503: "Nothing was sent."},
            ),
        },
    )
    def post(self, request, salon_id: int):
        self.salon(salon_id)
        data = validated(PayoutCodeRequestSerializer, request.data)
        otp = payout_code_send(actor=request.user, channel=data["channel"], ip_address=client_ip(request))
        body = {"channel": otp.channel, "expires_in": payout_code_expires_in()}
        return Response(PayoutCodeSentSerializer(body).data, status=status.HTTP_202_ACCEPTED)
