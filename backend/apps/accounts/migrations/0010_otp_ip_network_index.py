from django.db import migrations, models

from apps.core.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run in a transaction: the index alone, in its own migration.
    atomic = False

    dependencies = [
        ("accounts", "0009_otp_daily_limits_and_ip_network"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="otprequest",
            index=models.Index(fields=["ip_network", "created_at"], name="accounts_otp_ip_net_created"),
        ),
    ]
