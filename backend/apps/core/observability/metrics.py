"""Prometheus metrics: definitions, the scrape-time gauges apps register, and the `/metrics` view.

With several gunicorn workers, set PROMETHEUS_MULTIPROC_DIR to an empty directory writable by all of
them (gunicorn.conf.py empties it at start and marks dead workers): every worker writes its samples
there and a scrape of any worker reads them all. Without it (runserver, tests) the samples are the
process's own.
"""

import hmac
import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.http import HttpResponse
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import REGISTRY, Collector

from apps.core.net import client_ip

logger = logging.getLogger(__name__)

HTTP_REQUESTS = Histogram(
    "salon_http_request_duration_seconds",
    "Time to answer an HTTP request, by method, route pattern and status.",
    ["method", "route", "status"],
    buckets=(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.0, 2.0, 5.0, 10.0),
)
DB_QUERIES = Histogram(
    "salon_http_request_db_queries",
    "Database queries made to answer one request, by route pattern.",
    ["route"],
    buckets=(0, 1, 2, 5, 10, 20, 50, 100, 200),
)
SHED_REQUESTS = Counter(
    "salon_shed_requests_total",
    "Requests answered 503 at once because they waited in a queue longer than REQUEST_QUEUE_TIMEOUT_SECONDS.",
)
DOMAIN_EVENTS = Counter(
    "salon_domain_events_total",
    "Committed domain events (bookings: created, cancelled, …; payments: payment_received, refund_issued, …).",
    ["topic", "kind"],
)
PAYMENT_TRANSITIONS = Counter(
    "salon_payment_transitions_total", "Committed payment status changes, by the status reached.", ["to_status"]
)
NOTIFICATION_SENDS = Counter(
    "salon_notification_sends_total",
    "Outcomes of notification send attempts (sent, failed, retry, skipped).",
    ["outcome"],
)
PROVIDER_CALLS = Histogram(
    "salon_provider_call_duration_seconds",
    "Calls to outside providers (Authentica, Moyasar, …), by provider, operation and outcome.",
    ["provider", "operation", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0),
)


def count_after_commit(counter_child, amount: float = 1) -> None:
    """Count once the transaction commits: a rolled-back change never happened."""
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: counter_child.inc(amount))
    else:
        counter_child.inc(amount)


class ProviderCall:
    """What the caller learns of a call inside `provider_call`: set `outcome` when an answer is a refusal."""

    def __init__(self):
        self.outcome = "ok"


# Ids in a provider's path (payment ids, numbers) would make a label per call.
_ID_IN_PATH = re.compile(r"/[0-9A-Fa-f-]{8,}|/\d+")


@contextmanager
def provider_call(provider: str, operation: str) -> Iterator[ProviderCall]:
    """Time a call to a provider and record its outcome (`ok`, what the caller set, e.g. `http_500`, or the
    exception's class name), with one log line carrying the latency."""
    operation = _ID_IN_PATH.sub("/{id}", operation)
    call = ProviderCall()
    started = time.perf_counter()
    try:
        yield call
    except Exception as exc:
        call.outcome = type(exc).__name__
        raise
    finally:
        elapsed = time.perf_counter() - started
        PROVIDER_CALLS.labels(provider, operation, call.outcome).observe(elapsed)
        logger.info(
            "provider call %s %s: %s in %.0f ms",
            provider,
            operation,
            call.outcome,
            elapsed * 1000,
            extra={
                "provider": provider,
                "operation": operation,
                "outcome": call.outcome,
                "duration_ms": round(elapsed * 1000, 1),
            },
        )


# Gauges read from the database at scrape time (queue depths), registered by the apps that own the data
# in their AppConfig.ready, so core imports none of them.
_gauges: dict[str, tuple[str, Callable[[], float]]] = {}


def register_gauge(name: str, documentation: str, read: Callable[[], float]) -> None:
    _gauges[name] = (documentation, read)


class DatabaseGauges(Collector):
    def collect(self):
        for name, (documentation, read) in sorted(_gauges.items()):
            try:
                value = read()
            except Exception:  # a scrape must not fail because one figure could not be read
                logger.exception("Metric %s could not be read", name)
                continue
            yield GaugeMetricFamily(name, documentation, value=value)


_database_gauges = DatabaseGauges()
REGISTRY.register(_database_gauges)


def _registry() -> CollectorRegistry:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    registry.register(_database_gauges)
    return registry


def _allowed(request) -> bool:
    token = settings.METRICS_TOKEN
    if token:
        given = request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    # Without a token only the host itself (a local agent, or a sidecar on the loopback) may read.
    return client_ip(request) in {"127.0.0.1", "::1"}


def metrics_view(request):
    """`GET /metrics`: Prometheus' text format; a bearer token (METRICS_TOKEN) or a loopback caller."""
    if not _allowed(request):
        return HttpResponse(status=404)
    return HttpResponse(generate_latest(_registry()), content_type=CONTENT_TYPE_LATEST)
