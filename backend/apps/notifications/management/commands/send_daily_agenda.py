from django.core.management.base import BaseCommand

from apps.notifications.agenda import notification_schedule_daily_agenda
from apps.notifications.services import notification_send_due


class Command(BaseCommand):
    help = (
        "Record, for every manager of every active salon with bookings tomorrow, the list of tomorrow's "
        "bookings (once per manager, salon and day), then send due messages. Run once a day in the evening; "
        "safe to run again and on several servers at once."
    )

    def handle(self, *args, **options):
        queued = notification_schedule_daily_agenda()
        outcomes = notification_send_due()
        self.stdout.write(
            f"Queued {queued} daily agenda message(s). Sent {outcomes['sent']}, will retry {outcomes['retrying']}, "
            f"failed {outcomes['failed']}, skipped {outcomes['skipped']} message(s)."
        )
