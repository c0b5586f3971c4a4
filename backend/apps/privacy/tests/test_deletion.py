"""Deleting an account: a code to the person's own phone, then everything in one transaction; a scan of
every text column of every model proves that no identifier of the person remains."""

from unittest import mock

import pytest
from django.apps import apps
from django.db import models
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from apps.accounts.models import User
from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.backoffice.personal_data import customer_profile_viewed_record
from apps.bookings.models import Booking, BookingStatus, Review, SalonCustomer
from apps.bookings.tests.conftest import client_for, make_user
from apps.invoicing.models import Document
from apps.payments.models import Payment, RefundReason
from apps.privacy.models import DataSubjectRequest, RequestKind

from .helpers import fill_history

pytestmark = pytest.mark.django_db
PHONE = "+966598765432"
REQUEST = "/api/auth/phone/request/"
DELETE = "/api/auth/me/delete/"

# What the ADR (0008) says must stay after a deletion: tax documents are immutable and kept
# PRIVACY_TAX_RECORD_YEARS, with the buyer's name printed at issue.
ALLOWED_TO_REMAIN = {("invoicing.Document", "buyer_name")}


@pytest.fixture(autouse=True)
def otp_settings(settings):
    settings.OTP_PROVIDER = "console"


@pytest.fixture
def person():
    return make_user(phone_number=PHONE, first_name="Zubaida", last_name="Qahtaniyya", email="zubaida.q@example.com")


def _code(client, otp_outbox, phone=PHONE) -> tuple[str, str]:
    response = client.post(
        REQUEST, {"phone_number": phone, "channel": "sms", "purpose": "delete_account"}, format="json"
    )
    assert response.status_code == 201, response.content
    request_id = response.json()["request_id"]
    return request_id, otp_outbox.code_for(request_id)


def _text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                yield model, field


def _remaining(needles: list[str]) -> set[tuple[str, str]]:
    found = set()
    for model, field in _text_columns():
        for value in model._default_manager.values_list(field.attname, flat=True).iterator():
            text = str(value).lower() if value is not None else ""
            if any(needle.lower() in text for needle in needles):
                found.add((model._meta.label, field.name))
    return found


def test_deletion_leaves_no_identifier_of_the_person_in_any_table(stylist, person, otp_outbox):
    made = fill_history(stylist=stylist, customer=person)
    # The salon opened her profile and changed a booking for her: the audit log names her.
    customer_profile_viewed_record(actor=None, salon_id=stylist.salon_id, customer=person)
    audit_record(
        actor=None,
        salon_id=stylist.salon_id,
        obj=made["future"],
        object_repr=f"{made['future'].reference} Zubaida Qahtaniyya",
        action=AuditAction.UPDATED,
        details={"customer": "Zubaida Qahtaniyya, zubaida.q@example.com"},
    )
    client = client_for(person)
    identifiers = [PHONE, "0598765432", "Zubaida", "Qahtaniyya", "zubaida.q@example.com"]
    assert ("audit.AuditEntry", "object_repr") in _remaining(identifiers)  # the scan finds them before

    request_id, code = _code(client, otp_outbox)
    response = client.post(DELETE, {"request_id": request_id, "code": code}, format="json")

    assert response.status_code == 200, response.content
    assert response.json()["cancelled_bookings"] == [made["future"].reference]
    remaining = _remaining(identifiers)
    assert remaining == ALLOWED_TO_REMAIN
    person.refresh_from_db()
    assert (person.is_active, person.first_name, person.email) == (False, "", None)
    # Future bookings cancelled and refunded by the existing rules; the past kept, with their money.
    made["future"].refresh_from_db()
    assert made["future"].status == BookingStatus.CANCELLED
    future_payment = Payment.objects.get(pk=made["future_payment"].pk)
    assert future_payment.refunds.get().reason == RefundReason.BOOKING_CANCELLED
    assert Payment.objects.get(pk=made["paid"].pk).amount == made["paid"].amount
    assert Booking.objects.filter(customer=person).count() == 4
    assert Document.objects.filter(booking__customer=person).exists()
    assert not SalonCustomer.objects.filter(customer=person).exists()
    assert Review.objects.get(customer=person).rating == 5
    # Every session revoked; the register has the deletion under the old id.
    assert not OutstandingToken.objects.filter(user=person, blacklistedtoken__isnull=True).exists()
    assert DataSubjectRequest.objects.get(kind=RequestKind.DELETION).subject_user_id == person.pk


