"""Fixtures: the notifications' frozen clock and salon (Sunday 1 March 2026; bookings on Thursday 5
March at 16:30 in Riyadh), the fake provider, and a stylist whose calendar `primary` is connected."""

from datetime import timedelta

import pytest
from django.utils import timezone

from apps.bookings.tests.conftest import make_user
from apps.google_calendar.crypto import token_encrypt
from apps.google_calendar.models import ConnectionStatus, GoogleConnection
from apps.notifications.tests.conftest import (  # noqa: F401 (fixtures)
    book,
    clock,
    customer,
    manager,
    salon,
    service,
    stylist,
    stylist_user,
)


@pytest.fixture(autouse=True)
def _fake_google(settings):
    settings.GOOGLE_CALENDAR_PROVIDER = "fake"
    settings.GOOGLE_FAKE_LATENCY_SECONDS = 0.0
    settings.GOOGLE_WEBHOOK_URL = ""
    settings.GOOGLE_TOKEN_KEYS = []
    settings.FRONTEND_URL = "https://salon.example.sa"


def make_connection(staff, *, calendar_id: str = "primary", refresh_token: str = "fake-refresh-1", **fields):  # noqa: S107
    return GoogleConnection.objects.create(
        staff=staff,
        status=ConnectionStatus.CONNECTED,
        access_token=token_encrypt("fake-access-1"),
        refresh_token=token_encrypt(refresh_token),
        token_expires_at=timezone.now() + timedelta(hours=1),
        calendar_id=calendar_id,
        calendar_name="My calendar",
        connected_at=timezone.now(),
        **fields,
    )


@pytest.fixture
def connection(clock, stylist):  # noqa: F811 (fixtures)
    return make_connection(stylist)


@pytest.fixture
def other_salon_stylist(db):
    from apps.salons.tests.factories import make_salon, make_staff

    other = make_salon(name_ar="صالون آخر", name_en="Other salon")
    return make_staff(other, display_name="Other", user=make_user(phone_number="+966500000901", role="staff"))
