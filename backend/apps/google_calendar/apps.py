from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GoogleCalendarConfig(AppConfig):
    name = "apps.google_calendar"
    label = "google_calendar"
    verbose_name = _("Google Calendar")

    def ready(self) -> None:
        from apps.bookings.events import booking_reactors

        from .outbound import calendar_booking_changed

        booking_reactors.register(calendar_booking_changed)
