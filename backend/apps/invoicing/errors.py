"""Errors of invoicing. Clients branch on `code`, never on the message."""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from apps.core.exceptions import NotFound


class ErrorCode(StrEnum):
    INVOICE_NOT_FOUND = "invoice_not_found"
    DOCUMENT_NOT_FOUND = "document_not_found"


class InvoiceNotFound(NotFound):
    code = ErrorCode.INVOICE_NOT_FOUND
    message = _("This booking has no invoice.")


class DocumentNotFound(NotFound):
    code = ErrorCode.DOCUMENT_NOT_FOUND
    message = _("Document not found.")
