from django.db import migrations, models

from apps.core.migration_operations import AddIndexConcurrently


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY (see 0003)

    dependencies = [
        ("payments", "0003_payment_paid_at_index"),
    ]

    operations = [
        AddIndexConcurrently(
            model_name="refund",
            index=models.Index(fields=["succeeded_at"], name="refund_succeeded_at"),
        ),
    ]
