from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.passkeys.services import passkey_challenges_purge


class Command(BaseCommand):
    help = "Delete passkey challenges that expired over an hour ago (run hourly; safe on several servers)."

    def handle(self, *args, **options):
        deleted = passkey_challenges_purge(now=timezone.now())
        self.stdout.write(f"Deleted {deleted} expired passkey challenges.")
