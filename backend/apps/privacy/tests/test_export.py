import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from apps.bookings.tests.conftest import client_for, make_user
from apps.ledger.tests.conftest import visit
from apps.privacy.models import DataSubjectRequest, RequestKind, RequestStatus

from .helpers import fill_history

pytestmark = pytest.mark.django_db
URL = "/api/auth/me/export/"


def test_the_export_holds_every_section_about_the_signed_in_person(stylist, customer):
    customer.email = "noura@example.com"
    customer.save()
    made = fill_history(stylist=stylist, customer=customer)
    visit(stylist, make_user(first_name="Other"), days=-3)  # someone else's booking is not in it

    response = client_for(customer).get(URL)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="salon-data-')
    document = json.loads(response.content)
    assert document["profile"]["phone_number"] == customer.phone_number
    assert document["profile"]["email"] == "noura@example.com"
    assert document["profile"]["preferred_language"] == "ar"
    assert len(document["bookings"]) == 4
    assert {b["reference"] for b in document["bookings"]} == {b.reference for b in [*made["past"], made["future"]]}
    assert document["reviews"][0]["comment"] == "Lovely, Noura"
    paid = next(p for p in document["payments"] if p["booking_reference"] == made["past"][0].reference)
    assert paid["refunds"][0]["amount"] == 1000
    assert "provider_payload" not in paid
    assert any(n["text"].startswith("Dear Noura") for n in document["notifications"])
    assert document["one_time_codes"][0]["channel"] == "sms"
    assert "f" * 64 not in response.content.decode()
    assert document["sessions"][0]["revoked"] is False
    assert document["salon_notes"] == [
        {
            "salon": stylist.salon.name_en or stylist.salon.name_ar,
            "has_note": True,
            "tags": ["vip"],
            "blocked": False,
            "updated_at": document["salon_notes"][0]["updated_at"],
        }
    ]
    assert "prefers mornings" not in response.content.decode()
    entry = DataSubjectRequest.objects.get()
    assert (entry.kind, entry.status, entry.subject_user_id) == (
        RequestKind.EXPORT,
        RequestStatus.COMPLETED,
        customer.pk,
    )


def test_the_consents_and_their_history_are_in_it(customer):
    from apps.accounts.consents import consent_update
    from apps.accounts.models import ConsentSource

    consent_update(user=customer, changes={"marketing": {"sms": True}}, source=ConsentSource.APP)

    document = json.loads(client_for(customer).get(URL).content)

    assert document["consents"]["current"]["marketing"]["sms"] is True
    assert document["consents"]["current"]["marketing"]["email"] is False
    [choice] = document["consents"]["history"]
    assert (choice["purpose"], choice["channel"], choice["granted"], choice["source"]) == (
        "marketing",
        "sms",
        True,
        "app",
    )


def test_the_invoices_of_paid_bookings_are_in_it(stylist, customer):
    from apps.invoicing.models import Document

    made = fill_history(stylist=stylist, customer=customer, bookings=1)
    document = json.loads(client_for(customer).get(URL).content)
    numbers = set(Document.objects.filter(booking__customer=customer).values_list("number", flat=True))
    assert {invoice["number"] for invoice in document["invoices"]} == numbers
    assert made["paid"].booking.reference in {invoice["booking_reference"] for invoice in document["invoices"]}


def test_passkeys_and_linked_sign_in_accounts_are_in_it_without_keys(customer):
    from apps.passkeys.models import Passkey
    from apps.social_auth.models import SocialIdentity

    Passkey.objects.create(user=customer, credential_id="secret-cred", public_key=b"k", user_handle="h", name="iPhone")
    SocialIdentity.objects.create(user=customer, provider="google", subject="sub-1", email="me@example.com")
    Passkey.objects.create(user=make_user(first_name="Other"), credential_id="other", public_key=b"k", user_handle="o")

    response = client_for(customer).get(URL)

    document = json.loads(response.content)
    assert [passkey["name"] for passkey in document["passkeys"]] == ["iPhone"]
    assert [(row["provider"], row["email"]) for row in document["linked_accounts"]] == [("google", "me@example.com")]
    assert "secret-cred" not in response.content.decode()


def test_the_export_needs_a_signed_in_person():
    response = APIClient().get(URL)
    assert response.status_code == 401
    assert DataSubjectRequest.objects.count() == 0


def _queries(user) -> int:
    client = client_for(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL).status_code == 200
    return len(captured)


def test_the_number_of_queries_does_not_grow_with_the_bookings(stylist):
    few, many = make_user(first_name="Few"), make_user(first_name="Many")
    fill_history(stylist=stylist, customer=few, bookings=3)
    fill_history(stylist=stylist, customer=many, bookings=30)
    assert _queries(few) == _queries(many)


def test_the_favourite_salons_are_in_it(stylist, customer):
    from apps.salons.models import Favourite

    Favourite.objects.create(user=customer, salon=stylist.salon)
    Favourite.objects.create(user=make_user(first_name="Other"), salon=stylist.salon)

    document = json.loads(client_for(customer).get(URL).content)

    assert [(f["salon_id"], f["salon"]) for f in document["favourites"]] == [
        (stylist.salon_id, stylist.salon.name_en or stylist.salon.name_ar)
    ]
