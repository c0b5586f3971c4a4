"""Real threads against the real database: two tabs link one identity to two phones; one wins."""

from collections import Counter

import pytest
from rest_framework.test import APIClient

from apps.core.tests.concurrency import race
from apps.social_auth.link_tokens import PendingLink, link_token_issue
from apps.social_auth.models import SocialIdentity

from .conftest import sign_in_code

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]


def test_two_tabs_linking_one_identity_to_two_phones_one_wins():
    pending = PendingLink(
        provider="google", subject="shared", email="", is_private_relay=False, first_name="", last_name=""
    )
    link_token = link_token_issue(pending)
    codes = [sign_in_code("+966501111111"), sign_in_code("+966502222222")]

    def link(otp):
        def call():
            response = APIClient().post(
                "/api/auth/social/link/",
                {"link_token": link_token, "request_id": str(otp.id), "code": "123456"},
                format="json",
            )
            return response.status_code, response.json().get("code")

        return call

    results = race([link(otp) for otp in codes])

    assert Counter(results) == Counter({(200, None): 1, (409, "identity_already_linked"): 1})
    identity = SocialIdentity.objects.get()
    assert identity.user.phone_number in {"+966501111111", "+966502222222"}


def test_two_tabs_linking_one_identity_to_the_same_phone_both_succeed_with_one_row():
    pending = PendingLink(
        provider="apple", subject="same", email="", is_private_relay=False, first_name="", last_name=""
    )
    link_token = link_token_issue(pending)
    codes = [sign_in_code("+966501111111")]

    response = APIClient().post(
        "/api/auth/social/link/",
        {"link_token": link_token, "request_id": str(codes[0].id), "code": "123456"},
        format="json",
    )

    assert response.status_code == 200
    assert SocialIdentity.objects.count() == 1
