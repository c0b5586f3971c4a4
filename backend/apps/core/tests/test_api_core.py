import io

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_liveness_answers_without_touching_the_database(api_client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api_client.get("/api/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readiness_checks_the_database_the_cache_and_the_migrations(api_client):
    response = api_client.get("/api/health/ready/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok", "migrations": "ok"}}


@pytest.mark.django_db
def test_readiness_is_503_when_the_database_fails(api_client, monkeypatch):
    from apps.core import health

    def database_down():
        raise RuntimeError("database down")

    monkeypatch.setitem(health.CHECKS, "database", database_down)

    response = api_client.get("/api/health/ready/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.json()
    assert (body["status"], body["code"], body["checks"]["database"]) == ("error", "not_ready", "error")
    assert "database" in body["detail"]


@pytest.mark.django_db
def test_readiness_is_503_while_a_migration_is_not_applied(api_client, monkeypatch):
    from django.db.migrations.executor import MigrationExecutor

    from apps.core import health

    monkeypatch.setattr(health, "_migrations_seen_applied", False)
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)])

    response = api_client.get("/api/health/ready/")

    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "migrations": "error"}


@pytest.mark.django_db
def test_openapi_schema_and_docs_are_served(api_client):
    schema = api_client.get("/api/schema/")
    docs = api_client.get("/api/docs/")

    assert schema.status_code == 200
    assert b"/api/health/" in schema.content
    assert docs.status_code == 200


@pytest.mark.django_db
def test_unknown_api_path_is_a_json_404_in_arabic_by_default(client):
    response = client.get("/api/does-not-exist/")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["detail"] != "Not found."


@pytest.mark.django_db
def test_unknown_api_path_is_english_when_asked(client):
    response = client.get("/api/does-not-exist/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.django_db
def test_client_routes_fall_back_to_the_spa(client):
    response = client.get("/salons/some-salon/book")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.django_db
def test_migrations_are_in_step_with_the_models():
    out = io.StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db
def test_deeply_nested_json_is_a_translated_400_not_a_server_error(api_client):
    body = '{"a":' * 5000 + "1" + "}" * 5000

    response = api_client.post("/api/auth/phone/request/", body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"
    assert response.json()["detail"] == "محتوى الطلب ليس بصيغة JSON صحيحة."


@pytest.mark.django_db
def test_broken_json_is_a_400_in_the_requested_language(api_client):
    response = api_client.post(
        "/api/auth/phone/request/", "{not json", content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": "The request body is not valid JSON.", "code": "parse_error"}
