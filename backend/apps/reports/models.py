"""The reports keep no tables of their own: they read the bookings, payments and reviews."""

from django.utils.translation import gettext_lazy as _

from apps.salons.models import Salon


class League(Salon):
    """No table (a proxy of the salon): only so that the Django admin lists the salon league table under
    "Reports" on its index, with a view permission of its own (see `admin.py`)."""

    class Meta:
        proxy = True
        verbose_name = _("salon league table")
        verbose_name_plural = _("salon league table")
