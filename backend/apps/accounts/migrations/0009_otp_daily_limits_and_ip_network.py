from django.db import migrations, models


class Migration(migrations.Migration):
    # Online-safe on PostgreSQL 11+: a constant default and a nullable column are metadata-only changes.
    # Codes sent before this release have no network and are not counted by the per-address limit for
    # the hour it looks back.

    dependencies = [
        ("accounts", "0008_email_verification"),
    ]

    operations = [
        migrations.AddField(
            model_name="otprequest",
            name="ip_network",
            field=models.CharField(blank=True, default="", max_length=64, verbose_name="IP network"),
        ),
        migrations.AddField(
            model_name="otprequest",
            name="last_failed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last wrong attempt at"),
        ),
    ]
