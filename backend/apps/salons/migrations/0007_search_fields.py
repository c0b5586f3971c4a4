"""The salon search's folded texts and the "near me" index. Adding a column with a constant default
is a catalogue-only change on PostgreSQL 11+; the index is built CONCURRENTLY there (this migration
is not atomic), so neither blocks writes to a big table. The texts are filled by 0008."""

from django.db import migrations, models

LOCATION_INDEX = models.Index(fields=["latitude", "longitude"], name="salon_location_idx")


def create_location_index(apps, schema_editor):
    concurrently = "CONCURRENTLY " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f"CREATE INDEX {concurrently}IF NOT EXISTS salon_location_idx ON salons_salon (latitude, longitude)"
    )


def drop_location_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS salon_location_idx")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [("salons", "0006_staffmember_display_name_en")]

    operations = [
        migrations.AddField(
            model_name="salon", name="search_names", field=models.TextField(blank=True, default="", editable=False)
        ),
        migrations.AddField(
            model_name="salon", name="search_district", field=models.TextField(blank=True, default="", editable=False)
        ),
        migrations.AddField(
            model_name="salon", name="search_text", field=models.TextField(blank=True, default="", editable=False)
        ),
        migrations.AddField(
            model_name="service", name="search_name", field=models.TextField(blank=True, default="", editable=False)
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.AddIndex(model_name="salon", index=LOCATION_INDEX)],
            database_operations=[migrations.RunPython(create_location_index, drop_location_index)],
        ),
    ]
