"""Tomorrow's bookings for each salon's managers: one inbox message (and SMS, if they chose it) per
manager, salon and day, and an email copy for managers who opted in (`daily_agenda_by_email`, to a
verified, deliverable address), recorded once whatever the number of runs and servers.

A salon's "tomorrow" is the day after its local today. Bookings listed are those holding time
(confirmed, or pending with a live hold or awaiting the salon's confirmation), in start order; a
salon with none sends nothing. The unique key (recipient, event, occurrence = "<salon id>:<date>")
makes a second run, on this server or another, insert nothing.
"""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone, translation

from apps.bookings.models import Booking, blocking_q
from apps.salons.models import Salon

from .email_planning import agenda_email_allowed, email_copy
from .messages import AgendaLine, phrase, render_agenda
from .models import Channel, Notification, NotificationEvent
from .planning import language_of
from .services import delivery_fields

TEMPLATE = "manager_daily_agenda"


def agenda_occurrence(salon_id: int, day: date) -> str:
    return f"{salon_id}:{day.isoformat()}"


def notification_schedule_daily_agenda(*, now: datetime | None = None) -> int:
    """Record tomorrow's bookings for every manager of every active salon that has any; returns how
    many messages were inserted. Five queries whatever the number of salons and bookings."""
    now = now or timezone.now()
    managers = get_user_model().objects.filter(is_active=True).order_by("pk")
    salons = list(
        Salon.objects.filter(is_active=True, managers__is_active=True)
        .distinct()
        .prefetch_related(Prefetch("managers", queryset=managers, to_attr="active_managers"))
    )
    if not salons:
        return 0
    windows = {salon.pk: _tomorrow(salon, now) for salon in salons}
    bookings: dict[int, list[Booking]] = defaultdict(list)
    for booking in (
        Booking.objects.filter(
            blocking_q(now),
            salon_id__in=windows,
            start__gte=min(start for _day, start, _end in windows.values()),
            start__lt=max(end for _day, _start, end in windows.values()),
        )
        .select_related("customer", "service", "staff")
        .order_by("start", "staff__display_order", "pk")
    ):
        _day, start, end = windows[booking.salon_id]
        if start <= booking.start < end:
            bookings[booking.salon_id].append(booking)

    sent = set(
        Notification.objects.filter(
            booking__isnull=True,
            event=NotificationEvent.DAILY_AGENDA,
            occurrence__in=[agenda_occurrence(salon_id, day) for salon_id, (day, _s, _e) in windows.items()],
        ).values_list("recipient_id", "occurrence", "channel")
    )
    sent_by_email = {(recipient, occurrence) for recipient, occurrence, channel in sent if channel == Channel.EMAIL}
    sent_otherwise = {(recipient, occurrence) for recipient, occurrence, channel in sent if channel != Channel.EMAIL}
    rows = []
    for salon in salons:
        day = windows[salon.pk][0]
        occurrence = agenda_occurrence(salon.pk, day)
        for manager in salon.active_managers:
            if not bookings[salon.pk]:
                continue
            language = language_of(manager)
            row = Notification(
                recipient=manager,
                booking=None,
                event=NotificationEvent.DAILY_AGENDA,
                occurrence=occurrence,
                template=TEMPLATE,
                language=language,
                body=_body(salon, day, bookings[salon.pk], language),
                **delivery_fields(by_sms=manager.salon_alerts_by_sms, now=now),
            )
            if (manager.pk, occurrence) not in sent_otherwise:
                rows.append(row)
            if (manager.pk, occurrence) not in sent_by_email and agenda_email_allowed(manager):
                rows.append(email_copy(row))
    with transaction.atomic():
        Notification.objects.bulk_create(rows, ignore_conflicts=True)  # another server may have been first
    return len(rows)


def _tomorrow(salon: Salon, now: datetime) -> tuple[date, datetime, datetime]:
    day = now.astimezone(salon.tz).date() + timedelta(days=1)
    start = datetime.combine(day, time.min, tzinfo=salon.tz)
    return day, start, datetime.combine(day + timedelta(days=1), time.min, tzinfo=salon.tz)


def _body(salon: Salon, day: date, bookings: list[Booking], language: str) -> str:
    with translation.override(language):
        lines = [
            AgendaLine(
                start=booking.start,
                customer=booking.customer.first_name or phrase("a_customer", language),
                service=booking.service.name,
                stylist=booking.staff.name,
            )
            for booking in bookings
        ]
        return render_agenda(language=language, salon=salon.name, day=day, tz=salon.tz, lines=lines)
