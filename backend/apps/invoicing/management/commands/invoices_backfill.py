from django.core.management.base import BaseCommand

from apps.invoicing.services import invoices_backfill


class Command(BaseCommand):
    help = (
        "Issue every missing invoice, receipt and credit note: payments that paid their booking and succeeded "
        "refunds without their document, oldest first. Idempotent; safe to run at any time, e.g. from cron."
    )

    def handle(self, *args, **options):
        result = invoices_backfill()
        self.stdout.write(f"Issued {result.invoices} invoices or receipts and {result.credit_notes} credit notes.")
