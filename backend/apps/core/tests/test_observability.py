"""Request ids, the request log line, structured logs with personal data masked, and /metrics."""

import json
import logging

import pytest
import responses
from django.db import transaction
from prometheus_client import REGISTRY

from apps.accounts.models import User
from apps.core.events import Reactors
from apps.core.observability import metrics
from apps.core.observability.context import request_id_var
from apps.core.observability.logging import JsonFormatter, MaskingFormatter


def _sample(name: str, **labels) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.mark.django_db
def test_every_answer_carries_a_request_id_and_keeps_an_acceptable_one(api_client):
    generated = api_client.get("/api/health/")
    echoed = api_client.get("/api/health/", HTTP_X_REQUEST_ID="lb-7f3a.42")
    refused = api_client.get("/api/health/", HTTP_X_REQUEST_ID="has spaces and\nnewlines")

    assert len(generated["X-Request-ID"]) == 32
    assert echoed["X-Request-ID"] == "lb-7f3a.42"
    assert refused["X-Request-ID"] != "has spaces and\nnewlines"
    assert len(refused["X-Request-ID"]) == 32


@pytest.mark.django_db
def test_one_log_line_per_request_with_the_route_not_the_path(api_client, caplog):
    user = User.objects.create_user(phone_number="+966500000081")
    api_client.force_authenticate(user)
    caplog.set_level(logging.INFO, logger="apps.request")

    api_client.get("/api/notifications/?q=0500000081", HTTP_X_REQUEST_ID="req-1")

    [record] = [record for record in caplog.records if record.name == "apps.request"]
    assert record.route == "/api/notifications/"
    assert (record.method, record.status, record.user_id) == ("GET", 200, user.pk)
    assert record.db_queries >= 1
    assert record.duration_ms >= 0
    assert "0500000081" not in record.getMessage()


def _record(message, *args, name="apps.bookings", **extra) -> logging.LogRecord:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return record


def test_phone_numbers_are_masked_in_every_log_line_but_the_console_providers():
    masked = _record("Sent to %s and %s", "+966512345678", "0598765432")
    kept = _record("OTP for %s via sms: 123456", "+966512345678", console_provider=True)

    plain = MaskingFormatter("%(message)s")
    assert plain.format(masked) == "Sent to +9665•••••678 and +9665•••••432"
    assert json.loads(JsonFormatter().format(masked))["message"] == "Sent to +9665•••••678 and +9665•••••432"
    assert masked.getMessage() == "Sent to +966512345678 and 0598765432"  # the record itself is left alone
    assert plain.format(kept) == "OTP for +966512345678 via sms: 123456"


def test_json_lines_carry_the_request_id_and_extra_fields():
    token = request_id_var.set("req-9")
    try:
        line = json.loads(JsonFormatter().format(_record("booking %s confirmed", "SLN-1", booking_id=7)))
    finally:
        request_id_var.reset(token)

    assert line["message"] == "booking SLN-1 confirmed"
    assert (line["level"], line["logger"], line["request_id"], line["booking_id"]) == (
        "INFO",
        "apps.bookings",
        "req-9",
        7,
    )


@pytest.mark.django_db
def test_metrics_need_the_token_or_a_local_caller(api_client, settings):
    settings.METRICS_TOKEN = ""
    assert api_client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 404
    assert api_client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200

    settings.METRICS_TOKEN = "s3cret-metrics"
    assert api_client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 404
    assert api_client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    allowed = api_client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-metrics", REMOTE_ADDR="10.1.2.3")
    assert allowed.status_code == 200
    assert allowed["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_metrics_show_requests_by_route_and_the_queue_depths(api_client):
    api_client.get("/api/health/")

    body = api_client.get("/metrics").content.decode()

    assert 'salon_http_request_duration_seconds_count{method="GET",route="/api/health/",status="200"}' in body
    assert "salon_notification_outbox_due 0.0" in body
    assert "salon_payments_reconciliation_due 0.0" in body


@pytest.mark.django_db
def test_a_gauge_that_cannot_be_read_does_not_break_the_scrape(api_client, monkeypatch):
    def broken():
        raise RuntimeError("table missing")

    monkeypatch.setitem(metrics._gauges, "salon_test_broken", ("A broken figure.", broken))

    response = api_client.get("/metrics")

    assert response.status_code == 200
    assert "salon_test_broken" not in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_domain_events_count_only_once_committed():
    topic = Reactors("observability-test")

    class Event:
        kind = "created"

    before = _sample("salon_domain_events_total", topic="observability-test", kind="created")
    with pytest.raises(RuntimeError), transaction.atomic():
        topic.publish(Event())
        raise RuntimeError("rolled back")
    with transaction.atomic():
        topic.publish(Event())

    assert _sample("salon_domain_events_total", topic="observability-test", kind="created") == before + 1


@responses.activate
def test_provider_calls_record_their_latency_and_outcome(settings):
    from apps.core.authentica import authentica_post

    settings.AUTHENTICA_BASE_URL = "https://api.authentica.test"
    responses.post("https://api.authentica.test/api/v2/send-otp", json={"message": "down"}, status=503)
    labels = {"provider": "authentica", "operation": "POST /api/v2/send-otp", "outcome": "http_503"}
    before = _sample("salon_provider_call_duration_seconds_count", **labels)

    authentica_post("/api/v2/send-otp", {"phone": "+966500000001"})

    assert _sample("salon_provider_call_duration_seconds_count", **labels) == before + 1


def test_sentry_events_leave_without_phone_numbers_or_credentials():
    from apps.core.observability.sentry import scrub_event

    event = {
        "message": "Booking for +966512345678 failed",
        "exception": {"values": [{"type": "ValueError", "value": "bad phone 0512345678"}]},
        "request": {
            "url": "https://salon.example/api/bookings/",
            "headers": {"Authorization": "Bearer abc", "Cookie": "refresh=xyz", "User-Agent": "Safari"},
            "cookies": {"refresh": "xyz"},
            "data": {"phone": "+966512345678"},
            "query_string": "phone=0512345678",
        },
    }

    scrubbed = json.dumps(scrub_event(event), ensure_ascii=False)

    assert "512345678" not in scrubbed
    assert "Bearer abc" not in scrubbed and "xyz" not in scrubbed
    assert "Safari" in scrubbed
    assert "+9665•••••678" in scrubbed


def test_sentry_starts_only_with_a_dsn(monkeypatch):
    import subprocess
    import sys
    from pathlib import Path

    backend = Path(__file__).resolve().parents[3]
    code = "import django, sentry_sdk; django.setup(); print(sentry_sdk.get_client().is_active())"
    env = {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1", "PATH": "/usr/bin:/bin"}
    off = subprocess.run([sys.executable, "-c", code], cwd=backend, env=env, capture_output=True, text=True)
    on = subprocess.run(
        [sys.executable, "-c", code],
        cwd=backend,
        env={**env, "SENTRY_DSN": "https://public@sentry.example/1"},
        capture_output=True,
        text=True,
    )

    assert off.stdout.strip() == "False", off.stderr
    assert on.stdout.strip() == "True", on.stderr
