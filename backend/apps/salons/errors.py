"""Errors of the catalog: its public reads and availability, and the writes of the back office."""

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import AppError, Conflict, NotFound


class SalonNotFound(NotFound):
    code = "salon_not_found"
    message = _("Salon not found.")


class ServiceNotFound(NotFound):
    code = "service_not_found"
    message = _("Service not found.")


class StaffNotFound(NotFound):
    code = "staff_not_found"
    message = _("Staff member not found.")


# --- Writes to the catalog (apps.salons.services, apps.salons.photos) --------------------------


class PhotoNotFound(NotFound):
    code = "photo_not_found"
    message = _("Photo not found.")


class TimeOffNotFound(NotFound):
    code = "time_off_not_found"
    message = _("Time off not found.")


class TimeOffReadOnly(Conflict):
    code = "time_off_read_only"
    message = _("This time off comes from the stylist's own calendar: change it there.")


class SpecialHoursNotFound(NotFound):
    code = "special_hours_not_found"
    message = _("Special hours not found.")


class InvalidImage(AppError):
    """`errors` names the field (`image` or `photo`) with the reason."""

    code = "invalid_image"
    message = _("Upload a JPEG, PNG or WebP image of at most 8 MB and 6000 × 6000 pixels.")


class InvalidHours(AppError):
    """Working intervals that do not hang together (`apps.salons.hours`); `errors` has `hours` (the
    messages) and `rows` (the indexes of the rows involved, as strings)."""

    code = "invalid"
    message = _("Invalid input.")


class UnknownStaff(AppError):
    code = "unknown_staff"
    message = _("Choose stylists of this salon.")


class UnknownServices(AppError):
    code = "unknown_services"
    message = _("Choose services of this salon.")


class AlreadyOnTeam(Conflict):
    code = "already_on_team"
    message = _("This phone number already belongs to a stylist of this salon.")


class StylistOfAnotherSalon(Conflict):
    code = "stylist_of_another_salon"
    message = _("This phone number belongs to a stylist of another salon; a person can be a stylist at one salon only.")


# --- No-show protection (apps.salons.no_show) ----------------------------------------------------


class DepositRequired(AppError):
    code = "deposit_required"
    message = _("A deposit policy needs a deposit: a percentage of the price or a fixed amount.")


class DepositOneOf(AppError):
    code = "deposit_one_of"
    message = _("Give the deposit as a percentage or as a fixed amount, not both.")


class DepositWithoutPolicy(AppError):
    code = "deposit_without_policy"
    message = _("A deposit can only be set with the deposit policy.")


class NoShowPolicyWithPrepayment(AppError):
    code = "no_show_policy_with_prepayment"
    message = _("A salon that requires full prepayment needs no deposit or card hold: choose one of them.")


class CardHoldHorizonTooLong(AppError):
    code = "card_hold_horizon_too_long"
    message = _("With a card hold, customers can book at most %(days)s days ahead (a card hold expires).")

    def __init__(self, days: int):
        super().__init__(
            self.message % {"days": days}, errors={"booking_horizon_days": [str(self.message % {"days": days})]}
        )


# Everything a change of the no-show policy can be refused with (for the API docs).
NO_SHOW_POLICY_ERRORS = (
    DepositRequired,
    DepositOneOf,
    DepositWithoutPolicy,
    NoShowPolicyWithPrepayment,
    CardHoldHorizonTooLong,
)
