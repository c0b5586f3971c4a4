"""Fixtures speaking the domain, on a frozen clock so that message bodies are exact.

The clock stands at Sunday 1 March 2026, 12:00 in Riyadh; bookings default to Thursday 5 March,
16:30 there. `outbox` collects what the console provider "sent".
"""

import logging
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from apps.bookings import services as booking_services
from apps.bookings.tests.conftest import at, make_user, work_every_day
from apps.salons.tests.factories import make_salon, make_service, make_staff

VISIT_DAY = date(2026, 3, 5)
# The default booking starts on 5 March at 16:30 in Riyadh (13:30 UTC): its reminder is due 24 hours before.
REMINDER_DUE = datetime(2026, 3, 4, 13, 30, tzinfo=UTC)
CONSOLE_LINE = re.compile(r"^Message to (?P<phone>\+\d+) via (?P<channel>\w+): (?P<body>.*)$", re.S)


class Clock:
    """`django.utils.timezone.now`, frozen until moved on."""

    def __init__(self):
        self.now = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)

    def set(self, instant: datetime) -> None:
        self.now = instant


@pytest.fixture
def clock(monkeypatch) -> Clock:
    frozen = Clock()
    monkeypatch.setattr(timezone, "now", lambda: frozen.now)
    return frozen


class Outbox(logging.Handler):
    """The console provider's lines: (phone, channel, body) of every message "sent"."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.messages: list[tuple[str, str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = CONSOLE_LINE.match(record.getMessage())
        if record.name == "apps.notifications" and match:
            self.messages.append((match["phone"], match["channel"], match["body"]))

    def to(self, phone: str) -> list[str]:
        return [body for to_phone, _channel, body in self.messages if to_phone == phone]


@pytest.fixture
def outbox():
    logger = logging.getLogger("apps.notifications")
    collected = Outbox()
    logger.addHandler(collected)
    yield collected
    logger.removeHandler(collected)


@pytest.fixture
def salon(db):
    return make_salon(
        name_ar="صالون لمسات الجمال",
        name_en="Lamasat Beauty Salon",
        lead_time_minutes=60,
        slot_step_minutes=15,
        cancellation_window_hours=24,
        hold_minutes=10,
    )


@pytest.fixture
def service(salon):
    return make_service(
        salon, name_ar="قص وتصفيف الشعر", name_en="Haircut and styling", duration_minutes=60, price_amount=11500
    )


@pytest.fixture
def stylist_user(db):
    return make_user(phone_number="+966500000201", first_name="Hessa", preferred_language="en")


@pytest.fixture
def stylist(salon, service, stylist_user):
    staff = make_staff(salon, services=[service], display_name="Hessa", user=stylist_user)
    work_every_day(staff)
    return staff


@pytest.fixture
def customer(db):
    return make_user(phone_number="+966500000101", first_name="Sara", preferred_language="ar")


@pytest.fixture
def manager(salon):
    user = make_user(phone_number="+966500000301", first_name="Maha", role="manager")
    salon.managers.add(user)
    return user


@pytest.fixture
def book(clock, service, stylist, customer):
    """Book through the bookings service, at `hhmm` on VISIT_DAY by default."""

    def _book(hhmm: str = "16:30", **kwargs):
        # The customer as a request loads them (the service plans the messages from the actor it is given).
        kwargs.setdefault("actor", type(customer).objects.get(pk=customer.pk))
        kwargs.setdefault("service_id", service.pk)
        kwargs.setdefault("staff_id", stylist.pk)
        kwargs.setdefault("start", at(VISIT_DAY, hhmm))
        return booking_services.booking_create(**kwargs)

    return _book
