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


def lock_names(names: list[str]) -> None:
    """`lock_name` for several names in one statement, always in the same order (by lock id), so
    that two transactions locking overlapping sets in one call never wait on each other in a cycle."""
    if connection.vendor == "postgresql" and names:
        ids = sorted({_lock_id(name) for name in names})
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) AS t(k)", [ids])


def lock_names_in_order(names: list[str]) -> None:
    """`lock_name` for each of `names` in the order given (duplicates once), in one statement: for
    callers whose order is the documented one every other path takes name by name."""
    if connection.vendor == "postgresql" and names:
        ids = list(dict.fromkeys(_lock_id(name) for name in names))
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) WITH ORDINALITY AS t(k, n)", [ids]
            )
