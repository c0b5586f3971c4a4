"""scripts/backup.py and scripts/restore_test.py against the real PostgreSQL test database."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from apps.accounts.models import User

REPO_DIR = Path(__file__).resolve().parents[4]

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups are of PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _database_url() -> str:
    settings = connection.settings_dict
    return (
        f"postgres://{settings['USER']}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def _run(script: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own scripts
        [sys.executable, str(REPO_DIR / "scripts" / script)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_backup_then_restore_test_agrees_on_every_table(tmp_path):
    User.objects.create_user(phone_number="+966500000071")
    media = tmp_path / "media"
    (media / "salons").mkdir(parents=True)
    (media / "salons" / "cover.jpg").write_bytes(b"\xff\xd8 not really a jpeg")
    env = {"DATABASE_URL": _database_url(), "BACKUP_DIR": str(tmp_path / "backups"), "MEDIA_ROOT": str(media)}

    backup = _run("backup.py", env)
    assert backup.returncode == 0, backup.stderr
    [folder] = [path for path in (tmp_path / "backups").iterdir() if not path.name.startswith(".")]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["tables"]["accounts_user"] == 1
    assert manifest["media_files"] == 1

    restore = _run("restore_test.py", env)
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "passed" in restore.stdout


def test_restore_test_fails_when_the_backup_does_not_match_its_manifest(tmp_path):
    env = {"DATABASE_URL": _database_url(), "BACKUP_DIR": str(tmp_path / "backups"), "MEDIA_ROOT": str(tmp_path)}
    assert _run("backup.py", env).returncode == 0
    [folder] = list((tmp_path / "backups").iterdir())
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"]["accounts_user"] += 5
    (folder / "manifest.json").write_text(json.dumps(manifest))

    restore = _run("restore_test.py", env)
    assert restore.returncode == 1
    assert "table accounts_user" in restore.stdout


def test_old_backups_are_pruned_but_the_newest_are_kept(tmp_path):
    sys.path.insert(0, str(REPO_DIR / "scripts"))
    try:
        from backup import prune
    finally:
        sys.path.pop(0)
    from datetime import UTC, datetime

    for stamp in ("20260101T000000Z", "20260102T000000Z", "20261201T000000Z", "20261206T000000Z"):
        (tmp_path / stamp).mkdir()
        (tmp_path / stamp / "manifest.json").write_text("{}")
    removed = prune(tmp_path, keep_days=14, keep_min=3, now=datetime(2026, 12, 7, tzinfo=UTC))
    assert [path.name for path in removed] == ["20260101T000000Z"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "20260102T000000Z",
        "20261201T000000Z",
        "20261206T000000Z",
    ]
