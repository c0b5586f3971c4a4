import pytest
from rest_framework.test import APIClient

from apps.accounts.models import User
from apps.passkeys.models import Passkey

from .authenticator import SoftAuthenticator
from .conftest import register

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_my_passkeys_that_are_not_removed(signed_in, customer):
    first, second = SoftAuthenticator(), SoftAuthenticator()
    register(signed_in, first, name="Laptop")
    register(signed_in, second, name="Phone")
    Passkey.objects.filter(credential_id=first.id).update(removed_at="2026-01-01T00:00:00Z")
    other = APIClient()
    other.force_authenticate(User.objects.create_user(phone_number="+966507654321", is_phone_verified=True))
    register(other, SoftAuthenticator(), name="Someone else's")

    response = signed_in.get("/api/auth/passkeys/")

    assert response.status_code == 200
    assert [p["name"] for p in response.json()] == ["Phone"]
    assert set(response.json()[0]) == {"id", "name", "created_at", "last_used_at", "backed_up"}


def test_removing_someone_elses_passkey_is_not_found(signed_in):
    other = APIClient()
    other.force_authenticate(User.objects.create_user(phone_number="+966507654321", is_phone_verified=True))
    register(other, SoftAuthenticator())
    passkey = Passkey.objects.get()

    response = signed_in.delete(f"/api/auth/passkeys/{passkey.pk}/")

    assert response.status_code == 404
    assert response.json()["code"] == "passkey_not_found"
    passkey.refresh_from_db()
    assert passkey.removed_at is None


def test_removing_twice_is_not_found(signed_in, authenticator):
    register(signed_in, authenticator)
    passkey = Passkey.objects.get()
    assert signed_in.delete(f"/api/auth/passkeys/{passkey.pk}/").status_code == 204

    assert signed_in.delete(f"/api/auth/passkeys/{passkey.pk}/").status_code == 404


@pytest.mark.parametrize(("method", "path"), [("get", "/api/auth/passkeys/"), ("delete", "/api/auth/passkeys/1/")])
def test_anonymous_users_have_no_passkeys(db, method, path):
    response = getattr(APIClient(), method)(path)

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_purging_deletes_only_long_expired_challenges(signed_in):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from apps.passkeys.models import PasskeyChallenge

    signed_in.post("/api/auth/passkeys/register/options/")
    signed_in.post("/api/auth/passkeys/register/options/")
    old = PasskeyChallenge.objects.first()
    PasskeyChallenge.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(hours=2))

    call_command("passkey_challenges_purge")

    assert not PasskeyChallenge.objects.filter(pk=old.pk).exists()
    assert PasskeyChallenge.objects.count() == 1
