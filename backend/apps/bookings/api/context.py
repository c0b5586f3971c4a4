"""What a booking's representation (`BookingSerializer`) needs about the caller, for every app's views."""

from django.utils import timezone

from .. import selectors


def booking_context(request) -> dict:
    """The caller, the salons they manage and the time, read once per request."""
    return {
        "user": request.user,
        "managed_salon_ids": selectors.managed_salon_ids(request.user),
        "now": timezone.now(),
    }
