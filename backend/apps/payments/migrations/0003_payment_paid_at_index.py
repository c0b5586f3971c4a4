from django.db import migrations, models

from apps.core.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    # CREATE INDEX CONCURRENTLY cannot run in a transaction; one index per migration, so that a failed
    # build leaves no applied-but-unrecorded index behind the next one.
    atomic = False

    dependencies = [
        ("payments", "0002_idempotency_resource"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="payment",
            index=models.Index(fields=["paid_at"], name="payment_paid_at"),
        ),
    ]
