"""The admin never shows one-time-code or token material."""

import pytest
from django.urls import reverse
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from apps.accounts.models import OTPRequest, User
from apps.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("+966559990002"))
    return client


def test_a_sign_in_sessions_page_does_not_show_the_refresh_token(admin_client):
    person = User.objects.create_user("+966551110000")
    refresh = str(RefreshToken.for_user(person))
    session = OutstandingToken.objects.get(user=person)
    listing = admin_client.get(reverse("admin:token_blacklist_outstandingtoken_changelist"))
    page = admin_client.get(reverse("admin:token_blacklist_outstandingtoken_change", args=[session.pk]))

    assert (listing.status_code, page.status_code) == (200, 200)
    for response in (listing, page):
        assert refresh not in response.content.decode()
        assert refresh.split(".")[2] not in response.content.decode()
    assert session.jti in page.content.decode()


def test_a_one_time_codes_page_does_not_show_its_hash(admin_client):
    otp = OTPRequest.objects.create(
        phone_number="+966551110001",
        channel="sms",
        provider="console",
        ip_address="127.0.0.1",
        code_hash="f" * 64,
        expires_at="2030-01-01T00:00:00Z",
    )

    listing = admin_client.get(reverse("admin:accounts_otprequest_changelist"))
    page = admin_client.get(reverse("admin:accounts_otprequest_change", args=[otp.pk]))

    assert (listing.status_code, page.status_code) == (200, 200)
    assert "f" * 64 not in listing.content.decode() + page.content.decode()
    assert not AuditEntry.objects.exists()
