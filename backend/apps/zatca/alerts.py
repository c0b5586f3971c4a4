"""Telling people about a unit: its salon's managers (the platform's unit: the platform's staff users),
in their inbox, once per occurrence."""

from django.contrib.auth import get_user_model
from django.db import transaction

from apps.notifications.services import notification_inbox_alert

from .models import EgsUnit


def _recipients(unit: EgsUnit) -> list[int]:
    if unit.salon_id is None:
        return list(get_user_model().objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True))
    return list(unit.salon.managers.filter(is_active=True).values_list("pk", flat=True))


def _issuer(unit: EgsUnit) -> str:
    return unit.salon.name if unit.salon_id else "Salon"


def unit_alert(*, unit: EgsUnit, event: str, occurrence: str, values: dict[str, str]) -> int:
    """Inbox alerts `event` (also the template) to the unit's people; returns how many were added."""
    added = 0
    with transaction.atomic():
        for recipient_id in _recipients(unit):
            added += notification_inbox_alert(
                recipient_id=recipient_id,
                event=event,
                occurrence=f"zatca:{unit.pk}:{occurrence}",
                template=event,
                values=lambda: {"salon": _issuer(unit), **values},
            )
    return added
