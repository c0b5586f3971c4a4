"""Real threads against the real database: a challenge is used once under a race (run on PostgreSQL)."""

import threading
from collections import Counter

import pytest
from django.db import connection
from rest_framework.test import APIClient

from apps.accounts.models import User
from apps.passkeys.models import Passkey

from .authenticator import SoftAuthenticator
from .conftest import login_options

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]

THREADS = 8


def run_together(call, count=THREADS) -> list:
    barrier = threading.Barrier(count)
    results: list = []
    lock = threading.Lock()

    def worker():
        try:
            barrier.wait()
            result = call()
            with lock:
                results.append(result)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_one_login_challenge_signs_in_once_under_a_race():
    user = User.objects.create_user(phone_number="+966501234567", is_phone_verified=True)
    client = APIClient()
    client.force_authenticate(user)
    authenticator = SoftAuthenticator()
    options = client.post("/api/auth/passkeys/register/options/").json()
    created = client.post(
        "/api/auth/passkeys/register/verify/", {"credential": authenticator.create(options)}, format="json"
    )
    assert created.status_code == 201
    answer = authenticator.get(login_options())

    def sign_in():
        response = APIClient().post("/api/auth/passkeys/login/verify/", {"credential": answer}, format="json")
        return response.status_code, response.json().get("code")

    results = run_together(sign_in)

    assert Counter(results) == Counter({(200, None): 1, (400, "passkey_challenge_used"): THREADS - 1})
    assert Passkey.objects.get().sign_count == 1
