"""The database's part of multi-service visits (ADR 0017).

On PostgreSQL: an exclusion constraint over each stylist's active items (buffer included), and the
stylist constraint of 0002 narrowed to bookings done by one stylist (a visit with several stylists
holds each one's time through its items only). On both databases: a trigger that keeps
`BookingItem.is_active` in step with its booking's status, however the status is written."""

from django.db import migrations

ITEM_CONSTRAINT = (
    "ALTER TABLE bookings_bookingitem ADD CONSTRAINT booking_item_staff_no_overlap "
    "EXCLUDE USING gist (staff_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&) WHERE (is_active)"
)
STAFF_CONSTRAINT = (
    "ALTER TABLE bookings_booking ADD CONSTRAINT booking_staff_no_overlap "
    "EXCLUDE USING gist (staff_id WITH =, tstzrange(start, blocked_until, '[)') WITH &&) "
    "WHERE (status IN ('pending', 'confirmed'){extra})"
)
DROP_STAFF_CONSTRAINT = "ALTER TABLE bookings_booking DROP CONSTRAINT booking_staff_no_overlap"

POSTGRES_TRIGGER = """
CREATE FUNCTION booking_item_active_in_step() RETURNS trigger AS $$
BEGIN
    UPDATE bookings_bookingitem SET is_active = (NEW.status IN ('pending', 'confirmed'))
    WHERE booking_id = NEW.id AND is_active <> (NEW.status IN ('pending', 'confirmed'));
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER booking_item_active_in_step AFTER UPDATE OF status ON bookings_booking
FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION booking_item_active_in_step();
"""
POSTGRES_TRIGGER_DROP = (
    "DROP TRIGGER booking_item_active_in_step ON bookings_booking; DROP FUNCTION booking_item_active_in_step();"
)
SQLITE_TRIGGER = """
CREATE TRIGGER booking_item_active_in_step AFTER UPDATE OF status ON bookings_booking
WHEN OLD.status IS NOT NEW.status
BEGIN
    UPDATE bookings_bookingitem SET is_active = (NEW.status IN ('pending', 'confirmed')) WHERE booking_id = NEW.id;
END;
"""
SQLITE_TRIGGER_DROP = "DROP TRIGGER booking_item_active_in_step"


class VendorSQL(migrations.RunSQL):
    """RunSQL that runs only on the given database vendor."""

    def __init__(self, vendor: str, *args, **kwargs):
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        return name, [self.vendor, *args], kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == self.vendor:
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0007_visit_items"),
    ]

    operations = [
        VendorSQL(
            "postgresql",
            sql=ITEM_CONSTRAINT,
            reverse_sql=("ALTER TABLE bookings_bookingitem DROP CONSTRAINT booking_item_staff_no_overlap"),
        ),
        VendorSQL(
            "postgresql",
            sql=[DROP_STAFF_CONSTRAINT, STAFF_CONSTRAINT.format(extra=" AND NOT several_stylists")],
            reverse_sql=[DROP_STAFF_CONSTRAINT, STAFF_CONSTRAINT.format(extra="")],
        ),
        VendorSQL("postgresql", sql=POSTGRES_TRIGGER, reverse_sql=POSTGRES_TRIGGER_DROP),
        VendorSQL("sqlite", sql=SQLITE_TRIGGER, reverse_sql=SQLITE_TRIGGER_DROP),
    ]
