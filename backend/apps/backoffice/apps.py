from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "apps.backoffice"
    label = "backoffice"
    verbose_name = _("Salon back office")

    def ready(self):
        from apps.bookings.events import booking_reactors

        from .personal_data import booking_changed_on_behalf_audit

        booking_reactors.register(booking_changed_on_behalf_audit)
