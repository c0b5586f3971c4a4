"""Real threads against the real database: the limits and the single use hold under races."""

import threading
from collections import Counter

import pytest
from django.db import connection
from rest_framework.test import APIClient

from apps.accounts.models import OTPRequest, OTPStatus, User

pytestmark = [pytest.mark.concurrency, pytest.mark.django_db(transaction=True)]

THREADS = 10


def run_together(call, count=THREADS) -> list:
    """Run `call()` in `count` threads released at the same moment; returns their results."""
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


def test_concurrent_code_requests_for_one_number_send_exactly_one(settings, otp_outbox):
    settings.OTP_PROVIDER = "console"
    settings.OTP_RESEND_COOLDOWN_SECONDS = 60

    def request_code():
        response = APIClient().post("/api/auth/phone/request/", {"phone_number": "0501234567"}, format="json")
        return response.status_code, response.json()["code"] if response.status_code != 201 else None

    results = run_together(request_code)

    assert Counter(results) == Counter({(201, None): 1, (429, "otp_cooldown"): THREADS - 1})
    assert OTPRequest.objects.count() == 1
    assert OTPRequest.objects.get().status == OTPStatus.ACTIVE
    assert len(otp_outbox.lines) == 1


def test_concurrent_right_answers_sign_in_once(settings, otp_outbox):
    settings.OTP_PROVIDER = "console"
    response = APIClient().post("/api/auth/phone/request/", {"phone_number": "0501234567"}, format="json")
    request_id = response.json()["request_id"]
    code = otp_outbox.code_for(request_id)

    def verify():
        answer = APIClient().post("/api/auth/phone/verify/", {"request_id": request_id, "code": code}, format="json")
        return answer.status_code, answer.json().get("code")

    results = run_together(verify)

    assert Counter(results) == Counter({(200, None): 1, (400, "otp_used"): THREADS - 1})
    assert User.objects.count() == 1


def test_concurrent_uses_of_one_refresh_token_rotate_it_once(settings, otp_outbox):
    settings.OTP_PROVIDER = "console"
    client = APIClient()
    request_id = client.post("/api/auth/phone/request/", {"phone_number": "0501234567"}, format="json").json()[
        "request_id"
    ]
    tokens = client.post(
        "/api/auth/phone/verify/", {"request_id": request_id, "code": otp_outbox.code_for(request_id)}, format="json"
    ).json()

    def refresh():
        return APIClient().post("/api/auth/token/refresh/", {"refresh": tokens["refresh"]}, format="json").status_code

    results = run_together(refresh)

    assert Counter(results) == Counter({200: 1, 401: THREADS - 1})
