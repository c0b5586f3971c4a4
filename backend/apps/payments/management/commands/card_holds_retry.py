from django.core.management.base import BaseCommand

from apps.payments.hold_calls import holds_retry


class Command(BaseCommand):
    help = (
        "Void or capture the card holds whose gateway call is due again (a timeout, a gateway outage; ADR 0016). "
        "Safe to run at any time, on several servers at once. --include-failed retries those that failed for good."
    )

    def add_arguments(self, parser):
        parser.add_argument("--include-failed", action="store_true", help="Try failed settlements again too.")

    def handle(self, *args, include_failed: bool, **options):
        succeeded = holds_retry(include_failed=include_failed)
        self.stdout.write(f"Card hold settlements succeeded: {succeeded}.")
