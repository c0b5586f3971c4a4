from django.core.management.base import BaseCommand

from apps.ledger.backfill import ledger_backfill


class Command(BaseCommand):
    help = (
        "Post to the ledger the payments received and the refunds succeeded that it does not have yet (data "
        "from before the ledger). Idempotent: safe to run again, and while payments arrive."
    )

    def handle(self, *args, **options):
        result = ledger_backfill()
        self.stdout.write(
            f"Payments posted: {result.payments}; refunds posted: {result.refunds}; "
            f"transactions written: {result.transactions}."
        )
