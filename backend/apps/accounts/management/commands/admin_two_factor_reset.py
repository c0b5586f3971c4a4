from django.core.management.base import BaseCommand, CommandError

from apps.accounts.admin_two_factor import admin_two_factor_reset
from apps.accounts.models import User
from apps.accounts.phone import normalize_phone_number


class Command(BaseCommand):
    help = (
        "Remove the authenticator app and recovery codes of a staff account (its phone number), for someone who "
        "lost both; they add a new authenticator at their next admin sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("phone_number")

    def handle(self, *args, phone_number: str, **options):
        user = User.objects.filter(phone_number=normalize_phone_number(phone_number)).first()
        if user is None:
            raise CommandError(f"No account with the number {phone_number}.")
        removed = admin_two_factor_reset(user=user)
        self.stdout.write(f"Removed {removed} two-step devices of {phone_number}.")
