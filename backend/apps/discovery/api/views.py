"""The public salon list. No sign-in needed; a signed-in user is still authenticated so that their
preferred language applies."""

from django.conf import settings
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
from ..suggest import suggestion_list
from .filters import SalonFilter
from .serializers import (
    CitySerializer,
    MapConfigSerializer,
    SalonListSerializer,
    SuggestionsSerializer,
    SuggestQuerySerializer,
)


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


class SuggestView(APIView):
    throttle_scope = "search"
    permission_classes = [AllowAny]

    @extend_schema(
        summary="Suggest salons, services and districts as the customer types",
        parameters=[SuggestQuerySerializer],
        responses={200: SuggestionsSerializer, **error_responses(INVALID_INPUT)},
    )
    def get(self, request: Request) -> Response:
        """At most five of each, best match first, matching every word typed the way the salon search
        does (Arabic spelling variants, digits and case aside; typos too on PostgreSQL). A blank `q`
        gives empty lists."""
        query = SuggestQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        suggestions = suggestion_list(query=query.validated_data["q"], city=query.validated_data.get("city"))
        return Response(SuggestionsSerializer(suggestions).data)


class MapConfigView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(summary="Map tiles for the salon maps", responses={200: MapConfigSerializer})
    def get(self, request: Request) -> Response:
        """Where the SPA's maps load their tiles from (settings `MAP_TILE_URL`, `MAP_TILE_ATTRIBUTION`, `MAP_MAX_ZOOM`)."""
        config = {
            "tile_url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "max_zoom": settings.MAP_MAX_ZOOM,
        }
        return Response(MapConfigSerializer(config).data)
