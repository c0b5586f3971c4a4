from datetime import date

from django.core.management.base import BaseCommand, CommandError

from apps.ledger.checks import ledger_check


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--gateway-day must be a date like 2026-11-20, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Check the ledger: every transaction balances, and the books agree with the payments, refunds and payouts "
        "(and, with --gateway-day, with the gateway's payments created that day, in the platform's time zone). "
        "Exits 1 with a report of every disagreement. Read-only; meant for a daily cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gateway-day",
            type=_day,
            metavar="YYYY-MM-DD",
            help="Also compare the gateway's payments created on this day with the books (calls the gateway).",
        )

    def handle(self, *args, gateway_day: date | None = None, **options):
        report = ledger_check(gateway_day=gateway_day)
        for fact in report.facts:
            self.stdout.write(fact)
        if report.ok:
            self.stdout.write(self.style.SUCCESS("The ledger adds up."))
            return
        for problem in report.problems:
            self.stderr.write(f"- {problem}")
        raise CommandError(f"The ledger does not add up: {len(report.problems)} problem(s), listed above.")
