from django.conf import settings
from django.core.management.base import BaseCommand

from apps.notifications.services import notification_schedule_reminders, notification_send_due


class Command(BaseCommand):
    help = (
        "Queue the reminder of each confirmed booking starting within REMINDER_HOURS_BEFORE hours (once per "
        "start time), then send due messages. Run every 5 minutes; safe to run on several servers at once."
    )

    def handle(self, *args, **options):
        queued = notification_schedule_reminders()
        outcomes = notification_send_due()
        self.stdout.write(
            f"Queued {queued} reminder(s) ({settings.REMINDER_HOURS_BEFORE:g} hours ahead). "
            f"Sent {outcomes['sent']}, will retry {outcomes['retrying']}, "
            f"failed {outcomes['failed']}, skipped {outcomes['skipped']} message(s)."
        )
