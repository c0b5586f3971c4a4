"""What a ZATCA provider does (zatca.md §5), in the shapes both providers share.

Onboarding calls (`compliance_csid`, `compliance_check`, `production_csid`, `renew_production_csid`)
raise `ZatcaHttpError` for an answer that is not a success and `ZatcaUnreachable` when none came.
`report` never raises: every outcome, a timeout included (`http_status` None), is a `Submission` that
`reporting.report` turns into what to do."""

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Credentials:
    """HTTP Basic credentials: `binarySecurityToken` as received, and `secret`."""

    token: str
    secret: str = field(repr=False)


@dataclass(frozen=True)
class Csid:
    """An answer of `/compliance` or `/production/csids`."""

    request_id: str
    token: str
    secret: str = field(repr=False)
    disposition: str = "ISSUED"

    @property
    def credentials(self) -> Credentials:
        return Credentials(token=self.token, secret=self.secret)


@dataclass(frozen=True)
class Message:
    code: str
    category: str
    message: str
    type: str = ""
    status: str = ""


@dataclass(frozen=True)
class Submission:
    """An answer of `/compliance/invoices` or `/invoices/reporting/single`."""

    http_status: int | None
    status: str = ""  # PASS, WARNING, ERROR
    reporting_status: str = ""  # REPORTED, NOT_REPORTED
    warnings: tuple[Message, ...] = ()
    errors: tuple[Message, ...] = ()
    detail: str = ""


class ZatcaError(Exception):
    def __init__(self, message: str, *, http_status: int | None = None, errors: tuple[Message, ...] = ()):
        super().__init__(message)
        self.message = message
        self.http_status = http_status
        self.errors = errors


class ZatcaHttpError(ZatcaError):
    """ZATCA answered with an error status (the OTP refused, bad credentials, a failed check…)."""


class ZatcaUnreachable(ZatcaError):
    """No answer: a timeout, a connection error, or a 5xx/429 during onboarding."""


def messages(items) -> tuple[Message, ...]:
    """`validationResults.*Messages` (a list of objects) as `Message`s; anything else is ignored."""
    found = []
    for item in items or ():
        if isinstance(item, dict):
            found.append(
                Message(
                    code=str(item.get("code", "")),
                    category=str(item.get("category", "")),
                    message=str(item.get("message", "")),
                    type=str(item.get("type", "")),
                    status=str(item.get("status", "")),
                )
            )
    return tuple(found)


def submission_from_body(http_status: int | None, body) -> Submission:
    body = body if isinstance(body, dict) else {}
    results = body.get("validationResults") if isinstance(body.get("validationResults"), dict) else {}
    return Submission(
        http_status=http_status,
        status=str(results.get("status", "")),
        reporting_status=str(body.get("reportingStatus", "")),
        warnings=messages(results.get("warningMessages")),
        errors=messages(results.get("errorMessages")),
        detail=str(body.get("message", "") or body.get("detail", "")),
    )


class ZatcaProvider(Protocol):
    name: str

    def compliance_csid(self, *, csr: str, otp: str) -> Csid: ...

    def compliance_check(self, *, credentials: Credentials, invoice_hash: str, uuid: str, xml: bytes) -> Submission: ...

    def production_csid(self, *, credentials: Credentials, compliance_request_id: str) -> Csid: ...

    def renew_production_csid(self, *, credentials: Credentials, csr: str, otp: str) -> Csid: ...

    def report(self, *, credentials: Credentials, invoice_hash: str, uuid: str, xml: bytes) -> Submission: ...
