"""Development only (the fake provider): put a busy event in a stylist's connected fake calendar, as
they would in Google, and sync it, e.g. `python manage.py google_fake_event --staff 3
--start 2026-12-08T10:00:00+03:00 --end 2026-12-08T11:00:00+03:00`."""

import uuid
from datetime import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.google_calendar.inbound import calendar_sync
from apps.google_calendar.models import ConnectionStatus, GoogleConnection
from apps.google_calendar.providers.fake import fake_event_put


class Command(BaseCommand):
    help = "Fake provider only: add a busy event to a stylist's connected calendar and sync it."

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, required=True, help="The stylist (StaffMember id).")
        parser.add_argument("--start", required=True, help="ISO 8601 with offset.")
        parser.add_argument("--end", required=True, help="ISO 8601 with offset.")
        parser.add_argument("--summary", default="Busy")
        parser.add_argument("--free", action="store_true", help="Shown as free (transparent): blocks nothing.")

    def handle(self, *args, staff: int, start: str, end: str, summary: str, free: bool, **options):
        if settings.GOOGLE_CALENDAR_PROVIDER != "fake":
            raise CommandError("Only with the fake provider (no GOOGLE_CLIENT_ID).")
        connection = (
            GoogleConnection.objects.filter(staff_id=staff, status=ConnectionStatus.CONNECTED)
            .exclude(calendar_id="")
            .first()
        )
        if connection is None:
            raise CommandError(f"Stylist {staff} has no connected calendar.")
        for value in (start, end):
            if datetime.fromisoformat(value).tzinfo is None:
                raise CommandError(f"{value}: give an offset, e.g. +03:00.")
        event_id = uuid.uuid4().hex
        fake_event_put(
            calendar_id=connection.calendar_id,
            event_id=event_id,
            body={
                "summary": summary,
                "start": {"dateTime": start},
                "end": {"dateTime": end},
                "transparency": "transparent" if free else "opaque",
            },
        )
        outcome = calendar_sync(connection_id=connection.pk)
        self.stdout.write(f"event {event_id} in {connection.calendar_id}; sync: {outcome}")
