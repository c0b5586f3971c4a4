"""Telling people about a unit: its salon's managers (the platform's unit: the platform's staff users),
in their inbox, once per occurrence."""

from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation

from apps.notifications.messages import format_when
from apps.notifications.services import notification_inbox_alert

from .models import EgsUnit


def _recipients(unit: EgsUnit) -> list[int]:
    if unit.salon_id is None:
        return list(get_user_model().objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True))
    return list(unit.salon.managers.filter(is_active=True).values_list("pk", flat=True))


def _issuer(unit: EgsUnit) -> str:
    return unit.salon.name if unit.salon_id else "Salon"


def unit_alert(*, unit: EgsUnit, event: str, occurrence: str, values: dict[str, str], when=None) -> int:
    """Inbox alerts `event` (also the template) to the unit's people; returns how many were added.
    `when` (an instant) is written as `{when}` in each recipient's language and the salon's zone."""
    tz = unit.salon.tz if unit.salon_id else ZoneInfo("Asia/Riyadh")

    def filled() -> dict[str, str]:
        extra = {"when": format_when(when, tz, translation.get_language() or "ar")} if when else {}
        return {"salon": _issuer(unit), **values, **extra}

    added = 0
    with transaction.atomic():
        for recipient_id in _recipients(unit):
            added += notification_inbox_alert(
                recipient_id=recipient_id,
                event=event,
                occurrence=f"zatca:{unit.pk}:{occurrence}",
                template=event,
                values=filled,
            )
    return added
