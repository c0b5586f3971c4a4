#!/usr/bin/env python3
"""Prove the latest backup restores: `make restore-test` (or this script with the environment below).

    DATABASE_URL=postgres://…/salon BACKUP_DIR=/var/backups/salon scripts/restore_test.py

Takes the newest complete folder of BACKUP_DIR (see scripts/backup.py), checks the files against the
manifest's SHA-256, restores the dump into a scratch database on the same server
(`<name>_restore_test`, dropped afterwards unless KEEP_RESTORED=1), compares every table's row count
with the manifest, runs Django's `migrate --check` against it (no migration of this code is missing
from the backup), and reads the media archive. Exits 0 when all hold, 1 with the differences otherwise.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from backup import REPO_DIR, sha256, table_counts
from psycopg import sql


def latest_backup(backup_dir: Path) -> Path | None:
    complete = sorted(path for path in backup_dir.iterdir() if path.is_dir() and (path / "manifest.json").exists())
    return complete[-1] if complete else None


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def check(backup: Path, database_url: str) -> list[str]:
    problems: list[str] = []
    manifest = json.loads((backup / "manifest.json").read_text())
    for name, expected in manifest["files"].items():
        if sha256(backup / name) != expected:
            problems.append(f"{name}: checksum differs from the manifest")
    if problems:
        return problems

    scratch = f"{urlsplit(database_url).path.lstrip('/') or 'salon'}_restore_test"
    admin_url = with_database(database_url, "postgres")
    scratch_url = with_database(database_url, scratch)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(scratch)))
    try:
        command = [
            "pg_restore",
            "--no-owner",
            "--exit-on-error",
            f"--dbname={scratch_url}",
            str(backup / "database.dump"),
        ]
        subprocess.run(command, check=True)  # noqa: S603 - the PostgreSQL client on PATH, arguments we built
        with psycopg.connect(scratch_url) as restored:
            counts = table_counts(restored)
        for table, expected in sorted(manifest["tables"].items()):
            if counts.get(table) != expected:
                problems.append(f"table {table}: {counts.get(table)} rows restored, {expected} in the backup")
        migrate = subprocess.run(  # noqa: S603
            [sys.executable, str(REPO_DIR / "backend" / "manage.py"), "migrate", "--check", "--noinput"],
            env={
                **os.environ,
                "DATABASE_URL": scratch_url,
                "DJANGO_DEBUG": "1",
                "DJANGO_SETTINGS_MODULE": "config.settings",
            },
            capture_output=True,
            text=True,
        )
        if migrate.returncode != 0:
            problems.append(f"migrate --check: unapplied migrations or an error\n{migrate.stdout}{migrate.stderr}")
        with tarfile.open(backup / "media.tar.gz") as archive:
            files = [member for member in archive.getmembers() if member.isfile()]
        if len(files) != manifest["media_files"]:
            problems.append(f"media: {len(files)} files in the archive, {manifest['media_files']} in the manifest")
    finally:
        if os.environ.get("KEEP_RESTORED") != "1":
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(scratch)))
    return problems


def main() -> int:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("DATABASE_URL must point at the PostgreSQL server (the scratch database is made beside it).")
        return 2
    backup_dir = Path(os.environ.get("BACKUP_DIR", REPO_DIR / "backups"))
    backup = latest_backup(backup_dir) if backup_dir.is_dir() else None
    if backup is None:
        print(f"No complete backup in {backup_dir}.")
        return 1
    problems = check(backup, database_url)
    if problems:
        print(f"restore test of {backup.name} FAILED:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    manifest = json.loads((backup / "manifest.json").read_text())
    print(
        f"restore test of {backup.name} passed: {len(manifest['tables'])} tables, "
        f"{sum(manifest['tables'].values())} rows, {manifest['media_files']} media files, migrations complete"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
