"""The bookings app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import Throttled

from apps.core.exceptions import AppError, Conflict, NotFound, RateLimited, ServiceUnavailable
from apps.core.openapi import DocumentedError


class ErrorCode(StrEnum):
    BOOKING_NOT_FOUND = "booking_not_found"
    SERVICE_NOT_FOUND = "service_not_found"
    SERVICE_INACTIVE = "service_inactive"
    SALON_INACTIVE = "salon_inactive"
    STAFF_NOT_FOUND = "staff_not_found"
    STAFF_NOT_AVAILABLE_FOR_SERVICE = "staff_not_available_for_service"
    START_IN_PAST = "start_in_past"
    LEAD_TIME_NOT_MET = "lead_time_not_met"
    BEYOND_BOOKING_HORIZON = "beyond_booking_horizon"
    SLOT_NOT_ON_GRID = "slot_not_on_grid"
    SLOT_UNAVAILABLE = "slot_unavailable"
    CUSTOMER_OVERLAP = "customer_overlap"
    PHONE_NOT_VERIFIED = "phone_not_verified"
    NOT_ALLOWED = "not_allowed"
    INVALID_PHONE = "invalid_phone"
    CANCELLATION_WINDOW_PASSED = "cancellation_window_passed"
    REASON_REQUIRED = "reason_required"
    PREPAYMENT_REQUIRED = "prepayment_required"
    NOT_STARTED_YET = "not_started_yet"
    INVALID_TRANSITION = "invalid_transition"
    BOOKING_NOT_COMPLETED = "booking_not_completed"
    ALREADY_REVIEWED = "already_reviewed"
    STAFF_CANNOT_REVIEW = "staff_cannot_review"
    UPCOMING_BOOKINGS_LIMIT_SALON = "upcoming_bookings_limit_salon"
    UPCOMING_BOOKINGS_LIMIT_TOTAL = "upcoming_bookings_limit_total"
    ON_BEHALF_LIMIT_STAFF = "on_behalf_limit_staff"
    ON_BEHALF_LIMIT_PHONE = "on_behalf_limit_phone"
    SALON_NOT_FOUND = "salon_not_found"
    STAFF_REQUIRED = "staff_required"
    BUSY_TRY_AGAIN = "busy_try_again"
    CUSTOMER_BLOCKED = "customer_blocked"
    VISIT_TOO_MANY_SERVICES = "visit_too_many_services"
    VISIT_SALONS_DIFFER = "visit_salons_differ"
    VISIT_STAFF_CHANGE_NOT_SUPPORTED = "visit_staff_change_not_supported"


class BookingNotFound(NotFound):
    code = ErrorCode.BOOKING_NOT_FOUND
    message = _("Booking not found.")


class ServiceNotFound(NotFound):
    code = ErrorCode.SERVICE_NOT_FOUND
    message = _("Service not found.")


class SalonNotFound(NotFound):
    code = ErrorCode.SALON_NOT_FOUND
    message = _("Salon not found.")


class StaffNotFound(NotFound):
    code = ErrorCode.STAFF_NOT_FOUND
    message = _("Staff member not found.")


class StaffRequired(AppError):
    code = ErrorCode.STAFF_REQUIRED
    message = _("Choose a stylist.")


class ServiceInactive(AppError):
    code = ErrorCode.SERVICE_INACTIVE
    message = _("This service is not offered at the moment.")


class SalonInactive(AppError):
    code = ErrorCode.SALON_INACTIVE
    message = _("This salon is not taking bookings at the moment.")


class StaffNotAvailableForService(AppError):
    code = ErrorCode.STAFF_NOT_AVAILABLE_FOR_SERVICE
    message = _("This stylist does not offer this service.")


class StartInPast(AppError):
    code = ErrorCode.START_IN_PAST
    message = _("This time has already passed.")


class LeadTimeNotMet(AppError):
    code = ErrorCode.LEAD_TIME_NOT_MET
    message = _("This time is too soon; the salon needs more notice.")


class BeyondBookingHorizon(AppError):
    code = ErrorCode.BEYOND_BOOKING_HORIZON
    message = _("This time is too far ahead; the salon does not take bookings that far in advance.")


class SlotNotOnGrid(AppError):
    code = ErrorCode.SLOT_NOT_ON_GRID
    message = _("Choose one of the offered start times.")


class VisitTooManyServices(AppError):
    code = ErrorCode.VISIT_TOO_MANY_SERVICES
    message = _("A visit holds too many services: book at most four at once.")


class VisitSalonsDiffer(AppError):
    code = ErrorCode.VISIT_SALONS_DIFFER
    message = _("All the services of a visit must be of the same salon.")


class VisitStaffChangeNotSupported(Conflict):
    code = ErrorCode.VISIT_STAFF_CHANGE_NOT_SUPPORTED
    message = _("A visit of several services cannot be given to another stylist; cancel and book it again.")


class SlotUnavailable(Conflict):
    code = ErrorCode.SLOT_UNAVAILABLE
    message = _("This time is no longer available. Please choose another time.")


class CustomerOverlap(Conflict):
    code = ErrorCode.CUSTOMER_OVERLAP
    message = _("You already have a booking at this time.")


class PhoneNotVerified(AppError):
    code = ErrorCode.PHONE_NOT_VERIFIED
    status_code = status.HTTP_403_FORBIDDEN
    message = _("Verify your phone number before booking.")


class CustomerBlocked(AppError):
    code = ErrorCode.CUSTOMER_BLOCKED
    status_code = status.HTTP_403_FORBIDDEN
    message = _("This salon does not take online bookings from you. Please contact the salon.")


class NotAllowed(AppError):
    code = ErrorCode.NOT_ALLOWED
    status_code = status.HTTP_403_FORBIDDEN
    message = _("You are not allowed to do this.")


class CancellationWindowPassed(AppError):
    code = ErrorCode.CANCELLATION_WINDOW_PASSED
    message = _("It is too late to change this booking online. Please contact the salon.")


class ReasonRequired(AppError):
    code = ErrorCode.REASON_REQUIRED
    message = _("Give a reason for the cancellation.")


class PrepaymentRequired(AppError):
    code = ErrorCode.PREPAYMENT_REQUIRED
    message = _("This salon requires online prepayment; the booking is confirmed once it is paid.")


class NotStartedYet(AppError):
    code = ErrorCode.NOT_STARTED_YET
    message = _("This booking has not started yet.")


class InvalidTransition(AppError):
    code = ErrorCode.INVALID_TRANSITION
    message = _("This cannot be done to a booking in its current status.")


class BookingNotCompleted(AppError):
    code = ErrorCode.BOOKING_NOT_COMPLETED
    message = _("You can review a booking only after it is completed.")


class AlreadyReviewed(Conflict):
    code = ErrorCode.ALREADY_REVIEWED
    message = _("You have already reviewed this booking.")


class StaffCannotReview(AppError):
    """Reviews are a customer's word: the salon's own stylists and managers cannot rate it."""

    code = ErrorCode.STAFF_CANNOT_REVIEW
    status_code = status.HTTP_403_FORBIDDEN
    message = _("You work at this salon, so you cannot review it.")


class UpcomingBookingsLimitSalon(Conflict):
    """BOOKING_MAX_UPCOMING_PER_SALON: one customer cannot hold a salon's day."""

    code = ErrorCode.UPCOMING_BOOKINGS_LIMIT_SALON
    message = _("You already have the most upcoming bookings allowed at this salon. Cancel one to book another.")


