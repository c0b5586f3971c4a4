"""Reads of the ZATCA app."""

from apps.salons.models import Salon

from .legal import missing_details
from .models import SIGNING_STATES, EgsUnit, UnitState


def unit_status(*, salon: Salon) -> dict:
    """What the back office shows: the unit's state (`not_started` before any), ZATCA's last message,
    the certificate's expiry, the legal details and what is missing, and what the manager can do."""
    unit = EgsUnit.objects.filter(salon=salon).first()
    state = unit.state if unit else UnitState.NOT_STARTED
    missing = missing_details(salon)
    return {
        "state": state,
        "last_message": unit.last_message if unit else "",
        "certificate_expires_at": unit.certificate_expires_at if unit else None,
        "onboarded_at": unit.onboarded_at if unit else None,
        "legal_details": {
            name: getattr(salon, name)
            for name in ("legal_name", "vat_number", "cr_number", "building_number", "street")
            + ("district_name", "city_name", "postal_code")
        },
        "missing": missing,
        "can_onboard": not missing and state not in SIGNING_STATES,
        "can_renew": not missing and state in SIGNING_STATES,
    }
