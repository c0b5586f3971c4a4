"""`manage.py purchases_reconcile` (cron, every 10 minutes): settles the package and gift-card purchases
whose buyer never came back from the payment page (docs/runbooks/packages-and-gift-cards.md)."""

from django.core.management.base import BaseCommand

from apps.packages.purchases import purchases_reconcile


class Command(BaseCommand):
    help = "Ask the gateway about unfinished package and gift-card purchases and settle them."

    def handle(self, *args, **options) -> None:
        settled = purchases_reconcile()
        self.stdout.write(f"{settled} purchase(s) settled")