class UpcomingBookingsLimitTotal(Conflict):
    """BOOKING_MAX_UPCOMING_TOTAL, across every salon."""

    code = ErrorCode.UPCOMING_BOOKINGS_LIMIT_TOTAL
    message = _("You already have the most upcoming bookings allowed. Cancel one to book another.")


class OnBehalfLimitStaff(RateLimited):
    """BOOKING_ON_BEHALF_MAX_PER_STAFF_PER_HOUR: bookings a salon member makes for customers by phone."""

    code = ErrorCode.ON_BEHALF_LIMIT_STAFF
    message = _("You have made too many bookings for customers in the last hour. Please try again later.")


class OnBehalfLimitPhone(RateLimited):
    """BOOKING_ON_BEHALF_MAX_PER_PHONE_PER_DAY: bookings made for one phone number by salon staff."""

    code = ErrorCode.ON_BEHALF_LIMIT_PHONE
    message = _("Too many bookings were made for this phone number today. Please try again later.")


class BusyTryAgain(ServiceUnavailable):
    code = ErrorCode.BUSY_TRY_AGAIN
    message = _("We are busy right now. Please try again in a moment.")


# A DRF throttle's answer (`api.throttles`), for the API docs.
THROTTLED = DocumentedError.from_drf(Throttled)

# A salon member booking for a customer gives a phone number the accounts app refuses; the message
# is its own (`apps.accounts.phone.normalize_phone_number`), so there is no class. For the API docs.
INVALID_PHONE = DocumentedError(
    status.HTTP_400_BAD_REQUEST,
    ErrorCode.INVALID_PHONE,
    "`customer_phone` is not a mobile number we accept.",
    note="`detail` and `errors.customer_phone` say why.",
)
