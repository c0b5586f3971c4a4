"""Rate limits: 429 with Retry-After and the error body, per user or per client address."""

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from apps.accounts.models import User
from apps.core.throttling import parse_rate

pytestmark = pytest.mark.django_db
RATES_OFF = {"anon": "", "search": "", "availability": "", "auth": "", "webhooks": "", "exports": "", "reports": ""}


def _client(ip: str = "203.0.113.7", user=None) -> APIClient:
    client = APIClient(REMOTE_ADDR=ip)
    if user is not None:
        client.force_authenticate(user)
    return client


def test_rates_are_read_with_a_period_multiplier():
    assert parse_rate("100/m") == (100, 60)
    assert parse_rate("5/15m") == (5, 900)
    assert parse_rate("30/hour") == (30, 3600)
    assert parse_rate("2/d") == (2, 86400)


def test_over_the_limit_the_search_answers_429_with_retry_after_and_the_error_body(settings):
    settings.THROTTLE_RATES = {**RATES_OFF, "search": "2/m"}
    client = _client()

    statuses = [client.get("/api/salons/").status_code for _ in range(3)]
    response = client.get("/api/salons/", headers={"Accept-Language": "en"})

    assert statuses == [200, 200, 429]
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = response.json()
    assert body["code"] == "throttled"
    assert body["retry_after"] == int(response["Retry-After"])
    assert body["detail"].startswith("Request was throttled.")


def test_anonymous_callers_are_counted_per_address_and_users_per_account(settings):
    settings.THROTTLE_RATES = {**RATES_OFF, "search": "1/m"}
    first, second = User.objects.create_user("+966500000011"), User.objects.create_user("+966500000012")

    assert _client("203.0.113.7").get("/api/salons/").status_code == 200
    assert _client("203.0.113.7").get("/api/salons/").status_code == 429
    assert _client("203.0.113.8").get("/api/salons/").status_code == 200
    # Signed in behind the same address: each account has its own count.
    assert _client("203.0.113.7", first).get("/api/salons/").status_code == 200
    assert _client("203.0.113.7", second).get("/api/salons/").status_code == 200
    assert _client("203.0.113.7", first).get("/api/salons/").status_code == 429


def test_every_anonymous_api_request_has_the_generous_default_limit_and_signed_in_users_do_not(settings):
    settings.THROTTLE_RATES = {**RATES_OFF, "anon": "1/m"}
    user = User.objects.create_user("+966500000013")

    assert _client().get("/api/payments/config/").status_code == 200
    assert _client().get("/api/payments/config/").status_code == 429
    assert [_client(user=user).get("/api/payments/config/").status_code for _ in range(3)] == [200, 200, 200]


def test_sign_in_is_limited_per_address_even_with_a_stale_token(settings):
    settings.THROTTLE_RATES = {**RATES_OFF, "auth": "1/m"}
    client = _client()
    client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    first = client.post("/api/auth/token/refresh/", {"refresh": "x"}, format="json")
    second = client.post("/api/auth/phone/request/", {"phone_number": "0501234567"}, format="json")

    assert first.status_code == 401
    assert second.status_code == 429
    assert second.json()["code"] == "throttled"


@override_settings(THROTTLE_RATES={**RATES_OFF, "webhooks": "1/m"})
def test_webhooks_have_their_own_limit():
    client = _client()

    assert client.post("/api/payments/webhook/", {}, format="json").status_code != 429
    assert client.post("/api/payments/webhook/", {}, format="json").status_code == 429


def test_a_cache_outage_lets_requests_through_and_is_logged(settings, monkeypatch, caplog):
    from django.core.cache import cache

    settings.THROTTLE_RATES = {**RATES_OFF, "search": "1/m"}

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "get", broken)

    statuses = [_client().get("/api/salons/").status_code for _ in range(2)]

    assert statuses == [200, 200]
    assert "Throttle cache unavailable; request allowed (scope search)" in caplog.text
