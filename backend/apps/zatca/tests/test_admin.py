"""The admin lists units with their state and ZATCA's messages, read only, without any secret."""

import pytest
from django.test import Client

from apps.bookings.tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_admin_lists_units_without_any_secret(active_unit):
    client = Client()
    client.force_login(make_user(first_name="Admin", is_staff=True, is_superuser=True))

    listing = client.get("/admin/zatca/egsunit/")
    page = client.get(f"/admin/zatca/egsunit/{active_unit.pk}/change/").content.decode()

    assert listing.status_code == 200
    assert [row.pk for row in listing.context["cl"].result_list] == [active_unit.pk]
    assert active_unit.certificate_serial in page
    for secret in (active_unit.private_key_sealed, active_unit.production_token_sealed):
        assert secret[:24] not in page
    assert "sealed" not in page
