from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "apps.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from apps.salons.events import catalog_reactors

        from .availability_changes import catalog_changed_react

        catalog_reactors.register(catalog_changed_react)
