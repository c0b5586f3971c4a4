import pytest

from apps.accounts.models import User

ME_URL = "/api/auth/me/"


@pytest.fixture
def me_client(api_client, signed_in):
    """An API client signed in as a new customer; returns (client, user)."""
    tokens = signed_in("0501234567", first_name="Sara")
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    return api_client, User.objects.get(pk=tokens["user"]["id"])


@pytest.mark.django_db
def test_me_returns_the_signed_in_user(me_client):
    client, user = me_client

    response = client.get(ME_URL)

    assert response.status_code == 200
    assert response.json() == {
        "id": user.id,
        "phone_number": "+966501234567",
        "first_name": "Sara",
        "last_name": "",
        "email": None,
        "email_verified": False,
        "pending_email": None,
        "preferred_language": "ar",
        "role": "customer",
        "is_phone_verified": True,
        "salon_alerts_by_sms": True,
        "email_undeliverable": False,
        "booking_emails": True,
        "daily_agenda_by_email": False,
        "manages_salons": False,
    }


@pytest.mark.django_db
def test_me_needs_a_signed_in_user(api_client):
    response = api_client.get(ME_URL, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


@pytest.mark.django_db
def test_patching_me_updates_the_profile_and_a_new_email_waits_for_verification(me_client):
    client, user = me_client

    response = client.patch(
        ME_URL, {"first_name": "Sarah", "last_name": "Alharbi", "email": "Sarah@Example.COM"}, format="json"
    )

    user.refresh_from_db()
    assert response.status_code == 200
    assert (response.json()["email"], response.json()["pending_email"]) == (None, "Sarah@example.com")
    assert (user.first_name, user.last_name, user.email, user.pending_email) == (
        "Sarah",
        "Alharbi",
        None,
        "Sarah@example.com",
    )


@pytest.mark.parametrize("empty", ["", None])
@pytest.mark.django_db
def test_an_empty_email_clears_it(me_client, empty):
    client, user = me_client
    User.objects.filter(pk=user.pk).update(email="sara@example.com", email_verified=True, pending_email="x@example.com")

    response = client.patch(ME_URL, {"email": empty}, format="json")

    user.refresh_from_db()
    assert response.status_code == 200
    assert (user.email, user.email_verified, user.pending_email) == (None, False, None)


@pytest.mark.django_db
def test_the_database_refuses_verified_emails_differing_only_in_case(make_user):
    from django.db import IntegrityError, transaction

    make_user("+966551234567", email="sara@example.com", email_verified=True)
    make_user("+966561234567", email="SARA@example.com")  # unverified: counts for nothing

    with pytest.raises(IntegrityError), transaction.atomic():
        make_user("+966501234567", email="SARA@example.com", email_verified=True)


@pytest.mark.django_db
def test_switching_language_changes_the_language_of_later_answers(me_client):
    client, user = me_client

    switched = client.patch(ME_URL, {"preferred_language": "en"}, format="json")
    error = client.patch(ME_URL, {"email": "not-an-email"}, format="json", HTTP_ACCEPT_LANGUAGE="ar")

    user.refresh_from_db()
    assert switched.status_code == 200
    assert user.preferred_language == "en"
    assert error.json()["errors"] == {"email": ["Enter a valid email address."]}


@pytest.mark.django_db
def test_an_arabic_speaking_user_gets_arabic_errors_whatever_the_browser_asks(me_client):
    client, _user = me_client

    response = client.post("/api/auth/me/email/verify/", {"code": "123456"}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json()["detail"] == "لا يوجد بريد إلكتروني بانتظار التأكيد."
    assert response["Content-Language"] == "ar"


@pytest.mark.django_db
def test_an_english_speaking_user_gets_english_errors_whatever_the_browser_asks(me_client):
    client, user = me_client
    User.objects.filter(pk=user.pk).update(preferred_language="en")

    response = client.post("/api/auth/me/email/verify/", {"code": "123456"}, format="json", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 400
    assert response.json()["detail"] == "There is no email address waiting for verification."
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_role_phone_and_verification_cannot_be_changed_by_the_user(me_client):
    client, user = me_client

    response = client.patch(
        ME_URL,
        {"role": "manager", "phone_number": "+966551234567", "is_phone_verified": False, "is_staff": True},
        format="json",
    )

    user.refresh_from_db()
    assert response.status_code == 200
    assert (user.role, user.phone_number, user.is_phone_verified, user.is_staff) == (
        "customer",
        "+966501234567",
        True,
        False,
    )


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"first_name": "a" * 151}, "first_name"),
        ({"first_name": None}, "first_name"),
        ({"last_name": ["x"]}, "last_name"),
        ({"email": "a" * 250 + "@example.com"}, "email"),
        ({"email": 12}, "email"),
        ({"preferred_language": "fr"}, "preferred_language"),
        ({"salon_alerts_by_sms": "sometimes"}, "salon_alerts_by_sms"),
        ({"daily_agenda_by_email": "sometimes"}, "daily_agenda_by_email"),
        ({"booking_emails": "maybe"}, "booking_emails"),
    ],
)
@pytest.mark.django_db
def test_bad_profile_updates_are_400(me_client, payload, field):
    client, user = me_client

    response = client.patch(ME_URL, payload, format="json")

    user.refresh_from_db()
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    assert (user.first_name, user.email, user.preferred_language) == ("Sara", None, "ar")


@pytest.mark.django_db
def test_put_is_not_allowed(me_client):
    client, _user = me_client

    response = client.put(ME_URL, {"first_name": "X"}, format="json")

    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


@pytest.mark.django_db
def test_a_salon_member_turns_sms_alerts_off_and_on(me_client):
    client, user = me_client

    off = client.patch(ME_URL, {"salon_alerts_by_sms": False}, format="json")
    user.refresh_from_db()
    assert (off.status_code, off.json()["salon_alerts_by_sms"], user.salon_alerts_by_sms) == (200, False, False)

    on = client.patch(ME_URL, {"salon_alerts_by_sms": True}, format="json")
    user.refresh_from_db()
    assert (on.json()["salon_alerts_by_sms"], user.salon_alerts_by_sms) == (True, True)


@pytest.mark.django_db
def test_me_says_whether_the_user_may_open_the_back_office(me_client, make_user):
    from apps.salons.tests.factories import make_salon

    client, user = me_client
    assert client.get(ME_URL).json()["manages_salons"] is False

    make_salon().managers.add(user)
    assert client.get(ME_URL).json()["manages_salons"] is True

    admin = make_user("+966501111111", is_superuser=True)
    client.force_authenticate(admin)
    assert client.get(ME_URL).json()["manages_salons"] is True
