from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "apps.ledger"
    label = "ledger"
    verbose_name = _("Ledger and payouts")

    def ready(self) -> None:
        from apps.payments.events import payment_reactors

        from .reactions import ledger_money_moved

        payment_reactors.register(ledger_money_moved)
