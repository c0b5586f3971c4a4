"""Named transaction locks: on PostgreSQL advisory locks, held until the transaction ends."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from apps.core.locks import _lock_id, lock_names, lock_names_in_order

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's"),
]


def _held_lock_ids() -> set[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT (classid::bigint << 32) | objid::bigint FROM pg_locks "
            "WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
        )
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.parametrize("lock", [lock_names, lock_names_in_order])
def test_every_name_is_locked_in_one_statement_until_the_transaction_ends(lock):
    names = ["booking-customer:7", "booking-staff:3", "booking-staff:3", "booking-staff:9"]

    with transaction.atomic():
        with CaptureQueriesContext(connection) as queries:
            lock(names)
        held = _held_lock_ids()

    assert len(queries) == 1
    assert {_lock_id(name) for name in names} <= held
    assert not {_lock_id(name) for name in names} & _held_lock_ids()


def test_in_order_locks_follow_the_order_given():
    names = ["booking-customer:7", "booking-staff:9", "booking-staff:3"]

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        lock_names_in_order(names)

    sql = queries.captured_queries[0]["sql"]
    positions = [sql.index(str(_lock_id(name))) for name in names]
    assert positions == sorted(positions)
