"""GET /api/auth/social/identities/ and DELETE .../<id>/: one's own linked sign-ins only."""

import uuid

import pytest
from rest_framework.test import APIClient

from apps.accounts.models import User
from apps.social_auth.models import SocialIdentity

pytestmark = pytest.mark.django_db


def _user(phone="+966501234567", verified=True) -> User:
    return User.objects.create_user(phone_number=phone, is_phone_verified=verified)


def _identity(user, provider="google", subject="s-1", **fields) -> SocialIdentity:
    return SocialIdentity.objects.create(user=user, provider=provider, subject=subject, **fields)


def _client(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_list_shows_only_ones_own_identities():
    me, other = _user(), _user("+966507654321")
    mine = _identity(me, email="sara@example.com")
    _identity(other, subject="s-2")

    response = _client(me).get("/api/auth/social/identities/")

    assert response.status_code == 200
    assert [(row["id"], row["provider"], row["email"]) for row in response.json()] == [
        (str(mine.id), "google", "sara@example.com")
    ]
    assert "subject" not in response.json()[0]


def test_unlinking_removes_the_identity():
    me = _user()
    identity = _identity(me)

    response = _client(me).delete(f"/api/auth/social/identities/{identity.id}/")

    assert response.status_code == 204
    assert not SocialIdentity.objects.exists()


def test_someone_elses_identity_is_not_found():
    me, other = _user(), _user("+966507654321")
    theirs = _identity(other)

    response = _client(me).delete(f"/api/auth/social/identities/{theirs.id}/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert SocialIdentity.objects.filter(pk=theirs.pk).exists()


def test_an_unknown_identity_is_not_found():
    response = _client(_user()).delete(f"/api/auth/social/identities/{uuid.uuid4()}/")

    assert response.status_code == 404


def test_the_only_way_in_of_an_account_without_a_verified_phone_cannot_be_removed():
    me = _user(verified=False)
    identity = _identity(me)

    response = _client(me).delete(f"/api/auth/social/identities/{identity.id}/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 409
    assert response.json()["code"] == "last_sign_in_method"
    assert response.json()["detail"] != "This is your only way to sign in; verify a phone number before removing it."
    assert SocialIdentity.objects.filter(pk=identity.pk).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/auth/social/identities/"), ("delete", f"/api/auth/social/identities/{uuid.uuid4()}/")],
)
def test_anonymous_callers_are_refused(method, path):
    response = getattr(APIClient(), method)(path)

    assert response.status_code == 401
