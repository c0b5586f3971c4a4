"""Write due booking changes to the stylists' Google calendars (cron, every minute; or `--loop`).
Safe on several servers at once: each change is claimed by one sender."""

import time

from django.core.management.base import BaseCommand

from apps.google_calendar.outbound import changes_send_due


class Command(BaseCommand):
    help = "Write due booking changes to connected Google calendars, with retries."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, polling every --interval seconds.")
        parser.add_argument("--interval", type=float, default=1.0)

    def handle(self, *args, loop: bool = False, interval: float = 1.0, **options):
        if loop:
            self.stdout.write("sender ready")
            self.stdout.flush()
        while True:
            outcomes = changes_send_due()
            if outcomes or not loop:
                self.stdout.write(
                    ", ".join(f"{name}: {count}" for name, count in sorted(outcomes.items())) or "nothing due"
                )
            if not loop:
                return
            time.sleep(interval)
