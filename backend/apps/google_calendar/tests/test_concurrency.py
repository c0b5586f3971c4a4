"""Real threads against the real database: several senders at once write each booking's event once and
never two changes of one booking at the same time."""

import threading
from collections import Counter

import pytest

from apps.bookings.rescheduling import booking_reschedule
from apps.bookings.tests.conftest import at, make_user
from apps.core.tests.concurrency import race
from apps.google_calendar.models import CalendarChange, FakeCalendarEvent
from apps.google_calendar.outbound import changes_send_due
from apps.google_calendar.providers.fake import FakeProvider
from apps.notifications.tests.conftest import VISIT_DAY

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.concurrency]

SENDERS = 6


def test_several_senders_write_every_change_once(clock, connection, book, manager, settings, monkeypatch):
    settings.GOOGLE_SEND_IMMEDIATELY = False
    settings.GOOGLE_FAKE_LATENCY_SECONDS = 0.02
    bookings = [
        book(hhmm, actor=make_user(first_name=f"Customer {hhmm}"))
        for hhmm in ("10:00", "11:00", "12:00", "13:00", "14:00")
    ]
    moved = bookings[0]
    booking_reschedule(booking_id=moved.pk, actor=manager, start=at(VISIT_DAY, "15:00"))
    booking_reschedule(booking_id=moved.pk, actor=manager, start=at(VISIT_DAY, "18:00"))
    calls: Counter[str] = Counter()
    lock = threading.Lock()
    in_flight: dict[str, int] = {}
    overlaps: list[str] = []
    real_insert, real_patch = FakeProvider.insert_event, FakeProvider.patch_event

    def tracked(kind, real):
        def call(self, **kwargs):
            event_id = kwargs.get("event_id") or kwargs["body"]["id"]
            with lock:
                calls[kind] += 1
                if in_flight.get(event_id):
                    overlaps.append(event_id)
                in_flight[event_id] = in_flight.get(event_id, 0) + 1
            try:
                return real(self, **kwargs)
            finally:
                with lock:
                    in_flight[event_id] -= 1

        return call

    monkeypatch.setattr(FakeProvider, "insert_event", tracked("insert", real_insert))
    monkeypatch.setattr(FakeProvider, "patch_event", tracked("patch", real_patch))

    results = race([changes_send_due for _ in range(SENDERS)])

    assert not [result for result in results if isinstance(result, BaseException)]
    assert sum(result["done"] for result in results) == 7  # 5 creations, 2 moves
    assert Counter(CalendarChange.objects.values_list("status", "attempts")) == {("done", 1): 7}
    assert calls["insert"] == 5
    assert calls["patch"] == 2
    assert overlaps == []
    assert FakeCalendarEvent.objects.count() == 5
