"""Errors of the back office (`/api/manage/`). Clients branch on `code`, never on the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, NotFound


class ManagersOnly(AppError):
    code = "not_a_manager"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only a salon's managers can do this.")


class CustomerNotFound(NotFound):
    code = "customer_not_found"
    message = _("This person is not a customer of this salon.")
