"""What other apps attach to a booking as the API shows it (payments: the booking's payment at a
glance). Bookings cannot import those apps: they register an attachment here from their
`AppConfig.ready`, and the bookings selectors and serializers use whatever is registered.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from .models import Booking


@dataclass(frozen=True)
class BookingAttachment:
    """`field`: the key in the booking's representation; `schema`: a serializer field documenting
    its shape; `prefetch`: adds to a bookings query what `represent` needs, so that many bookings
    cost one more query; `represent`: the JSON-ready value for one booking; `none_yet`: marks a
    booking just created as having nothing attached, so that `represent` needs no query."""

    field: str
    schema: serializers.Field
    prefetch: Callable[[QuerySet[Booking]], QuerySet[Booking]]
    represent: Callable[[Booking], Any]
    none_yet: Callable[[Booking], None]


_attachments: dict[str, BookingAttachment] = {}


def booking_attachment_register(attachment: BookingAttachment) -> None:
    _attachments[attachment.field] = attachment


def booking_attachment(field: str) -> BookingAttachment | None:
    return _attachments.get(field)


def with_attachments(bookings: QuerySet[Booking]) -> QuerySet[Booking]:
    """The bookings query with what every registered attachment needs."""
    for attachment in _attachments.values():
        bookings = attachment.prefetch(bookings)
    return bookings


def with_nothing_attached(booking: Booking) -> Booking:
    """A booking just created, marked as having nothing attached by any registered app."""
    for attachment in _attachments.values():
        attachment.none_yet(booking)
    return booking
