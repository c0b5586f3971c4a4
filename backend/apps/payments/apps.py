from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "apps.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self) -> None:
        from apps.bookings.attachments import booking_attachment_register
        from apps.bookings.events import booking_reactors

        from .attachments import BOOKING_PAYMENT
        from .deposits import settle_card_hold
        from .reactions import refund_cancelled_booking

        booking_reactors.register(refund_cancelled_booking)
        booking_reactors.register(settle_card_hold)
        booking_attachment_register(BOOKING_PAYMENT)

        from apps.core.observability.metrics import register_gauge

        from .reconciliation import reconciliation_due_count

        register_gauge(
            "salon_payments_reconciliation_due", "Payments due for a check with the gateway.", reconciliation_due_count
        )
