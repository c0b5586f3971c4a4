"""Content-Security-Policy on the SPA, the API docs and the admin; the violation reports."""

import base64
import hashlib
import json
import logging
import re

import pytest
from prometheus_client import REGISTRY

from apps.core.csp import inline_script_hashes


def _policy(response) -> dict[str, list[str]]:
    return {
        part.split()[0]: part.split()[1:] for part in response["Content-Security-Policy"].split(";") if part.strip()
    }


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/salons/1", "/api/docs/", "/admin/login/"])
def test_every_page_gets_the_policy(client, path):
    policy = _policy(client.get(path))

    assert policy["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["connect-src"] == ["'self'", "https://api.moyasar.com"]
    assert policy["img-src"][:2] == ["'self'", "data:"]
    assert policy["report-uri"] == ["/api/csp-report/"]


@pytest.mark.django_db
def test_the_api_docs_run_no_inline_script_and_load_nothing_from_a_cdn(client):
    page = client.get("/api/docs/").content.decode()

    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", page)
    assert "cdn.jsdelivr.net" not in page
    assert client.get("/api/docs/?script").status_code == 200


def test_inline_scripts_are_allowed_by_their_exact_hash():
    html = '<head><script>var a = 1;</script><script type="module" src="/x.js"></script></head><script>b()</script>'

    hashes = inline_script_hashes(html)

    expected = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in ("var a = 1;", "b()")
    ]
    assert list(hashes) == expected


@pytest.mark.django_db
def test_a_violation_report_is_logged_and_counted(client, caplog):
    caplog.set_level(logging.WARNING, logger="apps.core.csp")
    before = REGISTRY.get_sample_value("salon_csp_violations_total", {"directive": "script-src-elem"}) or 0
    report = {
        "csp-report": {
            "document-uri": "https://salon.example/salons/7?phone=0500000001",
            "violated-directive": "script-src-elem",
            "effective-directive": "script-src-elem",
            "blocked-uri": "https://evil.example/x.js?token=abc",
        }
    }

    answer = client.post("/api/csp-report/", json.dumps(report), content_type="application/csp-report")

    assert answer.status_code == 204
    assert REGISTRY.get_sample_value("salon_csp_violations_total", {"directive": "script-src-elem"}) == before + 1
    [record] = [record for record in caplog.records if record.name == "apps.core.csp"]
    assert record.getMessage() == "CSP violation: script-src-elem blocked https://evil.example on /salons/7"


@pytest.mark.django_db
def test_reports_api_bodies_are_accepted_too(client):
    reports = [
        {"type": "csp-violation", "body": {"effectiveDirective": "img-src", "blockedURL": "https://x.example/a.png"}}
    ]

    answer = client.post("/api/csp-report/", json.dumps(reports), content_type="application/reports+json")

    assert answer.status_code == 204


@pytest.mark.django_db
def test_bad_reports_are_refused_without_an_error(client):
    assert client.post("/api/csp-report/", "{not json", content_type="application/csp-report").status_code == 400
    too_big = json.dumps({"csp-report": {"blocked-uri": "x" * 70_000}})
    assert client.post("/api/csp-report/", too_big, content_type="application/csp-report").status_code == 413
    assert client.get("/api/csp-report/").status_code == 405


@pytest.mark.django_db
def test_the_spa_page_allows_its_own_inline_scripts_by_hash_and_no_others(client, settings, tmp_path):
    settings.SPA_DIST_DIR = tmp_path
    (tmp_path / "index.html").write_text(
        "<html><head><script>document.documentElement.dir='ltr'</script></head>"
        '<body><!--first-screen--><div id="root"></div><script type="module" src="/assets/app.js"></script></body></html>'
    )

    policy = _policy(client.get("/bookings"))

    assert policy["script-src"] == ["'self'", *inline_script_hashes((tmp_path / "index.html").read_text())]
    assert len(policy["script-src"]) == 2


@pytest.mark.django_db
def test_a_missing_hashed_asset_is_404_not_the_spa(client, settings, tmp_path):
    settings.SPA_DIST_DIR = tmp_path
    (tmp_path / "index.html").write_text("<html><body>the app</body></html>")

    response = client.get("/assets/index-0ld4a5h.js")

    assert response.status_code == 404
    assert b"the app" not in response.content
