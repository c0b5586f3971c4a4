"""Migration operations for tables that are big and written to while the migration runs."""

from django.contrib.postgres.operations import AddIndexConcurrently as PostgresAddIndexConcurrently
from django.db.migrations import AddIndex


class AddIndexConcurrently(PostgresAddIndexConcurrently):
    """`CREATE INDEX CONCURRENTLY` on PostgreSQL: the table stays writable while the index builds (a
    plain `CREATE INDEX` blocks every insert and update until it is done). It cannot run in a
    transaction: the migration says `atomic = False` and holds this operation alone, so a failure
    leaves nothing half-applied but, at worst, an invalid index to drop (`DROP INDEX CONCURRENTLY`)
    before running the migration again. Elsewhere (SQLite, in development and tests) a plain index."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_forwards(self, app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
        else:
            AddIndex.database_backwards(self, app_label, schema_editor, from_state, to_state)
