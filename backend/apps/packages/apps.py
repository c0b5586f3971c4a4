from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PackagesConfig(AppConfig):
    name = "apps.packages"
    label = "packages"
    verbose_name = _("Packages and gift cards")

    def ready(self) -> None:
        from apps.bookings.events import booking_reactors
        from apps.bookings.redemptions import redeemer_register

        from .redemptions import redemption_apply, redemption_booking_changed

        redeemer_register(redemption_apply)
        booking_reactors.register(redemption_booking_changed)
