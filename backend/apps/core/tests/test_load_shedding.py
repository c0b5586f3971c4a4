"""A request that waited in the queue longer than REQUEST_QUEUE_TIMEOUT_SECONDS is shed with a 503."""

import time

import pytest
from django.test import override_settings

from apps.core.load_shedding import queued_seconds
from apps.core.observability.metrics import SHED_REQUESTS


@pytest.mark.parametrize("scale", [1, 1_000, 1_000_000])
def test_queued_seconds_reads_seconds_milliseconds_and_microseconds(scale):
    now = 1_800_000_000.0
    assert queued_seconds(f"t={(now - 12.5) * scale:.3f}", now) == pytest.approx(12.5, abs=0.01)


@pytest.mark.parametrize("header", ["", "t=", "t=abc", "yesterday"])
def test_an_unusable_stamp_is_ignored(header):
    assert queued_seconds(header, time.time()) is None


@pytest.mark.django_db
@override_settings(REQUEST_QUEUE_TIMEOUT_SECONDS=10)
def test_a_request_that_queued_too_long_is_shed_with_the_error_body(api_client):
    # Given a request the load balancer received 30 seconds ago
    before = SHED_REQUESTS._value.get()
    stamp = f"t={(time.time() - 30) * 1000:.0f}"

    # When
    response = api_client.get("/api/salons/", HTTP_X_REQUEST_START=stamp, HTTP_ACCEPT_LANGUAGE="en")

    # Then
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert response.json() == {"detail": "The service is busy. Please try again shortly.", "code": "overloaded"}
    assert SHED_REQUESTS._value.get() == before + 1


@pytest.mark.django_db
@override_settings(REQUEST_QUEUE_TIMEOUT_SECONDS=10)
def test_a_request_that_queued_briefly_is_served(api_client):
    stamp = f"t={(time.time() - 2) * 1000:.0f}"
    assert api_client.get("/api/salons/", HTTP_X_REQUEST_START=stamp).status_code == 200


@pytest.mark.django_db
@override_settings(REQUEST_QUEUE_TIMEOUT_SECONDS=0)
def test_shedding_can_be_turned_off(api_client):
    stamp = f"t={(time.time() - 300) * 1000:.0f}"
    assert api_client.get("/api/salons/", HTTP_X_REQUEST_START=stamp).status_code == 200
