"""The SPA's API types are generated from `frontend/openapi.json`; this keeps that file the live
schema. After an API change: `cd frontend && npm run api:types`, and commit both files."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

SCHEMA_FILE = Path(__file__).resolve().parents[4] / "frontend" / "openapi.json"


@pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="The committed schema is generated on SQLite, the default: a model's PositiveIntegerField takes "
    "its bounds from the database (64-bit on SQLite, 32-bit on PostgreSQL), so they differ there.",
)
def test_the_committed_schema_is_the_live_schema(tmp_path):
    live = tmp_path / "openapi.json"

    call_command("spectacular", "--lang", "en", "--format", "openapi-json", "--file", str(live))

    assert live.read_bytes() == SCHEMA_FILE.read_bytes(), (
        "frontend/openapi.json differs from the API: run `npm run api:types` in frontend/ and commit it"
    )


def test_the_schema_generates_without_warnings():
    call_command("spectacular", "--lang", "en", "--fail-on-warn", "--file", "/dev/null")
