"""The safety net of the in-sync (cron, e.g. every 5 minutes): read every connected calendar's changes,
renew push channels that expire within a day, forget day-old authorization attempts, and with `--rotate-keys` re-encrypt every token with
the first of GOOGLE_TOKEN_KEYS. Safe on several servers: a sync takes a lease on its connection."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from apps.google_calendar.crypto import token_rotate
from apps.google_calendar.inbound import calendar_sync, channel_renew
from apps.google_calendar.models import ConnectionStatus, GoogleConnection, OAuthAttempt
from apps.google_calendar.providers import GoogleError


class Command(BaseCommand):
    help = "Sync busy time from connected Google calendars and renew their push channels."

    def add_arguments(self, parser):
        parser.add_argument("--rotate-keys", action="store_true", help="Re-encrypt the tokens with the first key.")

    def handle(self, *args, rotate_keys: bool = False, **options):
        if rotate_keys:
            rotated = 0
            for connection in GoogleConnection.objects.exclude(refresh_token="").iterator():
                GoogleConnection.objects.filter(pk=connection.pk).update(
                    access_token=token_rotate(connection.access_token),
                    refresh_token=token_rotate(connection.refresh_token),
                )
                rotated += 1
            self.stdout.write(f"tokens re-encrypted: {rotated}")
        # Authorization attempts are good for ten minutes; keep a day of them for support, no more.
        OAuthAttempt.objects.filter(created_at__lt=timezone.now() - timedelta(days=1)).delete()
        outcomes: dict[str, int] = {}
        renewed = 0
        connections = GoogleConnection.objects.filter(status=ConnectionStatus.CONNECTED).exclude(calendar_id="")
        for connection in connections.order_by("pk").iterator():
            outcome = calendar_sync(connection_id=connection.pk)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
            if outcome == "synced":
                connection.refresh_from_db()
                try:
                    renewed += channel_renew(connection=connection)
                except GoogleError as error:
                    self.stderr.write(f"channel for connection {connection.pk}: {error}")
        summary = ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items())) or "no calendars"
        self.stdout.write(f"{summary}; channels renewed: {renewed}")
