"""One item per existing booking (a booking of one service is a visit of one item), in batches of
BATCH bookings, each in its own transaction (the migration is not atomic), so that a big table is
never locked for long. Bookings that already have items are left alone: running it again, or after
new code has written items, is safe."""

from django.db import migrations, transaction

BATCH = 1000
BLOCKING = ("pending", "confirmed")


def backfill(apps, schema_editor):
    Booking = apps.get_model("bookings", "Booking")
    BookingItem = apps.get_model("bookings", "BookingItem")
    last_id = 0
    while True:
        with transaction.atomic(using=schema_editor.connection.alias):
            rows = list(
                Booking.objects.filter(pk__gt=last_id, items__isnull=True)
                .order_by("pk")
                .values(
                    "pk",
                    "service_id",
                    "staff_id",
                    "start",
                    "end",
                    "buffer_minutes",
                    "blocked_until",
                    "price_amount",
                    "status",
                )[:BATCH]
            )
            BookingItem.objects.bulk_create(
                BookingItem(
                    booking_id=row["pk"],
                    position=0,
                    service_id=row["service_id"],
                    staff_id=row["staff_id"],
                    start=row["start"],
                    end=row["end"],
                    buffer_minutes=row["buffer_minutes"],
                    blocked_until=row["blocked_until"],
                    price_amount=row["price_amount"],
                    is_active=row["status"] in BLOCKING,
                )
                for row in rows
            )
        if len(rows) < BATCH:
            return
        last_id = rows[-1]["pk"]


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("bookings", "0008_visit_item_constraints"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop, elidable=True),
    ]
