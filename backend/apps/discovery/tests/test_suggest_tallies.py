"""The typeahead's tallies of offered names follow every write that changes them, and a kept tally
costs no query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.salons.tests.factories import make_salon, make_service

pytestmark = pytest.mark.django_db

SUGGEST_URL = reverse("discovery:salon-suggest")


def services(api_client, q):
    response = api_client.get(SUGGEST_URL, {"q": q}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    return response.json()["services"]


def test_a_new_service_name_is_suggested_once_its_write_commits(api_client, django_capture_on_commit_callbacks):
    # Given
    salon = make_salon()
    make_service(salon, name_ar="حناء", name_en="Henna art")
    assert services(api_client, "henna") == [{"name": "Henna art", "salon_count": 1}]

    # When
    with django_capture_on_commit_callbacks(execute=True):
        make_service(make_salon(), name_ar="حناء", name_en="Henna art")
        make_service(salon, name_ar="حناء عروس", name_en="Henna bridal")

    # Then
    assert services(api_client, "henna") == [
        {"name": "Henna art", "salon_count": 2},
        {"name": "Henna bridal", "salon_count": 1},
    ]


def test_a_deactivated_salon_or_service_stops_counting(api_client, django_capture_on_commit_callbacks):
    # Given
    first, second = make_salon(), make_salon()
    make_service(first, name_ar="حناء", name_en="Henna art")
    service = make_service(second, name_ar="حناء", name_en="Henna art")
    assert services(api_client, "henna") == [{"name": "Henna art", "salon_count": 2}]

    # When
    with django_capture_on_commit_callbacks(execute=True):
        first.is_active = False
        first.save(update_fields=["is_active"])
    after_salon = services(api_client, "henna")
    with django_capture_on_commit_callbacks(execute=True):
        service.is_active = False
        service.save(update_fields=["is_active"])

    # Then
    assert after_salon == [{"name": "Henna art", "salon_count": 1}]
    assert services(api_client, "henna") == []


def test_kept_tallies_leave_one_query_per_suggestion(api_client):
    # Given
    for _ in range(3):
        make_service(make_salon(district_ar="النخيل", district_en="Al Nakheel"), name_ar="حناء", name_en="Henna art")
    services(api_client, "henna")  # counts the tallies

    # When
    with CaptureQueriesContext(connection) as queries:
        response = api_client.get(SUGGEST_URL, {"q": "نخي"})

    # Then
    assert response.json()["districts"][0]["salon_count"] == 3
    assert len(queries) == 1  # the salons' names; services and districts come from the kept tallies
