"""`/api/manage/salons/{id}/zatca/`: the salon's e-invoicing unit in the back office (managers only)."""

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from apps.backoffice.api.common import ManageView
from apps.backoffice.errors import ManagersOnly
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.serializers import validated
from apps.salons.errors import SalonNotFound

from ..errors import ONBOARDING_ERRORS, RENEWAL_ERRORS
from ..selectors import unit_status
from ..services import unit_onboard_or_renew
from .serializers import ZatcaOnboardSerializer, ZatcaUnitSerializer

TAG = "manage"
DOOR = (ManagersOnly, SalonNotFound)


class ZatcaUnitView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="The salon's e-invoicing unit (ZATCA)",
        responses={200: ZatcaUnitSerializer, **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        return Response(ZatcaUnitSerializer(unit_status(salon=self.salon(salon_id))).data)

    @extend_schema(
        tags=[TAG],
        summary="Onboard the salon's e-invoicing unit, or renew its certificate",
        description="With a one-time password from the Fatoora portal: onboards a unit that is not active "
        "(key, CSR, compliance certificate and checks, production certificate), renews the certificate of "
        "an active or expiring one. Answers the unit as `GET` does.",
        request=ZatcaOnboardSerializer,
        responses={
            200: ZatcaUnitSerializer,
            **error_responses(INVALID_INPUT, *ONBOARDING_ERRORS, *RENEWAL_ERRORS, DOOR),
        },
    )
    def post(self, request, salon_id: int):
        salon = self.salon(salon_id)
        otp = validated(ZatcaOnboardSerializer, request.data)["otp"].strip()
        unit_onboard_or_renew(salon_id=salon.pk, otp=otp, actor=request.user)
        return Response(ZatcaUnitSerializer(unit_status(salon=salon)).data)
