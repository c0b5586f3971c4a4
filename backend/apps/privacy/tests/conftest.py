"""Fixtures of the privacy tests: the ledger's money fixtures (salon, stylist, customer, visits, payments)."""

from apps.accounts.tests.conftest import otp_outbox  # noqa: E402, F401
from apps.ledger.tests.conftest import (  # noqa: F401
    admin_user,
    customer,
    manager,
    manager_client,
    other_salon,
    salon,
    service,
    stylist,
)
