from django.core.management.base import BaseCommand

from apps.privacy.retention import data_purge_expired


class Command(BaseCommand):
    help = (
        "Delete or anonymise personal data past its retention (one-time codes, notification texts, idempotency keys, "
        "audit entries, abandoned unpaid holds; the RETENTION_* settings). Run daily; idempotent and safe to run on "
        "several servers at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what is due without changing anything.")

    def handle(self, *args, dry_run=False, **options):
        counts = data_purge_expired(dry_run=dry_run)
        verb = "Would purge" if dry_run else "Purged"
        for kind, count in counts.items():
            self.stdout.write(f"{verb} {count} {kind}")
        self.stdout.write(f"{verb} {sum(counts.values())} in total")
