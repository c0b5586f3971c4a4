"""The admin lists documents and sequences, and offers no way to add, change or delete them."""

import pytest
from django.test import Client

from apps.bookings.tests.conftest import make_user
from apps.invoicing.models import Document

from .conftest import pay

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(make_user(first_name="Admin", is_staff=True, is_superuser=True))
    return client


def test_documents_and_sequences_are_listed_and_read_only(admin_client, booking):
    pay(booking)
    document = Document.objects.get()

    listing = admin_client.get("/admin/invoicing/document/", {"q": booking.reference})
    detail = admin_client.get(f"/admin/invoicing/document/{document.pk}/change/")
    sequences = admin_client.get("/admin/invoicing/documentsequence/")

    assert listing.status_code == 200
    assert [row.pk for row in listing.context["cl"].result_list] == [document.pk]
    assert detail.status_code == 200
    assert document.number in detail.content.decode()
    assert sequences.status_code == 200
    assert admin_client.get("/admin/invoicing/document/add/").status_code == 403
    assert admin_client.post(f"/admin/invoicing/document/{document.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Document.objects.count() == 1
