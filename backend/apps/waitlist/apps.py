from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WaitlistConfig(AppConfig):
    name = "apps.waitlist"
    label = "waitlist"
    verbose_name = _("Waitlist")

    def ready(self) -> None:
        from apps.bookings.events import booking_reactors

        from .reactions import waitlist_booking_changed

        booking_reactors.register(waitlist_booking_changed)
