"""Errors of the back office (`/api/manage/`). Clients branch on `code`, never on the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError


class ManagersOnly(AppError):
    code = "not_a_manager"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only a salon's managers can do this.")
