"""One application error class, one exception handler, one error body.

Every non-2xx API response has the shape
``{"detail": "<translated message>", "code": "<stable_code>"}`` plus
``"errors": {"<field>": ["..."]}`` for validation failures.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

# How invalid input is answered: this code (or a single failing field's own code) and this message.
VALIDATION_CODE = "invalid"
INVALID_INPUT_MESSAGE = _("Invalid input.")


class AppError(Exception):
    """A domain error raised by services: a stable code, an HTTP status and a translatable message."""

    code = "error"
    status_code = status.HTTP_400_BAD_REQUEST
    message = _("The request could not be completed.")

    def __init__(self, message=None, *, code=None, status_code=None, errors=None, headers=None, extra=None):
        self.message = message if message is not None else self.message
        self.code = code or self.code
        self.status_code = status_code or self.status_code
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}
        super().__init__(str(self.message))


class NotFound(AppError):
    code = "not_found"
    status_code = status.HTTP_404_NOT_FOUND
    message = _("Not found.")


class Conflict(AppError):
    code = "conflict"
    status_code = status.HTTP_409_CONFLICT
    message = _("The request conflicts with the current state.")


class ServiceUnavailable(AppError):
    code = "service_unavailable"
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    message = _("The service is temporarily unavailable. Please try again shortly.")


# A database outage (server down, restarting, connections exhausted): the client should retry shortly.
DATABASE_OUTAGE_ERRORS = (OperationalError, InterfaceError)
DATABASE_OUTAGE_RETRY_AFTER_SECONDS = 10


def database_unavailable() -> ServiceUnavailable:
    return ServiceUnavailable(headers={"Retry-After": str(DATABASE_OUTAGE_RETRY_AFTER_SECONDS)})


class RateLimited(AppError):
    code = "rate_limited"
    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    message = _("Too many requests. Please try again later.")

    def __init__(self, retry_after: int, message=None, *, code=None):
        retry_after = max(1, int(retry_after))
        super().__init__(
            message,
            code=code,
            headers={"Retry-After": str(retry_after)},
            extra={"retry_after": retry_after},
        )


def error_body(detail, code, errors=None, **extra) -> dict:
    body = {"detail": str(detail), "code": code}
    if errors:
        body["errors"] = errors
    body.update(extra)
    return body


def _flatten_errors(detail) -> dict:
    """Turn DRF's nested ValidationError detail into {"field": ["message", ...]}."""
    if isinstance(detail, dict):
        flat = {}
        for field, value in detail.items():
            if isinstance(value, dict):
                for sub_field, sub_value in _flatten_errors(value).items():
                    flat[f"{field}.{sub_field}"] = sub_value
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                for index, item in enumerate(value):
                    for sub_field, sub_value in _flatten_errors(item).items():
                        flat[f"{field}.{index}.{sub_field}"] = sub_value
            else:
                flat[field] = [str(item) for item in (value if isinstance(value, list) else [value])]
        return flat
    if isinstance(detail, list):
        return {"non_field_errors": [str(item) for item in detail]}
    return {"non_field_errors": [str(detail)]}


def _validation_code(detail) -> str:
    """The first error's code when there is one field error, else `VALIDATION_CODE`."""
    if isinstance(detail, dict) and len(detail) == 1:
        (value,) = detail.values()
        if isinstance(value, list) and len(value) == 1 and hasattr(value[0], "code") and value[0].code:
            return value[0].code if value[0].code not in {"invalid", "required", "null", "blank"} else VALIDATION_CODE
    return VALIDATION_CODE


def _message_and_code(exc: exceptions.APIException) -> tuple[str, str]:
    """The message and code of a non-validation DRF error. Some libraries (simplejwt) give a dict
    with their own `detail` and `code`; use those rather than a generic message."""
    detail = exc.detail
    if isinstance(detail, dict) and "detail" in detail:
        return detail["detail"], str(detail.get("code") or exc.default_code)
    if isinstance(detail, (list, dict)):
        return _("The request could not be completed."), exc.default_code
    return detail, getattr(detail, "code", None) or exc.default_code


def api_exception_handler(exc, context):
    if isinstance(exc, DATABASE_OUTAGE_ERRORS):
        logger.error("Database unavailable: answered 503", exc_info=exc)
        exc = database_unavailable()
    if isinstance(exc, AppError):
        body = error_body(exc.message, exc.code, exc.errors, **exc.extra)
        return Response(body, status=exc.status_code, headers=exc.headers)

    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(detail=exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # an unexpected error: Django logs it and the 500 handler answers

    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten_errors(exc.detail)
        response.data = error_body(INVALID_INPUT_MESSAGE, _validation_code(exc.detail), errors)
    else:
        detail, code = _message_and_code(exc)
        extra = {}
        if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
            extra["retry_after"] = int(exc.wait)
        response.data = error_body(detail, code, **extra)
    return response
