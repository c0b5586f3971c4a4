from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _reinstall_sqlite_search_mirror(sender, using, **kwargs) -> None:
    """SQLite rebuilds a table to alter it, which drops its triggers: after every `migrate` the search
    mirror's triggers are put back and the mirror rebuilt (idempotent; PostgreSQL keeps its indexes)."""
    from django.db import connections

    from .search_backend import install_search_indexes

    connection = connections[using]
    if connection.vendor == "sqlite" and "salons_salon" in connection.introspection.table_names():
        install_search_indexes(connection)


class SalonsConfig(AppConfig):
    name = "apps.salons"
    label = "salons"
    verbose_name = _("Salons")

    def ready(self) -> None:
        post_migrate.connect(_reinstall_sqlite_search_mirror, sender=self)
