"""Errors of the public catalog and availability reads."""

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import NotFound


class SalonNotFound(NotFound):
    code = "salon_not_found"
    message = _("Salon not found.")


class ServiceNotFound(NotFound):
    code = "service_not_found"
    message = _("Service not found.")


class StaffNotFound(NotFound):
    code = "staff_not_found"
    message = _("Staff member not found.")
