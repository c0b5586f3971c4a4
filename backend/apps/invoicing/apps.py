from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvoicingConfig(AppConfig):
    name = "apps.invoicing"
    label = "invoicing"
    verbose_name = _("Invoicing")

    def ready(self) -> None:
        from apps.payments.events import payment_reactors

        from .reactions import invoice_money_moved

        payment_reactors.register(invoice_money_moved)
