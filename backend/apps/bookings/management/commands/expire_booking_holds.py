from django.core.management.base import BaseCommand

from apps.bookings.services import booking_expire_holds


class Command(BaseCommand):
    help = "Expire unpaid bookings whose hold has run out, freeing their time. Run every minute; safe to run on several servers at once."

    def handle(self, *args, **options):
        expired = booking_expire_holds()
        self.stdout.write(f"Expired {expired} booking hold(s).")
