"""A database outage is answered 503 with Retry-After, never a 500 or a traceback."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from apps.accounts.models import User


def _break_the_database(monkeypatch):
    def execute(self, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(CursorWrapper, "execute", execute)


@pytest.mark.django_db
def test_an_api_route_answers_503_with_retry_after_and_the_error_body(monkeypatch):
    client = Client(raise_request_exception=False)
    _break_the_database(monkeypatch)

    response = client.get("/api/salons/")

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response.json() == {
        "detail": "الخدمة غير متاحة مؤقتًا. يُرجى المحاولة بعد قليل.",
        "code": "service_unavailable",
    }


@pytest.mark.django_db
def test_a_non_api_route_answers_503_in_plain_text_without_a_traceback(monkeypatch):
    client = Client(raise_request_exception=False)
    client.force_login(User.objects.create_superuser(phone_number="+966500000001", password="x-long-password-1"))
    _break_the_database(monkeypatch)

    response = client.get("/admin/", headers={"Accept-Language": "en"})

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert b"Traceback" not in response.content
    assert b"Connection refused" not in response.content
