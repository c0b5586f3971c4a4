from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    """Private iCalendar feeds of a stylist's or a salon's bookings, for any calendar app (ADR 0010);
    `ics.py` builds one booking's event for whoever else publishes bookings as iCalendar."""

    name = "apps.calendars"
    label = "calendars"
    verbose_name = _("Calendars")
