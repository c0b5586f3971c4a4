"""The ledger app's errors. Clients branch on `code` (stable snake_case), never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import AppError, Conflict, NotFound


class ErrorCode(StrEnum):
    CODE_REQUIRED = "code_required"
    CODE_INVALID = "code_invalid"
    INVALID_IBAN = "invalid_iban"
    PAYOUT_NOT_FOUND = "payout_not_found"
    PAYOUT_STATUS_INVALID = "payout_status_invalid"
    BANK_REFERENCE_REQUIRED = "bank_reference_required"


INVALID_IBAN_MESSAGE = _("Enter a valid Saudi IBAN: SA followed by 22 characters, 24 in all.")


class CodeRequired(AppError):
    code = ErrorCode.CODE_REQUIRED
    message = _("Changing the IBAN needs the code we send to your phone. Request a code, then enter it.")


class CodeInvalid(AppError):
    code = ErrorCode.CODE_INVALID
    message = _("The code is wrong, has expired or was already used. Request a new one.")


class InvalidIban(AppError):
    code = ErrorCode.INVALID_IBAN
    message = _("Invalid input.")

    def __init__(self):
        super().__init__(errors={"iban": [str(INVALID_IBAN_MESSAGE)]})


class PayoutNotFound(NotFound):
    code = ErrorCode.PAYOUT_NOT_FOUND
    message = _("Payout not found.")


class PayoutStatusInvalid(Conflict):
    code = ErrorCode.PAYOUT_STATUS_INVALID
    message = _("The payout cannot move to that status from its current one.")


class BankReferenceRequired(AppError):
    code = ErrorCode.BANK_REFERENCE_REQUIRED
    message = _("Enter the bank's reference of the transfer.")
