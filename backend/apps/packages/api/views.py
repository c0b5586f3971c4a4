"""The customer's side: packages on sale at a salon, buying a package or a gift card (paid through the
gateway like a booking), one's packages and cards, a card's balance by its code."""

import uuid

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.bookings.errors import THROTTLED
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.serializers import validated
from apps.salons.errors import SalonNotFound

from .. import purchases, selectors
from ..errors import (
    GiftCardAmountInvalid,
    GiftCardNotFound,
    PackageNotFound,
    PackageNotOnSale,
    PurchaseGatewayError,
    PurchaseNotFound,
    PurchaseRejected,
)
from ..models import Purchase
from .serializers import (
    GiftCardBuySerializer,
    GiftCardCheckSerializer,
    GiftCardConfigSerializer,
    GiftCardSerializer,
    MyPackageSerializer,
    PackageBuySerializer,
    PackageSerializer,
    PurchaseSerializer,
)

TAG = "packages"
BUY_ERRORS = (INVALID_INPUT, PurchaseRejected, PurchaseGatewayError, AUTHENTICATION_ERRORS)


class SalonPackageListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        operation_id="salons_packages_list",
        summary="The packages a salon sells",
        responses={200: PackageSerializer(many=True), **error_responses(SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        packages = selectors.package_list_on_sale(salon_id=salon_id)
        return Response(PackageSerializer(packages, many=True).data)


class PackagePurchaseListCreateView(APIView):
    @extend_schema(
        tags=[TAG],
        operation_id="packages_purchases_list",
        summary="My packages",
        description="The caller's paid packages: sessions left and until when they can be booked. When a booking "
        "uses a session (`package` in the booking's body), one fewer is left; cancelling it gives the session back.",
        responses={200: MyPackageSerializer(many=True), **error_responses(AUTHENTICATION_ERRORS)},
    )
    def get(self, request):
        bought = selectors.package_purchase_list_for(user=request.user)
        return Response(MyPackageSerializer(bought, many=True, context={"now": timezone.now()}).data)

    @extend_schema(
        tags=[TAG],
        operation_id="packages_purchases_create",
        summary="Buy a package",
        description="Starts paying for a package like a booking's payment: the answer is `initiated` with a "
        "`transaction_url` to send the browser to, `paid`, or `failed`. After the gateway sends the browser back "
        "to `/purchases/return`, `POST /api/purchases/{id}/refresh/` applies the gateway's report. "
        "The package's validity starts when it is paid.",
        request=PackageBuySerializer,
        responses={
            201: PurchaseSerializer,
            **error_responses(BUY_ERRORS, PackageNotFound, PackageNotOnSale),
        },
    )
    def post(self, request):
        data = validated(PackageBuySerializer, request.data)
        purchase = purchases.package_buy(user=request.user, package_id=data["package"], source=data["source"])
        return Response(PurchaseSerializer(purchase).data, status=status.HTTP_201_CREATED)


class GiftCardListCreateView(APIView):
    @extend_schema(
        tags=[TAG],
        operation_id="gift_cards_list",
        summary="My gift cards",
        description="The paid cards the caller bought, and those bought for the caller's verified mobile number: "
        "code, balance and expiry.",
        responses={200: GiftCardSerializer(many=True), **error_responses(AUTHENTICATION_ERRORS)},
    )
    def get(self, request):
        cards = selectors.gift_card_list_for(user=request.user)
        return Response(GiftCardSerializer(cards, many=True, context={"user_id": request.user.pk}).data)

    @extend_schema(
        tags=[TAG],
        operation_id="gift_cards_create",
        summary="Buy a gift card",
        description="Starts paying for a gift card of `amount` at a salon (paid like a package). Once paid, the card "
        "has a 12-character code; its balance pays bookings at that salon until it expires.",
        request=GiftCardBuySerializer,
        responses={201: PurchaseSerializer, **error_responses(BUY_ERRORS, GiftCardAmountInvalid, SalonNotFound)},
    )
    def post(self, request):
        data = validated(GiftCardBuySerializer, request.data)
        purchase = purchases.gift_card_buy(
            user=request.user,
            salon_id=data["salon"],
            amount=data["amount"],
            source=data["source"],
            recipient_name=data["recipient_name"],
            recipient_phone=data["recipient_phone"],
        )
        return Response(PurchaseSerializer(purchase).data, status=status.HTTP_201_CREATED)


class GiftCardConfigView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=[TAG],
        operation_id="gift_cards_config",
        summary="Gift card amounts and validity",
        responses={200: GiftCardConfigSerializer},
    )
    def get(self, request):
        return Response(GiftCardConfigSerializer(GiftCardConfigSerializer.current()).data)


class GiftCardCheckView(APIView):
    throttle_scope = "gift_card_check"

    @extend_schema(
        tags=[TAG],
        operation_id="gift_cards_check",
        summary="A gift card's balance",
        description="Where a code can be spent, what is left on it and until when. Throttled per user.",
        responses={
            200: GiftCardCheckSerializer,
            **error_responses(GiftCardNotFound, AUTHENTICATION_ERRORS, THROTTLED),
        },
    )
    def get(self, request, code: str):
        return Response(GiftCardCheckSerializer(selectors.gift_card_by_code(code=code)).data)


class PurchaseDetailView(APIView):
    @extend_schema(
        tags=[TAG],
        operation_id="purchases_retrieve",
        summary="One of my purchases",
        responses={200: PurchaseSerializer, **error_responses(PurchaseNotFound, AUTHENTICATION_ERRORS)},
    )
    def get(self, request, purchase_id: uuid.UUID):
        purchase = Purchase.objects.filter(pk=purchase_id, customer=request.user).first()
        if purchase is None:
            raise PurchaseNotFound()
        return Response(PurchaseSerializer(purchase).data)


class PurchaseRefreshView(APIView):
    @extend_schema(
        tags=[TAG],
        operation_id="purchases_refresh",
        summary="Ask the gateway how my purchase stands",
        request=None,
        responses={
            200: PurchaseSerializer,
            **error_responses(PurchaseNotFound, PurchaseGatewayError, AUTHENTICATION_ERRORS),
        },
    )
    def post(self, request, purchase_id: uuid.UUID):
        purchase = purchases.purchase_refresh(user=request.user, purchase_id=purchase_id)
        return Response(PurchaseSerializer(purchase).data)
