"""The salon's services and photo gallery as its managers change them: the catalog's own writes
(`apps.salons.services`, `apps.salons.photos`) for a salon the actor manages, each with its audit
entry in the same transaction. Nothing is cached, so a change shows in the public catalog and in
availability on the next request."""

from django.db import transaction

from apps.audit.models import AuditAction
from apps.audit.services import audit_record, audit_snapshot
from apps.salons import photos
from apps.salons import services as catalog
from apps.salons.errors import PhotoNotFound, ServiceNotFound
from apps.salons.models import SalonPhoto, Service

from .access import managed_salon_get

PHOTO_FIELDS = ("caption_ar", "caption_en", "display_order")


def _service(salon, service_id: int, *, for_update: bool = False) -> Service:
    services = Service.objects.filter(salon=salon, pk=service_id)
    if for_update:
        services = services.select_for_update(no_key=True)
    service = services.first()
    if service is None:
        raise ServiceNotFound()
    return service


def _service_snapshot(service: Service, fields=catalog.SERVICE_FIELDS) -> dict:
    snapshot = audit_snapshot(service, fields)
    snapshot["staff_ids"] = sorted(service.staff.values_list("pk", flat=True))
    return snapshot


def service_get(*, actor, salon_id: int, service_id: int) -> Service:
    return _service(managed_salon_get(user=actor, salon_id=salon_id), service_id)


def service_create(*, actor, salon_id: int, fields: dict, staff_ids: list[int] | None = None) -> Service:
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        service = catalog.service_create(salon=salon, fields=fields, staff_ids=staff_ids)
        audit_record(
            actor=actor, salon_id=salon.pk, obj=service, action=AuditAction.CREATED, after=_service_snapshot(service)
        )
    return service


def service_update(
    *, actor, salon_id: int, service_id: int, changes: dict, staff_ids: list[int] | None = None
) -> Service:
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        service = _service(salon, service_id, for_update=True)
        fields = [*changes, *(["staff_ids"] if staff_ids is not None else [])]
        before = {name: value for name, value in _service_snapshot(service).items() if name in fields}
        catalog.service_update(service=service, changes=changes, staff_ids=staff_ids)
        after = {name: value for name, value in _service_snapshot(service).items() if name in fields}
        audit_record(
            actor=actor, salon_id=salon.pk, obj=service, action=AuditAction.UPDATED, before=before, after=after
        )
    return service


def service_delete(*, actor, salon_id: int, service_id: int) -> Service | None:
    """Delete the service (None), or deactivate it when it has bookings (the service, inactive):
    its bookings, past and future, keep it and stay valid."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        service = _service(salon, service_id, for_update=True)
        before = _service_snapshot(service)
        service_pk, service_repr = service.pk, str(service)
        deleted = catalog.service_delete(service=service)
        if deleted:
            audit_record(
                actor=actor,
                salon_id=salon.pk,
                object_type="service",
                object_id=service_pk,
                object_repr=service_repr,
                action=AuditAction.DELETED,
                before=before,
            )
            return None
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=service,
            action=AuditAction.DEACTIVATED,
            before={"is_active": before["is_active"]},
            after={"is_active": False},
        )
    return service


# --- Photos -------------------------------------------------------------------------------------


def _photo(salon, photo_id: int) -> SalonPhoto:
    photo = (
        SalonPhoto.objects.select_for_update(of=("self",), no_key=True)
        .filter(salon=salon, pk=photo_id)
        .select_related("salon")
        .first()
    )
    if photo is None:
        raise PhotoNotFound()
    return photo


def _photo_snapshot(photo: SalonPhoto) -> dict:
    snapshot = audit_snapshot(photo, ("image", *PHOTO_FIELDS))
    snapshot["is_cover"] = photos.photo_is_cover(photo, photo.salon)
    return snapshot


def photo_create(*, actor, salon_id: int, upload, caption_ar: str = "", caption_en: str = "") -> SalonPhoto:
    salon = managed_salon_get(user=actor, salon_id=salon_id)
    image = photos.image_clean(upload)  # before the transaction: decoding takes a while
    with transaction.atomic():
        photo = photos.photo_create(salon=salon, image=image, caption_ar=caption_ar, caption_en=caption_en)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=photo,
            object_type="photo",
            action=AuditAction.CREATED,
            after=_photo_snapshot(photo),
        )
    return photo


def photo_update(*, actor, salon_id: int, photo_id: int, changes: dict, is_cover: bool | None = None) -> SalonPhoto:
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id, for_update=True)
        photo = _photo(salon, photo_id)
        before = _photo_snapshot(photo)
        photos.photo_update(photo=photo, changes=changes, is_cover=is_cover)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=photo,
            object_type="photo",
            action=AuditAction.UPDATED,
            before=before,
            after=_photo_snapshot(photo),
        )
    return photo


def photo_delete(*, actor, salon_id: int, photo_id: int) -> None:
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id, for_update=True)
        photo = _photo(salon, photo_id)
        before = _photo_snapshot(photo)
        photo_pk, photo_repr = photo.pk, str(photo)
        photos.photo_delete(photo=photo)
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            object_type="photo",
            object_id=photo_pk,
            object_repr=photo_repr,
            action=AuditAction.DELETED,
            before=before,
        )
