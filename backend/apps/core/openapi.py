"""API docs: an operation's error responses, generated from the errors it can raise.

Each app's `errors.py` owns its codes (an `AppError` subclass per code, with its HTTP status and
message); the API docs list them from there instead of repeating them by hand. In a view:

    from apps.accounts.errors import AUTHENTICATION_ERRORS
    from apps.core.openapi import INVALID_INPUT, error_responses

    from ..errors import EmailTaken

    @extend_schema(
        summary="Update the signed-in user's profile",
        request=UserUpdateSerializer,
        responses={200: UserSerializer, **error_responses(INVALID_INPUT, EmailTaken, AUTHENTICATION_ERRORS)},
    )

`error_responses` groups the errors by status: one response per status, whose body is
`ErrorSerializer` (`RateLimitedErrorSerializer` for 429) and whose description lists each code with
its English message, e.g. for 400 "- `invalid`: Invalid input. …" and "- `email_taken`: …", for 401
"- `not_authenticated`: …" and "- `token_not_valid`: …".

- Pass what the operation's service or selector raises (`AppError` subclasses, not instances), and
  the generic answers below that apply: `INVALID_INPUT` when a serializer validates input (400),
  `apps.accounts.errors.AUTHENTICATION_ERRORS` when a signed-in user is required (401),
  `PERMISSION_DENIED` when a permission class may refuse (403). Tuples and lists are flattened, so
  an app can name a group of errors once.
- Every status of the result becomes a response of the operation: list exactly the errors the
  operation can answer with, no more.
- `notes={503: "Nothing was sent."}` appends a sentence to the description of one status.
- `bodies={409: SomeErrorSerializer}` documents a body with more than `ErrorSerializer` for one
  status (an `AppError`'s `extra`), e.g. the bookings a change would affect.
- Prose in the operation's `description` should explain behaviour, not repeat codes.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils import translation
from django.utils.functional import Promise, lazy
from drf_spectacular.utils import OpenApiResponse
from rest_framework import exceptions as drf_exceptions
from rest_framework import status

from .exceptions import INVALID_INPUT_MESSAGE, VALIDATION_CODE, AppError
from .serializers import ErrorSerializer, RateLimitedErrorSerializer


@dataclass(frozen=True)
class DocumentedError:
    """An error answer that is not an `AppError` (DRF's own, or the validation handler's), described
    with the same three attributes so that `error_responses` reads both alike."""

    status_code: int
    code: str
    message: str | Promise
    note: str = ""

    @classmethod
    def from_drf(cls, exc_class: type[drf_exceptions.APIException]) -> "DocumentedError":
        return cls(exc_class.status_code, exc_class.default_code, exc_class.default_detail)


# Invalid input, as `api_exception_handler` answers a ValidationError.
INVALID_INPUT = DocumentedError(
    status.HTTP_400_BAD_REQUEST,
    VALIDATION_CODE,
    INVALID_INPUT_MESSAGE,
    note="`errors` lists the messages of each field. When one field alone fails, `code` may be that field's own code.",
)
# No credentials at all; see `apps.accounts.errors.AUTHENTICATION_ERRORS` for the full 401 answer.
NOT_AUTHENTICATED = DocumentedError.from_drf(drf_exceptions.NotAuthenticated)
PERMISSION_DENIED = DocumentedError.from_drf(drf_exceptions.PermissionDenied)

ErrorLike = type[AppError] | DocumentedError | Iterable["ErrorLike"]

_RATE_LIMITED_NOTE = "The `Retry-After` header and `retry_after` give the seconds to wait."


def _flatten(errors: Iterable[ErrorLike]) -> list[type[AppError] | DocumentedError]:
    flat = []
    for error in errors:
        if isinstance(error, DocumentedError) or (isinstance(error, type) and issubclass(error, AppError)):
            flat.append(error)
        elif isinstance(error, Iterable) and not isinstance(error, str):
            flat.extend(_flatten(error))
        else:
            raise TypeError(f"Not an AppError subclass or a DocumentedError: {error!r}")
    return flat


def _describe(errors: tuple[type[AppError] | DocumentedError, ...], note: str) -> str:
    """The Markdown list of codes and messages, in English whatever the request's language."""
    with translation.override("en"):
        lines = []
        for error in errors:
            line = f"- `{error.code}`: {error.message}"
            if isinstance(error, DocumentedError) and error.note:
                line += f" {error.note}"
            if line not in lines:
                lines.append(line)
    return "\n".join(lines) + (f"\n\n{note}" if note else "")


# Rendered when the schema is generated, not at import: translations are not ready then.
_lazy_description = lazy(_describe, str)


def error_responses(
    *errors: ErrorLike, notes: Mapping[int, str] | None = None, bodies: Mapping[int, type] | None = None
) -> dict[int, OpenApiResponse]:
    """`{status: OpenApiResponse(...)}` for the given errors; see the module's docstring."""
    notes = notes or {}
    bodies = bodies or {}
    by_status: dict[int, list] = {}
    for error in _flatten(errors):
        by_status.setdefault(int(error.status_code), []).append(error)
    if unknown := set(notes) - set(by_status):
        raise ValueError(f"Notes for statuses without errors: {sorted(unknown)}")
    if unknown := set(bodies) - set(by_status):
        raise ValueError(f"Bodies for statuses without errors: {sorted(unknown)}")

    responses = {}
    for status_code in sorted(by_status):
        note = notes.get(status_code, "")
        serializer = bodies.get(status_code, ErrorSerializer)
        if status_code == status.HTTP_429_TOO_MANY_REQUESTS:
            serializer = RateLimitedErrorSerializer
            note = f"{_RATE_LIMITED_NOTE} {note}".strip()
        description = _lazy_description(tuple(by_status[status_code]), note)
        responses[status_code] = OpenApiResponse(serializer, description=description)
    return responses
