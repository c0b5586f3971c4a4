from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "apps.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from apps.salons.events import catalog_reactors

        from .sqlite_triggers import reinstall_sqlite_triggers

        post_migrate.connect(reinstall_sqlite_triggers, sender=self)

        from .availability_changes import catalog_changed_react

        catalog_reactors.register(catalog_changed_react)
