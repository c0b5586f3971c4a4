"""The seller on a unit's documents: a salon's legal details, or the platform's (settings), checked
against what ZATCA requires (VAT 15 digits starting and ending with 3, CR 10 digits, building number 4
digits, postal code 5 digits, the rest present)."""

import re

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from apps.salons.models import Salon

from .document import Seller
from .errors import LegalDetailsIncomplete, NoVatNumber

RULES = {
    "vat_number": (r"3\d{13}3", _("A Saudi VAT number has 15 digits and starts and ends with 3.")),
    "cr_number": (r"\d{10}", _("A commercial registration number has 10 digits.")),
    "building_number": (r"\d{4}", _("A building number has 4 digits.")),
    "postal_code": (r"\d{5}", _("A postal code has 5 digits.")),
}
REQUIRED = _("This field is required for e-invoicing.")
# The salon's field for each part of the seller.
SALON_FIELDS = {
    "legal_name": "legal_name",
    "vat_number": "vat_number",
    "cr_number": "cr_number",
    "building_number": "building_number",
    "street": "street",
    "district": "district_name",
    "city": "city_name",
    "postal_code": "postal_code",
}
PLATFORM_SETTINGS = {
    "legal_name": "PLATFORM_LEGAL_NAME",
    "vat_number": "PLATFORM_VAT_NUMBER",
    "cr_number": "PLATFORM_CR_NUMBER",
    "building_number": "PLATFORM_BUILDING_NUMBER",
    "street": "PLATFORM_STREET",
    "district": "PLATFORM_DISTRICT",
    "city": "PLATFORM_CITY",
    "postal_code": "PLATFORM_POSTAL_CODE",
}


def _checked(values: dict[str, str], field_names: dict[str, str]) -> Seller:
    if not values["vat_number"]:
        raise NoVatNumber()
    errors: dict[str, list[str]] = {}
    for part, value in values.items():
        if not value:
            errors[field_names[part]] = [str(REQUIRED)]
        elif part in RULES and not re.fullmatch(RULES[part][0], value):
            errors[field_names[part]] = [str(RULES[part][1])]
    if errors:
        raise LegalDetailsIncomplete(errors=errors)
    return Seller(**values)


def salon_seller(salon: Salon) -> Seller:
    """The salon as seller, or `NoVatNumber` / `LegalDetailsIncomplete` (with the fields at fault)."""
    values = {part: (getattr(salon, field) or "").strip() for part, field in SALON_FIELDS.items()}
    return _checked(values, SALON_FIELDS)


def platform_seller() -> Seller:
    """The platform as seller (deemed supplier), from the PLATFORM_* settings."""
    values = {part: (getattr(settings, name, "") or "").strip() for part, name in PLATFORM_SETTINGS.items()}
    return _checked(values, PLATFORM_SETTINGS)


def missing_details(salon: Salon) -> dict[str, list[str]]:
    """The salon's fields that stop its unit from being onboarded (empty when none)."""
    try:
        salon_seller(salon)
    except NoVatNumber:
        return {"vat_number": [str(REQUIRED)]}
    except LegalDetailsIncomplete as error:
        return error.errors
    return {}
