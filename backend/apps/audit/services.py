"""Writing the audit log. Call `audit_record` inside the transaction of the change it records, so
the entry and the change commit or roll back together."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.db import models

from apps.core.net import current_client_ip

from .models import AuditAction, AuditEntry


def _json_value(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    if isinstance(value, list | tuple | set):
        return (
            sorted(_json_value(item) for item in value) if isinstance(value, set) else [_json_value(v) for v in value]
        )
    return value


def audit_snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-ready values of `fields` of `instance` (a foreign key as its id)."""
    snapshot = {}
    for name in fields:
        field = instance._meta.get_field(name)
        value = getattr(instance, field.attname) if isinstance(field, models.ForeignKey) else getattr(instance, name)
        snapshot[name] = _json_value(value)
    return snapshot


def audit_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, list[Any]]:
    """`{field: [before, after]}` for every field whose value differs (a field on one side only
    counts with None on the other)."""
    return {
        name: [_json_value(before.get(name)), _json_value(after.get(name))]
        for name in sorted(set(before) | set(after))
        if _json_value(before.get(name)) != _json_value(after.get(name))
    }


def audit_record(
    *,
    actor,
    salon_id: int | None,
    obj: models.Model | None = None,
    object_type: str = "",
    object_id: str | int = "",
    object_repr: str = "",
    action: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    details: Mapping[str, Any] | None = None,
    ip_address: str | None = None,
) -> AuditEntry | None:
    """Record one change (or, with `action` viewed/exported and `details` saying what was asked for, one read of
    personal data). `obj` fills the object's type, id and name; an update that changed nothing records nothing
    (returns None). The address is the request's being served unless given."""
    changes = dict(details) if details is not None else audit_changes(before or {}, after or {})
    if action == AuditAction.UPDATED and not changes:
        return None
    if obj is not None:
        object_type = object_type or obj._meta.model_name
        object_id = object_id or obj.pk
        object_repr = object_repr or str(obj)
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        salon_id=salon_id,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=str(object_repr)[:200],
        action=action,
        changes={name: _json_value(value) for name, value in changes.items()},
        ip_address=current_client_ip() if ip_address is None else ip_address,
    )
