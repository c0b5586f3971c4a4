"""`python manage.py rebuild_search_index`: rewrites every salon's and service's search texts and
(re)installs the search indexes. For after a bulk import or a restore; safe to run at any time."""

from django.core.management.base import BaseCommand
from django.db import connection

from apps.salons.search_backend import install_search_indexes
from apps.salons.search_index import salon_search_rebuild


class Command(BaseCommand):
    help = "Rewrite the salon search texts and (re)install the search indexes."

    def handle(self, *args, **options) -> None:
        written = salon_search_rebuild()
        install_search_indexes(connection)
        self.stdout.write(f"Search texts rewritten for {written} salons; search indexes installed.")
