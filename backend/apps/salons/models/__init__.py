"""The catalog: salons, their services and staff, and when the staff work.

Bilingual text is held in `<field>_ar` / `<field>_en` pairs; `apps.core.i18n.localized`
picks the request's language and falls back to the other one.
Working hours are local wall-clock times in the salon's time zone.
"""

from .catalog import Service, ServiceCategory, StaffMember
from .favourite import Favourite
from .salon import (
    Audience,
    City,
    NoShowPolicy,
    Salon,
    SalonPhoto,
    UnconfirmedPolicy,
    validate_timezone,
    vat_number_validator,
)
from .schedule import SpecialHours, TimeOff, TimeOffSource, Weekday, WorkingHours

__all__ = [
    "Audience",
    "City",
    "Favourite",
    "NoShowPolicy",
    "Salon",
    "SalonPhoto",
    "Service",
    "ServiceCategory",
    "SpecialHours",
    "StaffMember",
    "TimeOff",
    "TimeOffSource",
    "UnconfirmedPolicy",
    "Weekday",
    "WorkingHours",
    "validate_timezone",
    "vat_number_validator",
]
