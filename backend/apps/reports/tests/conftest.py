"""The back office's fixtures (a salon, its manager, stylists, customers, bookings written directly)."""

import pytest

from apps.backoffice.tests.conftest import (  # noqa: F401
    admin_user,
    customer,
    manager,
    manager_client,
    other_salon,
    other_stylist,
    salon,
    stylist,
    stylist_user,
)
from apps.salons.tests.factories import make_service


@pytest.fixture
def service(salon):  # noqa: F811 (the imported fixture)
    """30 minutes and a 10-minute buffer (40 minutes booked), 100.00 SAR."""
    return make_service(salon, buffer_minutes=10)
