"""The ZATCA app's errors. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _
from rest_framework import status

from apps.core.exceptions import AppError, Conflict


class ErrorCode(StrEnum):
    NO_VAT_NUMBER = "zatca_no_vat_number"
    LEGAL_DETAILS_INCOMPLETE = "zatca_legal_details_incomplete"
    ALREADY_ACTIVE = "zatca_unit_already_active"
    NOT_ACTIVE = "zatca_unit_not_active"
    IN_PROGRESS = "zatca_onboarding_in_progress"
    OTP_REFUSED = "zatca_otp_refused"
    ONBOARDING_FAILED = "zatca_onboarding_failed"
    UNAVAILABLE = "zatca_unavailable"
    KEY_MISSING = "zatca_key_encryption_key_missing"


class NoVatNumber(AppError):
    code = ErrorCode.NO_VAT_NUMBER
    message = _("The salon has no VAT number: it has no e-invoicing unit to onboard.")


class LegalDetailsIncomplete(AppError):
    code = ErrorCode.LEGAL_DETAILS_INCOMPLETE
    message = _("The legal details the invoices need are incomplete or invalid.")


class UnitAlreadyActive(Conflict):
    code = ErrorCode.ALREADY_ACTIVE
    message = _("The e-invoicing unit is already active; renew its certificate instead.")


class OnboardingInProgress(Conflict):
    code = ErrorCode.IN_PROGRESS
    message = _("The e-invoicing unit is being onboarded. Please wait a moment.")


class UnitNotActive(Conflict):
    code = ErrorCode.NOT_ACTIVE
    message = _("The e-invoicing unit has no valid certificate.")


class OtpRefused(AppError):
    code = ErrorCode.OTP_REFUSED
    message = _("ZATCA refused the one-time password. Create a new one on the Fatoora portal.")


class OnboardingFailed(AppError):
    code = ErrorCode.ONBOARDING_FAILED
    status_code = status.HTTP_502_BAD_GATEWAY
    message = _("ZATCA did not accept the e-invoicing unit.")


class ZatcaUnavailable(AppError):
    code = ErrorCode.UNAVAILABLE
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    message = _("ZATCA's platform did not answer. Please try again shortly.")


class KeyEncryptionKeyMissing(AppError):
    code = ErrorCode.KEY_MISSING
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    message = _("E-invoicing is not configured on this server (no key encryption key).")


ONBOARDING_ERRORS = (
    NoVatNumber,
    LegalDetailsIncomplete,
    UnitAlreadyActive,
    OnboardingInProgress,
    OtpRefused,
    OnboardingFailed,
    ZatcaUnavailable,
    KeyEncryptionKeyMissing,
)
RENEWAL_ERRORS = (
    NoVatNumber,
    LegalDetailsIncomplete,
    UnitNotActive,
    OtpRefused,
    OnboardingFailed,
    ZatcaUnavailable,
    KeyEncryptionKeyMissing,
)
