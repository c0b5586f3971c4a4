"""The database side of the salon search: the indexes that make `search_text` fast to query.

PostgreSQL: `pg_trgm` GIN indexes on the salon's `search_text` and `search_names` and the service's
`search_name` serve substring matches (`LIKE '%term%'`) and typo-tolerant word similarity (`%>`).
SQLite (development): an FTS5 table with the trigram tokenizer mirrors `search_text`, kept in step by
triggers, and serves substring matches of three characters or more.

`install_search_indexes` is idempotent; migration 0008 and `manage.py rebuild_search_index` run it.
"""

FTS_TABLE = "salons_salon_search"  # spelt out in the SQL below

_POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS salon_search_text_trgm "
    "ON salons_salon USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS salon_search_names_trgm "
    "ON salons_salon USING gin (search_names gin_trgm_ops)",
    "CREATE INDEX CONCURRENTLY IF NOT EXISTS service_search_name_trgm "
    "ON salons_service USING gin (search_name gin_trgm_ops)",
]

_SQLITE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS salons_salon_search USING fts5("
    "search_text, content='salons_salon', content_rowid='id', tokenize='trigram')",
    """CREATE TRIGGER IF NOT EXISTS salons_salon_search_insert AFTER INSERT ON salons_salon BEGIN
        INSERT INTO salons_salon_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS salons_salon_search_delete AFTER DELETE ON salons_salon BEGIN
        INSERT INTO salons_salon_search(salons_salon_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    END""",
    """CREATE TRIGGER IF NOT EXISTS salons_salon_search_update AFTER UPDATE OF search_text ON salons_salon BEGIN
        INSERT INTO salons_salon_search(salons_salon_search, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO salons_salon_search(rowid, search_text) VALUES (new.id, new.search_text);
    END""",
    # Rebuilds the mirror from the table (after a table rebuild dropped the triggers, or at install).
    "INSERT INTO salons_salon_search(salons_salon_search) VALUES ('rebuild')",
]


def sqlite_has_fts5(connection) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA compile_options")
        options = {row[0] for row in cursor.fetchall()}
    return "ENABLE_FTS5" in options


def install_search_indexes(connection) -> None:
    if connection.vendor == "postgresql":
        statements = [statement for statement in _POSTGRESQL if not _postgresql_index_exists(connection, statement)]
        if connection.in_atomic_block:  # CONCURRENTLY cannot run in a transaction (e.g. under a test)
            statements = [statement.replace(" CONCURRENTLY", "") for statement in statements]
    elif connection.vendor == "sqlite" and sqlite_has_fts5(connection):
        statements = _SQLITE
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection._salon_search_fts = None


def _postgresql_index_exists(connection, statement: str) -> bool:
    """Whether the index a `CREATE INDEX … IF NOT EXISTS <name>` statement makes is there already."""
    if "IF NOT EXISTS" not in statement or not statement.startswith("CREATE INDEX"):
        return False
    name = statement.split("IF NOT EXISTS", 1)[1].split()[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [name])
        return cursor.fetchone() is not None


def uninstall_search_indexes(connection) -> None:
    if connection.vendor == "postgresql":
        statements = [
            "DROP INDEX IF EXISTS salon_search_text_trgm",
            "DROP INDEX IF EXISTS salon_search_names_trgm",
            "DROP INDEX IF EXISTS service_search_name_trgm",
        ]
    elif connection.vendor == "sqlite":
        statements = [f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{event}" for event in ("insert", "delete", "update")]
        statements.append(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    else:
        return
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    connection._salon_search_fts = None


def fts_available(connection) -> bool:
    """Whether this SQLite database has the FTS5 mirror (false on PostgreSQL); asked once per connection."""
    if connection.vendor != "sqlite":
        return False
    known = getattr(connection, "_salon_search_fts", None)
    if known is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [FTS_TABLE])
            known = connection._salon_search_fts = cursor.fetchone() is not None
    return known
