"""Uploaded files never run as pages of our origin, and Django serves them only when told to."""

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "salons").mkdir()
    (tmp_path / "salons" / "cover.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (tmp_path / "salons" / "evil.html").write_text("<script>alert(1)</script>")
    return tmp_path


def test_an_image_is_inline_and_cannot_be_sniffed_into_a_page(client, media_root):
    response = client.get("/media/salons/cover.jpg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == 'inline; filename="cover.jpg"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


def test_anything_else_is_an_attachment(client, media_root):
    response = client.get("/media/salons/evil.html")

    assert response["Content-Disposition"] == 'attachment; filename="evil.html"'
    assert "sandbox" in response["Content-Security-Policy"]


def test_django_does_not_serve_media_in_production_unless_told():
    backend = Path(__file__).resolve().parents[3]
    code = "from django.conf import settings; import django; django.setup(); print(settings.SERVE_MEDIA)"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_SECRET_KEY": "x" * 50}
    env.pop("DJANGO_SERVE_MEDIA", None)

    def serve_media(**extra):
        result = subprocess.run(
            [sys.executable, "-c", code], cwd=backend, env={**env, **extra}, capture_output=True, text=True
        )
        return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr

    assert serve_media(DJANGO_DEBUG="0") == "False"
    assert serve_media(DJANGO_DEBUG="0", DJANGO_SERVE_MEDIA="1") == "True"
    assert serve_media(DJANGO_DEBUG="1") == "True"
