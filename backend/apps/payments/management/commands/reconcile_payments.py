from django.core.management.base import BaseCommand

from apps.payments.reconciliation import BATCH_SIZE, payments_reconcile


class Command(BaseCommand):
    help = (
        "Bring payments and refunds in line with the gateway (missed webhooks, crashes, failed refunds) and "
        "delete expired idempotency keys. Safe to run at any time, on several servers at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="Payments claimed per transaction.")

    def handle(self, *args, batch_size: int, **options):
        summary = payments_reconcile(batch_size=max(1, batch_size))
        self.stdout.write(
            f"Payments checked: {summary.payments_checked}, changed: {summary.payments_changed}, "
            f"unreachable: {summary.payments_unreachable}; bookings settled: {summary.bookings_settled}; "
            f"refunds attempted: {summary.refunds_attempted}, succeeded: {summary.refunds_succeeded}, "
            f"failed: {summary.refunds_failed}; idempotency keys purged: {summary.keys_purged}."
        )
