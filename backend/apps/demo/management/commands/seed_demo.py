import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.accounts.models import Role
from apps.bookings.availability_changes import summary_rebuild
from apps.demo.bookings import seed_demo_bookings
from apps.demo.catalog import DemoAccount, SeedResult, seed_demo_data
from apps.demo.payments import seed_demo_payments
from apps.invoicing.services import invoices_backfill
from apps.ledger.backfill import ledger_backfill

DEFAULT_ADMIN_PASSWORD = "admin12345"  # noqa: S105 - a development convenience, refused without DEBUG


class Command(BaseCommand):
    help = (
        "Create or update the demo salons, services, staff, hours and one account per role. "
        "Safe to run repeatedly. The admin password comes from DEMO_ADMIN_PASSWORD "
        f"(default {DEFAULT_ADMIN_PASSWORD!r}, only with DJANGO_DEBUG on)."
    )

    def handle(self, *args, **options):
        password_from_env = os.environ.get("DEMO_ADMIN_PASSWORD", "")
        if not password_from_env and not settings.DEBUG:
            raise CommandError(
                "Set DEMO_ADMIN_PASSWORD: the default demo admin password is only used with DJANGO_DEBUG on."
            )
        result = seed_demo_data(today=timezone.localdate(), admin_password=password_from_env or DEFAULT_ADMIN_PASSWORD)
        accounts = {account.role: account.user for account in result.accounts}
        bookings = seed_demo_bookings(
            now=timezone.now(), stylist=accounts[Role.STAFF], customer=accounts[Role.CUSTOMER]
        )
        seed_demo_payments(now=timezone.now(), customer=accounts[Role.CUSTOMER], avoid=accounts[Role.STAFF])
        # Demo rows are written directly, past the payments' events: the books and the invoices catch up last.
        ledger = ledger_backfill()
        issued = invoices_backfill()  # every booking paid online has its invoice (and refunds their credit notes)
        summarised_salons, _days = summary_rebuild()  # the salon list's availability filters read it
        self._write_summary(result)
        self.stdout.write(f"Demo bookings: {bookings.bookings}, of which {bookings.reviews} reviewed.")
        self.stdout.write(f"Ledger: {ledger.transactions} transactions posted for {ledger.payments} payments received.")
        self.stdout.write(f"Invoices issued: {issued.invoices}, credit notes: {issued.credit_notes}.")
        self.stdout.write(f"Availability summarised for {summarised_salons} salons.")
        self._write_accounts(result.accounts, admin_password_shown=not password_from_env)

    def _write_summary(self, result: SeedResult) -> None:
        cities = {salon.city for salon in result.salons}
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data is ready: {len(result.salons)} salons in {len(cities)} cities, "
                f"{result.category_count} service categories, {result.service_count} services, "
                f"{result.staff_count} staff members."
            )
        )

    def _write_accounts(self, accounts: list[DemoAccount], *, admin_password_shown: bool) -> None:
        rows = [("Role", "Phone number", "Salon", "How to sign in")]
        for account in accounts:
            rows.append(
                (
                    account.role,
                    account.user.phone_number,
                    " + ".join(salon.name_en for salon in (account.salon, *account.also_manages))
                    if account.salon
                    else "-",
                    self._sign_in_hint(account, admin_password_shown=admin_password_shown),
                )
            )
        role_width, phone_width, salon_width = (max(len(row[column]) for row in rows) for column in range(3))
        self.stdout.write("\nDemo accounts:")
        for role, phone_number, salon, hint in rows:
            self.stdout.write(f"{role:<{role_width}}  {phone_number:<{phone_width}}  {salon:<{salon_width}}  {hint}")

    @staticmethod
    def _sign_in_hint(account: DemoAccount, *, admin_password_shown: bool) -> str:
        if account.role == "admin":
            password = f'"{DEFAULT_ADMIN_PASSWORD}"' if admin_password_shown else "from DEMO_ADMIN_PASSWORD"
            return f"/admin/ with the password {password}"
        if settings.OTP_PROVIDER == "console":
            return "request a code in the app; the code appears in the server console"
        return "request a code in the app; the code arrives by SMS"
