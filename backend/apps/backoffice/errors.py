"""Errors of the back office (`/api/manage/`). Clients branch on `code`, never on the message."""

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class ManagersOnly(AppError):
    code = "not_a_manager"
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only a salon's managers can do this.")


class BookingsAffected(Conflict):
    """`affected` lists the bookings (`{id, reference, start, end, service_name, customer_first_name,
    staff_id, status}`): those the change would leave outside working time, or those that could not
    be moved to the other stylist."""

    code = "bookings_affected"
    message = _(
        "Some bookings would be left without their stylist. Give them to another stylist or cancel them "
        "(the customers are told and refunded)."
    )

    def __init__(self, affected: list[dict], message=None):
        super().__init__(message, extra={"affected": affected})


class InvalidReassignTarget(AppError):
    code = "invalid_reassign_target"
    message = _("Choose another active stylist of this salon.")


class CustomerNotFound(NotFound):
    code = "customer_not_found"
    message = _("This person is not a customer of this salon.")


class NoNoShowToForgive(Conflict):
    code = "no_no_show_to_forgive"
    message = _("This customer has no no-show left to forgive.")
