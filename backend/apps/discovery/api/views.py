"""The public salon list. No sign-in needed; a signed-in user is still authenticated so that their
preferred language applies."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.selectors import with_is_favourite

from .. import selectors
from .filters import SalonFilter
from .serializers import CitySerializer, SalonListSerializer


@extend_schema(summary="List salons", responses={200: SalonListSerializer, **error_responses(INVALID_INPUT)})
class SalonListView(ListAPIView):
    """Active salons, paginated, searchable and filterable; best rated first unless `ordering` says otherwise."""

    throttle_scope = "search"
    permission_classes = [AllowAny]
    serializer_class = SalonListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SalonFilter

    def get_queryset(self):
        return with_is_favourite(selectors.salon_list(), user=self.request.user)


class CityListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(summary="List the cities with salons", responses={200: CitySerializer(many=True)})
    def get(self, request: Request) -> Response:
        """The cities the salon list can be filtered by: those with at least one active salon (not paginated)."""
        return Response(CitySerializer(selectors.city_list(), many=True).data)
