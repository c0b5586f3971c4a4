"""The waitlist app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class ErrorCode(StrEnum):
    CUSTOMERS_ONLY = "waitlist_customers_only"
    ENTRY_NOT_FOUND = "waitlist_entry_not_found"
    OFFER_NOT_FOUND = "waitlist_offer_not_found"
    SALON_NOT_FOUND = "waitlist_salon_not_found"
    SERVICE_NOT_FOUND = "waitlist_service_not_found"
    STAFF_NOT_FOUND = "waitlist_staff_not_found"
    INVALID_WINDOW = "waitlist_invalid_window"
    ALREADY_WAITING = "waitlist_already_waiting"
    TOO_MANY_ENTRIES = "waitlist_too_many_entries"
    OFFER_CLOSED = "waitlist_offer_closed"


class CustomersOnly(AppError):
    code = ErrorCode.CUSTOMERS_ONLY
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Only customers can use the waitlist.")


class EntryNotFound(NotFound):
    code = ErrorCode.ENTRY_NOT_FOUND
    message = _("Waitlist entry not found.")


class OfferNotFound(NotFound):
    code = ErrorCode.OFFER_NOT_FOUND
    message = _("Offer not found.")


class WaitlistSalonNotFound(AppError):
    code = ErrorCode.SALON_NOT_FOUND
    message = _("This salon is not taking bookings.")


class WaitlistServiceNotFound(AppError):
    code = ErrorCode.SERVICE_NOT_FOUND
    message = _("This salon does not offer this service.")


class WaitlistStaffNotFound(AppError):
    code = ErrorCode.STAFF_NOT_FOUND
    message = _("This stylist does not offer this service.")


class InvalidWindow(AppError):
    code = ErrorCode.INVALID_WINDOW
    message = _("Choose a window of dates from today on, no longer than the waitlist allows.")


class AlreadyWaiting(Conflict):
    code = ErrorCode.ALREADY_WAITING
    message = _("You are already on the waitlist for this.")


class TooManyEntries(Conflict):
    code = ErrorCode.TOO_MANY_ENTRIES
    message = _("You are on the waitlist too many times already. Leave an entry to join another.")


class OfferClosed(Conflict):
    code = ErrorCode.OFFER_CLOSED
    message = _("This offer is no longer open.")


ENTRY_ERRORS = (EntryNotFound, CustomersOnly)
OFFER_ERRORS = (OfferNotFound, CustomersOnly)
