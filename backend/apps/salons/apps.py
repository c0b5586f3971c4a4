from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalonsConfig(AppConfig):
    name = "apps.salons"
    label = "salons"
    verbose_name = _("Salons")
