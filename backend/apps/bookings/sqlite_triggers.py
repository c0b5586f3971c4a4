"""The SQLite half of the visit items' activity trigger (migration 0008): SQLite rebuilds a table to
alter it, which drops the table's triggers, so it is put back after every `migrate` (idempotent).
PostgreSQL keeps its trigger through `ALTER TABLE`."""

ITEM_ACTIVITY_TRIGGER = """
CREATE TRIGGER IF NOT EXISTS booking_item_active_in_step AFTER UPDATE OF status ON bookings_booking
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE bookings_bookingitem SET is_active = (NEW.status IN ('pending', 'confirmed')) WHERE booking_id = NEW.id;
END;
"""


def reinstall_sqlite_triggers(sender, using, **kwargs) -> None:
    from django.db import connections

    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    tables = connection.introspection.table_names()
    if "bookings_booking" in tables and "bookings_bookingitem" in tables:
        with connection.cursor() as cursor:
            cursor.execute(ITEM_ACTIVITY_TRIGGER)
