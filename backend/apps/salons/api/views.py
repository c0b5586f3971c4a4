"""The public catalogue: a salon, its services and staff, and the service categories (the salon list
is `apps.discovery`'s). No sign-in needed; a signed-in user is still authenticated so that their
preferred language applies."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from apps.core.openapi import INVALID_INPUT, error_responses

from .. import selectors
from ..errors import SalonNotFound
from ..models import Service, StaffMember
from .filters import ServiceFilter, StaffFilter
from .serializers import (
    CategorySerializer,
    SalonDetailSerializer,
    ServiceSerializer,
    StaffSerializer,
)


class SalonDetailView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = SalonDetailSerializer

    @extend_schema(summary="Salon details", responses={200: SalonDetailSerializer, **error_responses(SalonNotFound)})
    def get(self, request: Request, salon_id: int) -> Response:
        """An active salon with its services by category, staff, opening hours and booking policy."""
        salon = selectors.salon_detail(salon_id=salon_id, user=request.user)
        return Response(self.get_serializer(salon).data)


class SalonServicesView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = ServiceSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = ServiceFilter
    pagination_class = None
    queryset = Service.objects.none()  # names the model for the schema; rows come from the selector

    @extend_schema(
        summary="A salon's services",
        responses={200: ServiceSerializer(many=True), **error_responses(INVALID_INPUT, SalonNotFound)},
    )
    def get(self, request: Request, salon_id: int) -> Response:
        """The salon's active services in category and display order (not paginated)."""
        services = self.filter_queryset(selectors.service_list(salon_id=salon_id))
        return Response(self.get_serializer(services, many=True).data)


class SalonStaffView(GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = StaffSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = StaffFilter
    pagination_class = None
    queryset = StaffMember.objects.none()  # names the model for the schema; rows come from the selector

    @extend_schema(
        summary="A salon's staff",
        responses={200: StaffSerializer(many=True), **error_responses(INVALID_INPUT, SalonNotFound)},
    )
    def get(self, request: Request, salon_id: int) -> Response:
        """The salon's active staff in display order (not paginated)."""
        staff = self.filter_queryset(selectors.staff_list(salon_id=salon_id))
        return Response(self.get_serializer(staff, many=True).data)


@extend_schema(summary="List service categories", responses={200: CategorySerializer(many=True)})
class CategoryListView(ListAPIView):
    """The service categories customers can filter salons by (those some active salon offers)."""

    permission_classes = [AllowAny]
    serializer_class = CategorySerializer
    pagination_class = None

    def get_queryset(self):
        return selectors.category_list()
