"""PostgreSQL exclusion constraints: no two blocking bookings of one stylist (buffer included)
or of one customer overlap. SQLite has no such constraints; there the services' checks,
serialised by SQLite's single writer, keep the same promise."""

from django.db import migrations

BLOCKING = "status IN ('pending', 'confirmed')"


class PostgresOnlySQL(migrations.RunSQL):
    """RunSQL that runs only on PostgreSQL, so the other backends migrate too."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0001_initial"),
    ]

    operations = [
        PostgresOnlySQL(
            sql="CREATE EXTENSION IF NOT EXISTS btree_gist",
            reverse_sql=migrations.RunSQL.noop,
        ),
        PostgresOnlySQL(
            sql=(
                "ALTER TABLE bookings_booking ADD CONSTRAINT booking_staff_no_overlap "
                "EXCLUDE USING gist (staff_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&) "
                f"WHERE ({BLOCKING})"
            ),
            reverse_sql="ALTER TABLE bookings_booking DROP CONSTRAINT booking_staff_no_overlap",
        ),
        PostgresOnlySQL(
            sql=(
                "ALTER TABLE bookings_booking ADD CONSTRAINT booking_customer_no_overlap "
                "EXCLUDE USING gist (customer_id WITH =, tstzrange(start, \"end\", '[)') WITH &&) "
                f"WHERE ({BLOCKING})"
            ),
            reverse_sql="ALTER TABLE bookings_booking DROP CONSTRAINT booking_customer_no_overlap",
        ),
    ]
