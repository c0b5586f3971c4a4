"""Alert on data-subject requests past their 30-day due date: lists them and exits non-zero."""

from django.core.management.base import BaseCommand, CommandError

from apps.privacy.selectors import data_request_list_overdue


class Command(BaseCommand):
    help = "List open data-subject requests past their 30-day due date; exit with status 1 if there are any."

    def handle(self, *args, **options):
        overdue = list(data_request_list_overdue())
        if not overdue:
            self.stdout.write("No overdue data-subject requests.")
            return
        for entry in overdue:
            self.stdout.write(
                f"#{entry.pk} {entry.kind} user {entry.subject_user_id} requested {entry.requested_at:%Y-%m-%d} "
                f"due {entry.due_at:%Y-%m-%d}"
            )
        raise CommandError(f"{len(overdue)} overdue data-subject request(s).")
