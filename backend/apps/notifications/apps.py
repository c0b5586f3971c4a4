from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "apps.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from apps.bookings.events import booking_reactors
        from apps.payments.events import payment_reactors

        from .reactions import notify_booking_changed, notify_money_moved

        booking_reactors.register(notify_booking_changed)
        payment_reactors.register(notify_money_moved)

        from apps.core.observability.metrics import register_gauge

        from .selectors import notification_outbox_due_count

        register_gauge(
            "salon_notification_outbox_due", "Messages due to be sent and not sent yet.", notification_outbox_due_count
        )
