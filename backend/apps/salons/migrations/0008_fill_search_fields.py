"""Fills the search texts of existing salons and services in batches of 500 rows (each its own short
transaction: this migration is not atomic), then builds the search indexes (`search_backend`):
trigram GIN indexes CONCURRENTLY on PostgreSQL, the FTS5 mirror on SQLite."""

from django.db import migrations


def fill_and_index(apps, schema_editor):
    from apps.salons.search_backend import install_search_indexes
    from apps.salons.search_index import salon_search_rebuild

    salon_search_rebuild(salon_model=apps.get_model("salons", "Salon"), service_model=apps.get_model("salons", "Service"))
    install_search_indexes(schema_editor.connection)


def unindex(apps, schema_editor):
    from apps.salons.search_backend import uninstall_search_indexes

    uninstall_search_indexes(schema_editor.connection)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("salons", "0007_search_fields")]

    operations = [migrations.RunPython(fill_and_index, unindex)]
