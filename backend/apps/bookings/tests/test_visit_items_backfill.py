"""The data migration that gives every existing booking its one item (ADR 0017), in batches."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection

from apps.backoffice.tests.conftest import make_booking
from apps.bookings.models import BookingItem, BookingStatus

from .conftest import at, make_user

pytestmark = pytest.mark.django_db

backfill_module = importlib.import_module("apps.bookings.migrations.0009_backfill_visit_items")


def test_every_booking_without_items_gets_one_like_itself_in_batches(service, stylist, day, monkeypatch):
    monkeypatch.setattr(backfill_module, "BATCH", 2)
    bookings = [
        make_booking(stylist, service, make_user(), at(day, f"{hour:02d}:00"), status=status)
        for hour, status in [(9, BookingStatus.CONFIRMED), (10, BookingStatus.CANCELLED), (11, BookingStatus.PENDING)]
    ]

    backfill_module.backfill(apps, SimpleNamespace(connection=connection))
    backfill_module.backfill(apps, SimpleNamespace(connection=connection))  # again: nothing more

    items = list(BookingItem.objects.order_by("booking_id").values_list("booking_id", "position", "start", "is_active"))
    assert items == [
        (bookings[0].pk, 0, at(day, "09:00"), True),
        (bookings[1].pk, 0, at(day, "10:00"), False),
        (bookings[2].pk, 0, at(day, "11:00"), True),
    ]
