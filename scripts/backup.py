#!/usr/bin/env python3
"""Take a consistent backup of the PostgreSQL database and the uploaded media.

    DATABASE_URL=postgres://… BACKUP_DIR=/var/backups/salon scripts/backup.py

One folder per backup, `<BACKUP_DIR>/<UTC time>/`, holding `database.dump` (pg_dump's custom format),
`media.tar.gz` and `manifest.json` (the row count of every table, taken in the very snapshot the dump
reads, and each file's SHA-256). The folder is written under a temporary name and renamed when
complete, so a half-written backup is never taken for the latest. Backups older than BACKUP_KEEP_DAYS
(default 14) are deleted, always keeping the newest BACKUP_KEEP_MIN (default 7).
`scripts/restore_test.py` (`make restore-test`) proves the latest one restores. See docs/runbooks/backups.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
from psycopg import sql

REPO_DIR = Path(__file__).resolve().parent.parent
STAMP_FORMAT = "%Y%m%dT%H%M%SZ"


def table_counts(connection: psycopg.Connection) -> dict[str, int]:
    """The row count of every ordinary table in the public schema, in the connection's snapshot."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
    ]
    return {
        name: connection.execute(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(name))).fetchone()[0]
        for name in names
    }


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def dump_database(database_url: str, target: Path) -> dict[str, int]:
    """pg_dump reading the same exported snapshot as the row counts, so the two agree exactly."""
    with psycopg.connect(database_url, autocommit=False) as connection:
        connection.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        snapshot = connection.execute("SELECT pg_export_snapshot()").fetchone()[0]
        counts = table_counts(connection)
        # The snapshot lives as long as this transaction: pg_dump must finish before we leave the block.
        command = [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            f"--snapshot={snapshot}",
            f"--file={target}",
            database_url,
        ]
        subprocess.run(command, check=True)  # noqa: S603 - the PostgreSQL client on PATH, arguments we built
    return counts


def archive_media(media_root: Path, target: Path) -> int:
    files = 0
    with tarfile.open(target, "w:gz") as archive:
        if media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file():
                    archive.add(path, arcname=str(path.relative_to(media_root)))
                    files += 1
    return files


def prune(backup_dir: Path, *, keep_days: int, keep_min: int, now: datetime) -> list[Path]:
    complete = sorted(path for path in backup_dir.iterdir() if path.is_dir() and (path / "manifest.json").exists())
    removed = []
    for path in complete[:-keep_min] if keep_min else complete:
        try:
            taken = datetime.strptime(path.name, STAMP_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue
        if now - taken > timedelta(days=keep_days):
            shutil.rmtree(path)
            removed.append(path)
    return removed


def main() -> int:
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("DATABASE_URL must point at the PostgreSQL database to back up.", file=sys.stderr)
        return 2
    backup_dir = Path(os.environ.get("BACKUP_DIR", REPO_DIR / "backups"))
    media_root = Path(os.environ.get("MEDIA_ROOT", REPO_DIR / "backend" / "media"))
    keep_days = int(os.environ.get("BACKUP_KEEP_DAYS", "14"))
    keep_min = int(os.environ.get("BACKUP_KEEP_MIN", "7"))

    now = datetime.now(UTC)
    backup_dir.mkdir(parents=True, exist_ok=True)
    final = backup_dir / now.strftime(STAMP_FORMAT)
    partial = backup_dir / f".partial-{final.name}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()

    counts = dump_database(database_url, partial / "database.dump")
    media_files = archive_media(media_root, partial / "media.tar.gz")
    manifest = {
        "created_at": now.isoformat(),
        "tables": counts,
        "media_files": media_files,
        "files": {name: sha256(partial / name) for name in ("database.dump", "media.tar.gz")},
    }
    (partial / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    partial.rename(final)

    removed = prune(backup_dir, keep_days=keep_days, keep_min=keep_min, now=now)
    rows = sum(counts.values())
    print(f"backup {final}: {len(counts)} tables, {rows} rows, {media_files} media files; {len(removed)} old removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
