"""Zero-downtime deploys: during a release the old code runs against the new schema, so a migration
must never drop or rename a column or table that the previous release still reads
(docs/runbooks/deployment.md, "Migrations across a release").

A destructive operation is allowed only in a migration listed in REVIEWED_DESTRUCTIVE, with the
release whose code stopped using what it drops (the second step of the two-release rule).
"""

import re

import pytest
from django.db.migrations import operations as ops
from django.db.migrations.loader import MigrationLoader

# (app label, migration name) -> why it is safe
REVIEWED_DESTRUCTIVE: dict[tuple[str, str], str] = {}

DESTRUCTIVE = (ops.RemoveField, ops.RenameField, ops.DeleteModel, ops.RenameModel, ops.AlterModelTable)
DESTRUCTIVE_SQL = re.compile(r"\b(DROP\s+(COLUMN|TABLE)|RENAME\s+(COLUMN|TO))\b", re.IGNORECASE)


def _flatten(operations):
    for operation in operations:
        if isinstance(operation, ops.SeparateDatabaseAndState):
            # Only the database half touches the schema; a state-only removal is the safe first step.
            yield from _flatten(operation.database_operations)
        else:
            yield operation


def destructive_operations(migration):
    for operation in _flatten(migration.operations):
        if isinstance(operation, DESTRUCTIVE):
            yield operation.describe()
        elif isinstance(operation, ops.AlterField) and operation.field.db_column:
            yield f"{operation.describe()} (db_column: a rename)"
        elif isinstance(operation, ops.RunSQL):
            statements = operation.sql if isinstance(operation.sql, list | tuple) else [operation.sql]
            for statement in statements:
                text = statement[0] if isinstance(statement, list | tuple) else statement
                if DESTRUCTIVE_SQL.search(str(text)):
                    yield f"RunSQL: {str(text)[:80]}"


def our_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return [
        migration
        for (app_label, _name), migration in sorted(loader.disk_migrations.items())
        if type(migration).__module__.startswith("apps.")
    ]


def test_the_check_sees_a_dropped_column():
    class Drop:
        operations = [ops.RemoveField(model_name="booking", name="note")]

    assert list(destructive_operations(Drop)) == ["Remove field note from booking"]

    class StateOnly:
        operations = [
            ops.SeparateDatabaseAndState(state_operations=[ops.RemoveField(model_name="booking", name="note")])
        ]

    assert list(destructive_operations(StateOnly)) == []


@pytest.mark.parametrize("migration", our_migrations(), ids=lambda migration: f"{migration.app_label}.{migration.name}")
def test_no_migration_drops_or_renames_what_the_previous_release_reads(migration):
    found = list(destructive_operations(migration))
    if found and (migration.app_label, migration.name) not in REVIEWED_DESTRUCTIVE:
        pytest.fail(
            f"{migration.app_label}.{migration.name} drops or renames: {found}. Stop using it in one release "
            "(state-only removal with SeparateDatabaseAndState, the column nullable), drop it in the next, and "
            "list the dropping migration in REVIEWED_DESTRUCTIVE with that release."
        )
