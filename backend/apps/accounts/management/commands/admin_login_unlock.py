from django.core.management.base import BaseCommand

from apps.accounts.admin_login import admin_login_unlock


class Command(BaseCommand):
    help = "Lift the admin sign-in lock-out of an account (its phone number, in any format)."

    def add_arguments(self, parser):
        parser.add_argument("phone_number")

    def handle(self, *args, phone_number: str, **options):
        admin_login_unlock(phone_number=phone_number)
        self.stdout.write(f"Unlocked {phone_number}.")
