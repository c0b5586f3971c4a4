from django.core.management.base import BaseCommand

from apps.notifications.services import notification_send_due


class Command(BaseCommand):
    help = (
        "Send booking messages that are due: new ones whose send after commit did not happen and failed "
        "ones whose retry time has come. Run every minute; safe to run on several servers at once."
    )

    def handle(self, *args, **options):
        outcomes = notification_send_due()
        self.stdout.write(
            f"Sent {outcomes['sent']}, will retry {outcomes['retrying']}, "
            f"failed {outcomes['failed']}, skipped {outcomes['skipped']} message(s)."
        )
