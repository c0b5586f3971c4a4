"""The public salon list. No sign-in needed; a signed-in user is still authenticated so that their
preferred language applies."""

from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.permissions import AllowAny

from apps.core.openapi import INVALID_INPUT, error_responses

from .. import selectors
from .filters import SalonFilter
from .serializers import SalonListSerializer


@extend_schema(summary="List salons", responses={200: SalonListSerializer, **error_responses(INVALID_INPUT)})
class SalonListView(ListAPIView):
    """Active salons, paginated, searchable and filterable; best rated first unless `ordering` says otherwise."""

    throttle_scope = "search"
    permission_classes = [AllowAny]
    serializer_class = SalonListSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = SalonFilter

    def get_queryset(self):
        return selectors.salon_list()
