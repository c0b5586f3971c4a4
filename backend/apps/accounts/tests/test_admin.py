from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from apps.accounts.models import OTPRequest, OTPStatus, User


@pytest.fixture
def admin_client(client, make_user):
    admin = make_user("+966500000001", password="a-strong-password", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


@pytest.mark.django_db
def test_createsuperuser_works_with_a_phone_number(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-password")

    call_command("createsuperuser", "--phone_number", "+966501234567", "--noinput", verbosity=0)

    user = User.objects.get()
    assert user.phone_number == "+966501234567"
    assert (user.is_staff, user.is_superuser) == (True, True)
    assert user.check_password("a-strong-password")


@pytest.mark.django_db
def test_createsuperuser_stores_a_local_number_as_e164(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-strong-password")

    call_command("createsuperuser", "--phone_number", "0551234567", "--noinput", verbosity=0)

    assert User.objects.get().phone_number == "+966551234567"


@pytest.mark.django_db
def test_an_admin_signs_in_to_the_admin_site_with_a_local_number(client, make_user):
    make_user("+966501234567", password="a-strong-password", is_staff=True)

    response = client.post("/admin/login/", {"username": "0501234567", "password": "a-strong-password"})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_user_list_shows_searches_and_filters(admin_client, make_user):
    make_user("+966551234567", first_name="Nora", last_name="Alqahtani", role="manager")

    listing = admin_client.get("/admin/accounts/user/", {"q": "Nora", "role__exact": "manager"})

    assert listing.status_code == 200
    assert [user.phone_number for user in listing.context["cl"].result_list] == ["+966551234567"]
    assert "Alqahtani" in listing.content.decode()


@pytest.mark.django_db
def test_the_admin_add_page_creates_a_user_from_a_phone_number_and_password(admin_client):
    form = admin_client.get("/admin/accounts/user/add/")

    response = admin_client.post(
        "/admin/accounts/user/add/",
        {
            "phone_number": "٠٥٥١٢٣٤٥٦٧",
            "usable_password": "true",
            "password1": "another-strong-password",
            "password2": "another-strong-password",
        },
    )

    user = User.objects.get(phone_number="+966551234567")
    assert form.status_code == 200
    assert response.status_code == 302
    assert user.check_password("another-strong-password")


@pytest.mark.django_db
def test_the_admin_add_page_refuses_an_invalid_or_taken_number(admin_client):
    invalid = admin_client.post("/admin/accounts/user/add/", {"phone_number": "0521234567", "usable_password": "false"})
    taken = admin_client.post("/admin/accounts/user/add/", {"phone_number": "0500000001", "usable_password": "false"})

    assert invalid.status_code == taken.status_code == 200  # the form again, with its errors
    assert invalid.context["adminform"].form.errors["phone_number"]
    assert taken.context["adminform"].form.errors["phone_number"]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_the_user_change_page_renders(admin_client, make_user):
    user = make_user("+966551234567")

    response = admin_client.get(f"/admin/accounts/user/{user.pk}/change/")

    assert response.status_code == 200
    assert "is_superuser" in response.content.decode()


@pytest.fixture
def sent_code(db):
    now = timezone.now()
    return OTPRequest.objects.create(
        phone_number="+966501234567",
        channel="sms",
        provider="console",
        code_hash="f" * 64,
        status=OTPStatus.ACTIVE,
        ip_address="203.0.113.7",
        created_at=now,
        expires_at=now + timedelta(minutes=5),
    )


@pytest.mark.django_db
def test_one_time_codes_are_listed_and_searchable_but_never_show_a_code(admin_client, sent_code):
    listing = admin_client.get("/admin/accounts/otprequest/", {"q": "+966501234567", "status__exact": "active"})
    detail = admin_client.get(f"/admin/accounts/otprequest/{sent_code.pk}/change/")

    assert listing.status_code == detail.status_code == 200
    assert list(listing.context["cl"].result_list) == [sent_code]
    assert "203.0.113.7" in listing.content.decode()
    assert "f" * 64 not in listing.content.decode()
    assert "f" * 64 not in detail.content.decode()


@pytest.mark.django_db
def test_one_time_codes_are_read_only(admin_client, sent_code):
    add = admin_client.get("/admin/accounts/otprequest/add/")
    change = admin_client.post(f"/admin/accounts/otprequest/{sent_code.pk}/change/", {"status": "used", "attempts": 0})
    delete = admin_client.post(f"/admin/accounts/otprequest/{sent_code.pk}/delete/", {"post": "yes"})

    sent_code.refresh_from_db()
    assert add.status_code == 403
    assert change.status_code == 403
    assert delete.status_code == 403
    assert sent_code.status == OTPStatus.ACTIVE
