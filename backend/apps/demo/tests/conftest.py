"""The bookings app's fixtures, for the test that makes a real booking next to the demo ones."""

from apps.bookings.tests.conftest import (  # noqa: F401
    book,
    customer,
    day,
    now,
    salon,
    service,
    stylist,
    stylist_user,
)
