"""Downloading a file with customers' names and phones (bookings, customers) is recorded in the audit log; the
payments file (no personal data) and a refused request are not."""

import pytest

from apps.audit.models import AuditEntry
from apps.bookings.tests.conftest import client_for

pytestmark = pytest.mark.django_db

RANGE = "from=2026-01-01&to=2026-01-31"


def export_url(salon, name: str) -> str:
    return f"/api/manage/salons/{salon.pk}/exports/{name}?{RANGE}"


@pytest.mark.parametrize("name", ["customers.csv", "customers.xlsx", "bookings.csv", "bookings.xlsx"])
def test_an_export_with_personal_data_is_recorded(manager_client, manager, salon, name):
    response = manager_client.get(export_url(salon, name), REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 200
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.salon, entry.action, entry.object_type, entry.object_id, entry.ip_address) == (
        manager,
        salon,
        "exported",
        "export",
        name,
        "203.0.113.7",
    )
    assert entry.changes == {"from": "2026-01-01", "to": "2026-01-31"}


def test_the_payments_export_and_refused_requests_are_not(manager_client, salon, other_salon, customer):
    assert manager_client.get(export_url(salon, "payments.csv")).status_code == 200
    assert manager_client.get(export_url(other_salon, "customers.csv")).status_code == 404
    assert client_for(customer).get(export_url(salon, "customers.csv")).status_code == 403
    assert manager_client.get(f"/api/manage/salons/{salon.pk}/exports/customers.csv?from=x").status_code == 400

    assert not AuditEntry.objects.exists()