def test_the_number_can_sign_up_again_as_a_new_person(stylist, person, otp_outbox):
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    assert client.post(DELETE, {"request_id": request_id, "code": code}, format="json").status_code == 200

    anonymous = APIClient()
    sent = anonymous.post(REQUEST, {"phone_number": PHONE, "channel": "sms"}, format="json").json()
    signed_in = anonymous.post(
        "/api/auth/phone/verify/",
        {"request_id": sent["request_id"], "code": otp_outbox.code_for(sent["request_id"])},
        format="json",
    )
    assert signed_in.status_code == 200
    assert signed_in.json()["created"] is True
    assert signed_in.json()["user"]["id"] != person.pk


def test_a_wrong_code_is_400_and_changes_nothing(stylist, person, otp_outbox):
    made = fill_history(stylist=stylist, customer=person, bookings=1)
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    wrong = "000000" if code != "000000" else "111111"

    response = client.post(DELETE, {"request_id": request_id, "code": wrong}, format="json")

    assert (response.status_code, response.json()["code"]) == (400, "otp_invalid")
    person.refresh_from_db()
    assert (person.is_active, person.phone_number, person.first_name) == (True, PHONE, "Zubaida")
    made["future"].refresh_from_db()
    assert made["future"].status == BookingStatus.CONFIRMED
    assert not DataSubjectRequest.objects.exists()


def test_a_sign_in_code_does_not_delete_an_account(person, otp_outbox):
    client = client_for(person)
    sent = APIClient().post(REQUEST, {"phone_number": PHONE, "channel": "sms"}, format="json").json()
    response = client.post(
        DELETE, {"request_id": sent["request_id"], "code": otp_outbox.code_for(sent["request_id"])}, format="json"
    )
    assert response.status_code == 400
    assert User.objects.get(pk=person.pk).is_active


def test_a_failure_half_way_leaves_the_account_as_it_was(stylist, person, otp_outbox):
    made = fill_history(stylist=stylist, customer=person, bookings=1)
    client = client_for(person)
    client.raise_request_exception = False
    request_id, code = _code(client, otp_outbox)

    with mock.patch("apps.privacy.deletion._revoke_sessions", side_effect=RuntimeError("disk full")):
        response = client.post(DELETE, {"request_id": request_id, "code": code}, format="json")

    assert response.status_code == 500
    person.refresh_from_db()
    assert (person.is_active, person.phone_number, person.email) == (True, PHONE, "zubaida.q@example.com")
    made["future"].refresh_from_db()
    assert made["future"].status == BookingStatus.CONFIRMED
    assert SalonCustomer.objects.filter(customer=person).exists()
    assert Payment.objects.get(pk=made["future_payment"].pk).refunds.count() == 0
    assert not DataSubjectRequest.objects.exists()


def test_a_delete_code_goes_only_to_the_signed_in_persons_own_number(person):
    other = make_user()
    response = client_for(person).post(
        REQUEST, {"phone_number": other.phone_number, "purpose": "delete_account"}, format="json"
    )
    assert (response.status_code, response.json()["code"]) == (403, "phone_not_own")
    anonymous = APIClient().post(REQUEST, {"phone_number": PHONE, "purpose": "delete_account"}, format="json")
    assert anonymous.status_code == 401


