"""The back office's side (`/api/manage/salons/{id}/…`, the back office's door: a salon's managers and
platform admins): the salon's packages (list, create, change, delete or take off sale), the packages
and gift cards its customers bought, and refunding what is left of one."""

import uuid

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.response import Response

from apps.backoffice.api.common import ManageView, validated
from apps.backoffice.errors import ManagersOnly
from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import SalonNotFound, ServiceNotFound

from .. import refunds, selectors, services
from ..errors import PackageNotFound, PurchaseGatewayError, PurchaseNotFound, PurchaseNotRefundable
from .serializers import PackageSerializer, PackageWriteSerializer, SalonPurchaseSerializer

TAG = "manage"
DOOR = (ManagersOnly, SalonNotFound)


class ManagePackageListCreateView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_packages_list",
        summary="The salon's packages",
        responses={200: PackageSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        packages = selectors.package_list_for_salon(user=request.user, salon_id=salon_id)
        return Response(PackageSerializer(packages, many=True).data)

    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_packages_create",
        summary="Add a package",
        request=PackageWriteSerializer,
        responses={201: PackageSerializer, **error_responses(INVALID_INPUT, DOOR, ServiceNotFound)},
    )
    def post(self, request, salon_id: int):
        fields = validated(PackageWriteSerializer, request.data)
        package = services.package_create(actor=request.user, salon_id=salon_id, fields=fields)
        return Response(PackageSerializer(package).data, status=status.HTTP_201_CREATED)


class ManagePackageDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_packages_partial_update",
        summary="Change a package",
        description="What customers already bought keeps the sessions and the price they paid for.",
        request=PackageWriteSerializer(partial=True),
        responses={200: PackageSerializer, **error_responses(INVALID_INPUT, DOOR, PackageNotFound, ServiceNotFound)},
    )
    def patch(self, request, salon_id: int, package_id: int):
        changes = validated_partial(request.data)
        package = services.package_update(actor=request.user, salon_id=salon_id, package_id=package_id, changes=changes)
        return Response(PackageSerializer(package).data)

    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_packages_destroy",
        summary="Delete a package",
        description="A package nobody bought is deleted (204); one that was bought is taken off sale (200).",
        responses={200: PackageSerializer, 204: None, **error_responses(DOOR, PackageNotFound)},
    )
    def delete(self, request, salon_id: int, package_id: int):
        package = services.package_delete(actor=request.user, salon_id=salon_id, package_id=package_id)
        if package is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(PackageSerializer(package).data)


def validated_partial(data) -> dict:
    serializer = PackageWriteSerializer(data=data, partial=True)
    serializer.is_valid(raise_exception=True)
    return {name: value for name, value in serializer.validated_data.items() if name in data}


class ManagePurchaseListView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_purchases_list",
        summary="Packages and gift cards sold",
        description="The salon's paid purchases, newest first, with the sessions or balance left.",
        responses={200: SalonPurchaseSerializer(many=True), **error_responses(DOOR)},
    )
    def get(self, request, salon_id: int):
        sold = selectors.purchase_list_for_salon(user=request.user, salon_id=salon_id)[:200]
        return Response(SalonPurchaseSerializer(sold, many=True).data)


class ManagePurchaseRefundView(ManageView):
    @extend_schema(
        tags=[TAG],
        operation_id="manage_salons_purchases_refund",
        summary="Refund what is left of a purchase",
        description="Refunds the unused sessions of a package (pro rata) or the balance of a gift card, through "
        "the gateway; used sessions and spent amounts stay the salon's. The package or card cannot be used "
        "afterwards.",
        request=None,
        responses={
            200: SalonPurchaseSerializer,
            **error_responses(DOOR, PurchaseNotFound, PurchaseNotRefundable, PurchaseGatewayError),
        },
    )
    def post(self, request, salon_id: int, purchase_id: uuid.UUID):
        purchase = refunds.purchase_refund(actor=request.user, salon_id=salon_id, purchase_id=purchase_id)
        purchase = selectors.purchase_list_for_salon(user=request.user, salon_id=salon_id).get(pk=purchase.pk)
        return Response(SalonPurchaseSerializer(purchase).data)
