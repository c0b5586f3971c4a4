from django.core.management.base import BaseCommand

from apps.bookings.services import booking_expire_holds, booking_lapse_unconfirmed


class Command(BaseCommand):
    help = (
        "Expire unpaid bookings whose hold has run out, freeing their time, and apply each salon's choice "
        "(confirm or expire) to bookings it did not confirm within its confirmation window. Run every minute; "
        "safe to run on several servers at once."
    )

    def handle(self, *args, **options):
        expired = booking_expire_holds()
        self.stdout.write(f"Expired {expired} booking hold(s).")
        lapsed_expired, lapsed_confirmed = booking_lapse_unconfirmed()
        self.stdout.write(
            f"Lapsed {lapsed_expired + lapsed_confirmed} unconfirmed booking(s): "
            f"{lapsed_expired} expired, {lapsed_confirmed} confirmed."
        )
