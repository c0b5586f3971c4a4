"""The packages app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict, NotFound


class ErrorCode(StrEnum):
    PACKAGE_NOT_FOUND = "package_not_found"
    PACKAGE_NOT_ON_SALE = "package_not_on_sale"
    PURCHASE_NOT_FOUND = "purchase_not_found"
    GIFT_CARD_NOT_FOUND = "gift_card_not_found"
    GIFT_CARD_AMOUNT_INVALID = "gift_card_amount_invalid"
    REDEMPTION_TWO_INSTRUMENTS = "redemption_two_instruments"
    PACKAGE_WRONG_SERVICE = "package_wrong_service"
    PACKAGE_NOT_ACTIVE = "package_not_active"
    PACKAGE_EXPIRED = "package_expired"
    PACKAGE_USED_UP = "package_used_up"
    GIFT_CARD_WRONG_SALON = "gift_card_wrong_salon"
    GIFT_CARD_NOT_ACTIVE = "gift_card_not_active"
    GIFT_CARD_EXPIRED = "gift_card_expired"
    GIFT_CARD_EMPTY = "gift_card_empty"
    PURCHASE_NOT_REFUNDABLE = "purchase_not_refundable"
    PURCHASE_GATEWAY_ERROR = "purchase_gateway_error"
    PURCHASE_REJECTED = "purchase_rejected"


class PackageNotFound(NotFound):
    code = ErrorCode.PACKAGE_NOT_FOUND
    message = _("Package not found.")


class PackageNotOnSale(Conflict):
    code = ErrorCode.PACKAGE_NOT_ON_SALE
    message = _("This package is no longer on sale.")


class PurchaseNotFound(NotFound):
    code = ErrorCode.PURCHASE_NOT_FOUND
    message = _("Purchase not found.")


class GiftCardNotFound(NotFound):
    code = ErrorCode.GIFT_CARD_NOT_FOUND
    message = _("No gift card has this code.")


class GiftCardAmountInvalid(AppError):
    code = ErrorCode.GIFT_CARD_AMOUNT_INVALID
    message = _("Choose an amount within the allowed range.")


class RedemptionTwoInstruments(AppError):
    code = ErrorCode.REDEMPTION_TWO_INSTRUMENTS
    message = _("Use either a package session or a gift card, not both.")


class PackageWrongService(AppError):
    code = ErrorCode.PACKAGE_WRONG_SERVICE
    message = _("This package is for another service.")


class PackageNotActive(Conflict):
    code = ErrorCode.PACKAGE_NOT_ACTIVE
    message = _("This package is not paid or was refunded.")


class PackageExpired(Conflict):
    code = ErrorCode.PACKAGE_EXPIRED
    message = _("This package has expired.")


class PackageUsedUp(Conflict):
    code = ErrorCode.PACKAGE_USED_UP
    message = _("Every session of this package has been used.")


class GiftCardWrongSalon(AppError):
    code = ErrorCode.GIFT_CARD_WRONG_SALON
    message = _("This gift card is for another salon.")


class GiftCardNotActive(Conflict):
    code = ErrorCode.GIFT_CARD_NOT_ACTIVE
    message = _("This gift card is not paid or was refunded.")


class GiftCardExpired(Conflict):
    code = ErrorCode.GIFT_CARD_EXPIRED
    message = _("This gift card has expired.")


class GiftCardEmpty(Conflict):
    code = ErrorCode.GIFT_CARD_EMPTY
    message = _("This gift card has no balance left.")


class PurchaseNotRefundable(Conflict):
    code = ErrorCode.PURCHASE_NOT_REFUNDABLE
    message = _("Nothing of this purchase can be refunded.")


class PurchaseGatewayError(AppError):
    code = ErrorCode.PURCHASE_GATEWAY_ERROR
    status_code = status.HTTP_502_BAD_GATEWAY
    message = _("The payment provider could not be reached. Please try again.")


class PurchaseRejected(AppError):
    code = ErrorCode.PURCHASE_REJECTED
    message = _("The payment was declined.")


# The refusals of a redemption at booking (the booking's create operation may answer with these).
REDEMPTION_ERRORS = (
    PurchaseNotFound,
    GiftCardNotFound,
    RedemptionTwoInstruments,
    PackageWrongService,
    PackageNotActive,
    PackageExpired,
    PackageUsedUp,
    GiftCardWrongSalon,
    GiftCardNotActive,
    GiftCardExpired,
    GiftCardEmpty,
)
