from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.ledger.checks import sar
from apps.ledger.payouts import bank_file_csv, payout_batch_create


class Command(BaseCommand):
    help = (
        "Create a payout batch: for each salon whose available balance is at least the minimum and that has an "
        "IBAN, a payout of that balance (posted to payouts in transit). Safe on several servers at once: a salon "
        "is never paid more than its available balance. --output writes the bank file (docs/runbooks/payouts.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minimum",
            type=int,
            default=None,
            help=f"The smallest payout in halalas (default PAYOUT_MINIMUM_HALALAS, now {settings.PAYOUT_MINIMUM_HALALAS}).",
        )
        parser.add_argument("--output", type=Path, help="Write the batch's bank file (CSV) to this path.")

    def handle(self, *args, minimum: int | None = None, output: Path | None = None, **options):
        if minimum is not None and minimum < 1:
            raise CommandError("--minimum must be at least 1 halala.")
        run = payout_batch_create(minimum=minimum)
        if run.batch is None:
            self.stdout.write("No payouts created.")
        else:
            total = sum(payout.amount for payout in run.payouts)
            self.stdout.write(f"Batch {run.batch.reference}: {len(run.payouts)} payout(s), {sar(total)}.")
            for payout in run.payouts:
                self.stdout.write(f"  {payout.reference}  {payout.beneficiary_name}  {sar(payout.amount)}")
        for salon_id, why, available in run.skipped:
            self.stdout.write(f"  salon {salon_id}: {why} (available {sar(available)})")
        if output is not None and run.payouts:
            output.write_bytes(bank_file_csv(run.payouts))
            self.stdout.write(f"Bank file: {output}")
