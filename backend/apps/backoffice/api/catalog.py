"""The salon's services and photo gallery: `salons/{id}/services/` and `salons/{id}/photos/`."""

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from apps.core.openapi import INVALID_INPUT, error_responses
from apps.salons.errors import (
    InvalidImage,
    PhotoNotFound,
    SalonNotFound,
    ServiceNotFound,
    UnknownStaff,
)
from apps.salons.models import Service

from .. import catalog
from ..errors import ManagersOnly
from ..selectors import catalog as selectors
from .catalog_serializers import (
    ManagePhotoSerializer,
    ManagePhotoUpdateSerializer,
    ManagePhotoUploadSerializer,
    ManageServiceDeletedSerializer,
    ManageServiceInputSerializer,
    ManageServiceSerializer,
)
from .common import TAG, ManageView, validated

DOOR = (ManagersOnly,)


def _service_response(service, status_code: int = status.HTTP_200_OK) -> Response:
    service = selectors.services_with_staff(Service.objects.filter(pk=service.pk)).get()
    return Response(ManageServiceSerializer(service).data, status=status_code)


def _service_input(data, *, partial: bool) -> tuple[dict, list[int] | None]:
    serializer = ManageServiceInputSerializer(data=data, partial=partial)
    serializer.is_valid(raise_exception=True)
    fields = dict(serializer.validated_data)
    return fields, fields.pop("staff_ids", None)


class ServiceListView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="The salon's services",
        description="Active and inactive, in the order of the salon's page (category, then display order).",
        responses={200: ManageServiceSerializer(many=True), **error_responses(DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        services = selectors.service_list(actor=request.user, salon_id=salon_id)
        return Response(ManageServiceSerializer(services, many=True).data)

    @extend_schema(
        tags=[TAG],
        summary="Add a service",
        description="It shows in the public catalog and in availability at once (when active and offered "
        "by an active stylist with hours). `staff_ids` must be stylists of this salon.",
        request=ManageServiceInputSerializer,
        responses={201: ManageServiceSerializer, **error_responses(INVALID_INPUT, UnknownStaff, DOOR, SalonNotFound)},
    )
    def post(self, request, salon_id: int):
        fields, staff_ids = _service_input(request.data, partial=False)
        service = catalog.service_create(actor=request.user, salon_id=salon_id, fields=fields, staff_ids=staff_ids)
        return _service_response(service, status.HTTP_201_CREATED)


class ServiceDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="A service",
        responses={200: ManageServiceSerializer, **error_responses(DOOR, SalonNotFound, ServiceNotFound)},
    )
    def get(self, request, salon_id: int, service_id: int):
        return _service_response(catalog.service_get(actor=request.user, salon_id=salon_id, service_id=service_id))

    @extend_schema(
        tags=[TAG],
        summary="Change a service",
        description="Only the fields sent change; `staff_ids` replaces who offers it. Bookings already made "
        "keep their price, duration and stylist.",
        request=ManageServiceInputSerializer,
        responses={
            200: ManageServiceSerializer,
            **error_responses(INVALID_INPUT, UnknownStaff, DOOR, SalonNotFound, ServiceNotFound),
        },
    )
    def patch(self, request, salon_id: int, service_id: int):
        changes, staff_ids = _service_input(request.data, partial=True)
        service = catalog.service_update(
            actor=request.user, salon_id=salon_id, service_id=service_id, changes=changes, staff_ids=staff_ids
        )
        return _service_response(service)

    @extend_schema(
        tags=[TAG],
        summary="Delete a service",
        description="204 when the service had no bookings. A service with bookings is deactivated instead "
        "(200, `deactivated: true`): it leaves the public catalog, and its bookings stay valid.",
        request=None,
        responses={
            200: ManageServiceDeletedSerializer,
            204: None,
            **error_responses(DOOR, SalonNotFound, ServiceNotFound),
        },
    )
    def delete(self, request, salon_id: int, service_id: int):
        service = catalog.service_delete(actor=request.user, salon_id=salon_id, service_id=service_id)
        if service is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        service = selectors.services_with_staff(Service.objects.filter(pk=service.pk)).get()
        return Response(
            {
                "deactivated": True,
                "detail": _("The service has bookings, so it was deactivated instead of deleted."),
                "service": ManageServiceSerializer(service).data,
            }
        )


# --- Photos -------------------------------------------------------------------------------------


class PhotoListView(ManageView):
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=[TAG],
        summary="The salon's photos",
        description="In display order; `is_cover` marks the salon's cover.",
        responses={200: ManagePhotoSerializer(many=True), **error_responses(DOOR, SalonNotFound)},
    )
    def get(self, request, salon_id: int):
        salon, photos = selectors.photo_list(actor=request.user, salon_id=salon_id)
        context = {"request": request, "salon": salon}
        return Response(ManagePhotoSerializer(photos, many=True, context=context).data)

    @extend_schema(
        tags=[TAG],
        summary="Add a photo",
        description="Multipart. The image is decoded and encoded again without its metadata (EXIF and "
        "GPS position are removed), and a thumbnail is made. It goes to the end of the gallery. A file "
        "that is not a JPEG, PNG or WebP image, is larger than 8 MB or 6000 × 6000 pixels, or claims huge "
        "dimensions (a decompression bomb) is refused and nothing is stored.",
        request={"multipart/form-data": ManagePhotoUploadSerializer},
        responses={
            201: ManagePhotoSerializer,
            **error_responses(INVALID_INPUT, InvalidImage, DOOR, SalonNotFound),
        },
    )
    def post(self, request, salon_id: int):
        data = validated(ManagePhotoUploadSerializer, request.data)
        photo = catalog.photo_create(
            actor=request.user,
            salon_id=salon_id,
            upload=data["image"],
            caption_ar=data["caption_ar"],
            caption_en=data["caption_en"],
        )
        context = {"request": request, "salon": photo.salon}
        return Response(ManagePhotoSerializer(photo, context=context).data, status=status.HTTP_201_CREATED)


class PhotoDetailView(ManageView):
    @extend_schema(
        tags=[TAG],
        summary="Change a photo's caption, order or cover",
        request=ManagePhotoUpdateSerializer,
        responses={
            200: ManagePhotoSerializer,
            **error_responses(INVALID_INPUT, DOOR, SalonNotFound, PhotoNotFound),
        },
    )
    def patch(self, request, salon_id: int, photo_id: int):
        changes = validated(ManagePhotoUpdateSerializer, request.data)
        is_cover = changes.pop("is_cover", None)
        photo = catalog.photo_update(
            actor=request.user, salon_id=salon_id, photo_id=photo_id, changes=changes, is_cover=is_cover
        )
        context = {"request": request, "salon": photo.salon}
        return Response(ManagePhotoSerializer(photo, context=context).data)

    @extend_schema(
        tags=[TAG],
        summary="Delete a photo",
        description="Its files are removed too; deleting the cover leaves the salon without one.",
        request=None,
        responses={204: None, **error_responses(DOOR, SalonNotFound, PhotoNotFound)},
    )
    def delete(self, request, salon_id: int, photo_id: int):
        catalog.photo_delete(actor=request.user, salon_id=salon_id, photo_id=photo_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
