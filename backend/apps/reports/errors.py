"""Errors of the reports. Clients branch on `code`, never on the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError


class PlatformAdminsOnly(AppError):
    code = "not_a_platform_admin"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only platform administrators can see the platform's reports.")
