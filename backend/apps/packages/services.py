"""A salon's packages, written by its managers in the back office (every write audited). Buying is
`purchases`, using at booking `redemptions`, refunding `refunds`."""

from django.db import transaction

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.backoffice.access import managed_salon_get
from apps.salons.errors import ServiceNotFound
from apps.salons.models import Service

from .errors import PackageNotFound
from .models import Package

PACKAGE_FIELDS = ("service_id", "name_ar", "name_en", "sessions", "validity_days", "price_amount", "is_active")


def _snapshot(package: Package) -> dict:
    return {name: getattr(package, name) for name in PACKAGE_FIELDS}


def _service_of(salon, service_id: int) -> Service:
    service = Service.objects.filter(pk=service_id, salon=salon).first()
    if service is None:
        raise ServiceNotFound()
    return service


def _locked(salon, package_id: int) -> Package:
    package = Package.objects.select_for_update().filter(pk=package_id, salon=salon).first()
    if package is None:
        raise PackageNotFound()
    return package


def package_create(*, actor, salon_id: int, fields: dict) -> Package:
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        service = _service_of(salon, fields.pop("service"))
        package = Package.objects.create(salon=salon, service=service, currency=service.currency, **fields)
        audit_record(actor=actor, salon_id=salon.pk, obj=package, action=AuditAction.CREATED, after=_snapshot(package))
    return package


def package_update(*, actor, salon_id: int, package_id: int, changes: dict) -> Package:
    """Change a package; what customers already bought keeps the sessions and price they paid for."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        package = _locked(salon, package_id)
        before = _snapshot(package)
        if "service" in changes:
            package.service = _service_of(salon, changes.pop("service"))
        for name, value in changes.items():
            setattr(package, name, value)
        package.save()
        audit_record(
            actor=actor,
            salon_id=salon.pk,
            obj=package,
            action=AuditAction.UPDATED,
            before=before,
            after=_snapshot(package),
        )
    return package


def package_delete(*, actor, salon_id: int, package_id: int) -> Package | None:
    """Delete a package nobody bought (None); one that was bought is taken off sale instead."""
    with transaction.atomic():
        salon = managed_salon_get(user=actor, salon_id=salon_id)
        package = _locked(salon, package_id)
        before = _snapshot(package)
        if package.purchases.exists():
            package.is_active = False
            package.save(update_fields=["is_active", "updated_at"])
            audit_record(actor=actor, salon_id=salon.pk, obj=package, action=AuditAction.DEACTIVATED, before=before)
            return package
        audit_record(actor=actor, salon_id=salon.pk, obj=package, action=AuditAction.DELETED, before=before)
        package.delete()
    return None
