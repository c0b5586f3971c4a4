"""A signed-in customer's favourite salons: the list (the salon list's cards), add and remove.
Adding and removing are idempotent (204 either way), so a double tap or a retry does no harm."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.generics import ListAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from apps.accounts.errors import AUTHENTICATION_ERRORS
from apps.core.openapi import error_responses

from .. import selectors, services
from ..errors import SalonNotFound
from ..models import Salon
from .serializers import SalonListSerializer


@extend_schema(
    summary="My favourite salons",
    responses={200: SalonListSerializer, **error_responses(AUTHENTICATION_ERRORS)},
    tags=["favourites"],
)
class FavouriteListView(ListAPIView):
    """The signed-in user's favourite active salons, paginated like the salon list, the latest favourite first."""

    serializer_class = SalonListSerializer
    queryset = Salon.objects.none()  # names the model for the schema; rows come from the selector

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return selectors.favourite_salon_list(user=self.request.user)


class FavouriteView(APIView):
    http_method_names = ["put", "delete", "options"]

    @extend_schema(
        operation_id="favourites_add",
        summary="Keep a salon as a favourite",
        request=None,
        responses={
            204: OpenApiResponse(description="The salon is a favourite (it may have been one already)."),
            **error_responses(SalonNotFound, AUTHENTICATION_ERRORS),
        },
        tags=["favourites"],
    )
    def put(self, request: Request, salon_id: int) -> Response:
        services.favourite_add(user=request.user, salon_id=salon_id)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        operation_id="favourites_remove",
        summary="Stop keeping a salon as a favourite",
        request=None,
        responses={
            204: OpenApiResponse(description="The salon is not a favourite (it may not have been one)."),
            **error_responses(AUTHENTICATION_ERRORS),
        },
        tags=["favourites"],
    )
    def delete(self, request: Request, salon_id: int) -> Response:
        services.favourite_remove(user=request.user, salon_id=salon_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
