"""The salon's customers: everyone who booked there, with visits, money and what the salon keeps
about them (notes, tags, blocked). Private to the salon's managers."""

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.core.pagination import StandardPagination
from apps.salons.errors import SalonNotFound

from ..errors import CustomerNotFound, ManagersOnly, NoNoShowToForgive
from ..personal_data import customer_profile_viewed_record
from ..selectors.customers import salon_customer_get, salon_customer_list, with_salon_records
from ..services import salon_customer_forgive_no_show, salon_customer_update
from .common import TAG, ManageView, booking_context, validated
from .customer_serializers import (
    ManageCustomerDetailSerializer,
    ManageCustomerQuerySerializer,
    ManageCustomerSerializer,
    ManageCustomerUpdateSerializer,
)

DOOR = (ManagersOnly,)
USER_ID = OpenApiParameter("user_id", int, OpenApiParameter.PATH, description="The customer's user id.")


class CustomerListView(ManageView):
    pagination_class = StandardPagination

    @extend_schema(
        tags=[TAG],
        summary="The salon's customers",
        description=(
            "Everyone who has booked at the salon, the most recent booking first, with their visits, money, "
            "no-shows and cancellations here and the salon's notes, tags and block. `q` matches a name or a "
            "phone number (any part of it)."
        ),
        parameters=[ManageCustomerQuerySerializer],
        responses={200: ManageCustomerSerializer(many=True), **error_responses(INVALID_INPUT, DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon = self.salon(salon_id)
        query = validated(ManageCustomerQuerySerializer, request.query_params)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(salon_customer_list(salon=salon, query=query["q"]), request, view=self)
        customers = with_salon_records(page, salon=salon)
        return paginator.get_paginated_response(ManageCustomerSerializer(customers, many=True).data)


class CustomerDetailView(ManageView):
    def _detail(self, request, salon_id: int, user_id: int, *, viewed: bool = False) -> Response:
        customer = salon_customer_get(salon=self.salon(salon_id), customer_id=user_id)
        if viewed:
            customer_profile_viewed_record(actor=request.user, salon_id=salon_id, customer=customer)
        return Response(ManageCustomerDetailSerializer(customer, context=booking_context(request)).data)

    @extend_schema(
        tags=[TAG],
        summary="A customer of the salon",
        description=(
            "As in the list, with their bookings at this salon, newest first. Each opening is recorded in the audit "
            "log (who, when, from which address)."
        ),
        parameters=[USER_ID],
        responses={200: ManageCustomerDetailSerializer, **error_responses(DOOR, (SalonNotFound, CustomerNotFound))},
    )
    def get(self, request, salon_id: int, user_id: int):
        return self._detail(request, salon_id, user_id, viewed=True)

    @extend_schema(
        tags=[TAG],
        summary="Change the salon's notes, tags or block of a customer",
        description=(
            "Only the fields sent change; every change is written to the audit log. A blocked customer cannot "
            "book at this salon online (`customer_blocked`); the salon can still book them."
        ),
        parameters=[USER_ID],
        request=ManageCustomerUpdateSerializer,
        responses={
            200: ManageCustomerDetailSerializer,
            **error_responses(INVALID_INPUT, DOOR, (SalonNotFound, CustomerNotFound)),
        },
    )
    def patch(self, request, salon_id: int, user_id: int):
        self.salon(salon_id)
        changes = validated(ManageCustomerUpdateSerializer, request.data)
        salon_customer_update(actor=request.user, salon_id=salon_id, customer_id=user_id, changes=dict(changes))
        return self._detail(request, salon_id, user_id)


class CustomerForgiveNoShowView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="Forgive one of a customer's no-shows",
        description=(
            "One no-show no longer counts towards the salon's `no_show_limit` (after which the customer must "
            "prepay in full). Written to the audit log. 409 `no_no_show_to_forgive` when none is left."
        ),
        parameters=[USER_ID],
        request=None,
        responses={
            200: ManageCustomerDetailSerializer,
            **error_responses(DOOR, (SalonNotFound, CustomerNotFound), NoNoShowToForgive),
        },
    )
    def post(self, request, salon_id: int, user_id: int):
        self.salon(salon_id)
        salon_customer_forgive_no_show(actor=request.user, salon_id=salon_id, customer_id=user_id)
        customer = salon_customer_get(salon=self.salon(salon_id), customer_id=user_id)
        return Response(ManageCustomerDetailSerializer(customer, context=booking_context(request)).data)
