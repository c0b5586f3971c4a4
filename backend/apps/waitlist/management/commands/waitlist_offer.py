from django.core.management.base import BaseCommand

from apps.waitlist.offers import waitlist_expire_entries, waitlist_offer_run


class Command(BaseCommand):
    help = (
        "Expire waitlist entries whose window has passed, then offer free times to each salon's waitlist in "
        "order of joining. Run every minute; safe to run on several servers at once."
    )

    def handle(self, *args, **options):
        expired = waitlist_expire_entries()
        offered = waitlist_offer_run()
        self.stdout.write(f"Expired {expired} waitlist entr(y/ies); made {offered} offer(s).")
