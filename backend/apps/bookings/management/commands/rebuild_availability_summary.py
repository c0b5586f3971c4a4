from django.core.management.base import BaseCommand

from apps.bookings.availability_changes import summary_rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the availability summary (apps/bookings/availability_summary.py) from the engine: every salon's "
        "days from yesterday to its booking horizon, each salon in its own transaction under the days' locks, "
        "so it is safe to run on several servers at once and beside live bookings. With --missing, only the "
        "days without a summary yet (new days entering the horizon): run that hourly from cron; the full "
        "rebuild after writes made outside the services (a shell, a data import)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="Only the days without a summary yet.")
        parser.add_argument("--salon", type=int, action="append", help="Only this salon (repeatable).")

    def handle(self, *args, missing=False, salon=None, **options):
        salons, days = summary_rebuild(salon_ids=salon, missing_only=missing)
        self.stdout.write(f"Summarised {days} day(s) of {salons} salon(s).")
