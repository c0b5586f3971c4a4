"""Onboard (or renew) an e-invoicing unit with a one-time password from the Fatoora portal:
`python manage.py zatca_onboard --salon <id> --otp <otp>`, `--platform --otp <otp>`, `--renew`.
Exit 0 when the unit is active; otherwise a clear message and exit 1."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from apps.core.exceptions import AppError
from apps.salons.models import Salon
from apps.zatca.services import unit_onboard, unit_renew


class Command(BaseCommand):
    help = "Onboard a salon's (or the platform's) ZATCA e-invoicing unit, or renew its certificate."

    def add_arguments(self, parser):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--salon", type=int, help="The salon's id.")
        who.add_argument("--platform", action="store_true", help="The platform's own unit (PLATFORM_* settings).")
        parser.add_argument("--otp", required=True, help="The one-time password from the Fatoora portal.")
        parser.add_argument("--renew", action="store_true", help="Renew the active unit's certificate.")

    def handle(self, *args, salon: int | None, platform: bool, otp: str, renew: bool, **options):
        translation.activate("en")
        if salon is not None and not Salon.objects.filter(pk=salon).exists():
            raise CommandError(f"No salon {salon}.")
        action = unit_renew if renew else unit_onboard
        try:
            unit = action(salon_id=None if platform else salon, otp=otp.strip())
        except AppError as error:
            details = "; ".join(
                f"{field}: {' '.join(map(str, texts))}" for field, texts in (error.errors or {}).items()
            )
            zatca = error.extra.get("zatca_message", "")
            raise CommandError(" ".join(part for part in (str(error.message), details, zatca) if part)) from error
        who = "the platform" if platform else f"salon {salon}"
        self.stdout.write(
            f"The e-invoicing unit of {who} is {unit.state}; its certificate expires on "
            f"{unit.certificate_expires_at:%Y-%m-%d}."
        )
