"""Reads of bookings that other apps rely on."""

from datetime import datetime


def blocking_intervals(
    *, staff_ids: list[int], start: datetime, end: datetime, now: datetime, exclude_booking_id: int | None = None
) -> dict[int, list[tuple[datetime, datetime]]]:
    """Busy time per staff member from blocking bookings overlapping [start, end).

    Each interval runs from the booking's start to its end plus its buffer. Being written in this
    session by the bookings work; until then there are no bookings.
    """
    return {}
