"""Short, transaction-scoped locks on a name, for check-then-write sequences.

On PostgreSQL this takes `pg_advisory_xact_lock`, released at commit or rollback.
On SQLite every write transaction already holds the database write lock from its
start (`transaction_mode = "IMMEDIATE"` in settings), so there is nothing more to take.
"""

import hashlib

from django.db import connection


def _lock_id(name: str) -> int:
    digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_name(name: str) -> None:
    """Serialise every transaction that locks the same name. Call inside `transaction.atomic()`."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(name)])