def test_a_stylists_account_is_not_deleted_here(stylist, otp_outbox):
    user = stylist.user
    client = client_for(user)
    request_id, code = _code(client, otp_outbox, phone=user.phone_number)
    response = client.post(DELETE, {"request_id": request_id, "code": code}, format="json")
    assert (response.status_code, response.json()["code"]) == (403, "staff_account")
    assert User.objects.get(pk=user.pk).is_active


def test_deletion_needs_a_signed_in_person():
    assert APIClient().post(DELETE, {"request_id": "x", "code": "123456"}, format="json").status_code == 401


def test_a_deleted_persons_review_is_shown_by_a_former_customer(stylist, person, otp_outbox):
    fill_history(stylist=stylist, customer=person, bookings=1)
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    assert client.post(DELETE, {"request_id": request_id, "code": code}, format="json").status_code == 200

    url = f"/api/salons/{stylist.salon_id}/reviews/"
    english = APIClient().get(url, HTTP_ACCEPT_LANGUAGE="en").json()["results"][0]
    arabic = APIClient().get(url, HTTP_ACCEPT_LANGUAGE="ar").json()["results"][0]
    assert english["customer_first_name"] == "Former customer"
    assert arabic["customer_first_name"] == "عميل سابق"
    assert english["rating"] == 5


def test_a_stale_token_does_not_stop_a_sign_in_code(otp_outbox):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert client.post(REQUEST, {"phone_number": PHONE}, format="json").status_code == 201
    assert client.post(REQUEST, {"phone_number": PHONE, "purpose": "delete_account"}, format="json").status_code == 401


def test_a_follow_up_export_by_the_old_id_shows_no_personal_data_but_the_issued_invoices_buyer(
    stylist, person, otp_outbox
):
    import json

    from apps.privacy.exporter import personal_data_document

    fill_history(stylist=stylist, customer=person)
    client = client_for(person)
    request_id, code = _code(client, otp_outbox)
    assert client.post(DELETE, {"request_id": request_id, "code": code}, format="json").status_code == 200

    old_id = DataSubjectRequest.objects.get(kind=RequestKind.DELETION).subject_user_id
    document = personal_data_document(user=User.objects.get(pk=old_id))
    invoices = document.pop("invoices")
    text = json.dumps(document, ensure_ascii=False).lower()
    for identifier in (PHONE, "0598765432", "zubaida", "qahtaniyya", "zubaida.q@example.com"):
        assert identifier.lower() not in text
    assert document["salon_notes"] == [] and document["notifications"] == [] and document["one_time_codes"] == []
    assert all(invoice["buyer_name"] for invoice in invoices)  # immutable tax documents (ADR 0008)


def test_deletion_removes_the_persons_favourite_salons(stylist, person, otp_outbox):
    from apps.salons.models import Favourite

    Favourite.objects.create(user=person, salon=stylist.salon)
    kept = Favourite.objects.create(user=make_user(first_name="Other"), salon=stylist.salon)
    client = client_for(person)

    request_id, code = _code(client, otp_outbox)
    assert client.post(DELETE, {"request_id": request_id, "code": code}, format="json").status_code == 200

    assert list(Favourite.objects.values_list("pk", flat=True)) == [kept.pk]


def test_deletion_removes_the_persons_passkeys_and_linked_sign_in_accounts(stylist, person, otp_outbox):
    from apps.passkeys.models import Passkey
    from apps.social_auth.models import SocialIdentity

    other = make_user(first_name="Other")
    for user, handle in ((person, "p"), (other, "o")):
        Passkey.objects.create(user=user, credential_id=f"cred-{handle}", public_key=b"k", user_handle=handle)
        SocialIdentity.objects.create(user=user, provider="google", subject=f"sub-{handle}", email=f"{handle}@ex.com")
    client = client_for(person)

    request_id, code = _code(client, otp_outbox)
    assert client.post(DELETE, {"request_id": request_id, "code": code}, format="json").status_code == 200

    assert list(Passkey.objects.values_list("user_id", flat=True)) == [other.pk]
    assert list(SocialIdentity.objects.values_list("user_id", flat=True)) == [other.pk]
