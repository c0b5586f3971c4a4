"""An offline stand-in for ZATCA's API (development, tests, the demo): it answers the documented shapes
of zatca.md §5 through the same parsing as the real client, issues certificates for the unit's CSR from
the local test CA (`testing_ca`), accepts any six-digit one-time password, and checks the hash and the
signature of every document it is sent. Credentials need no memory: a secret is an HMAC of its token.

Tests make it answer an error with `FakeZatca.script("reporting", 429)` (endpoints: `compliance`,
`compliance_invoices`, `production`, `renew`, `reporting`; statuses 303, 400, 401, 409, 429, 5xx or
`"timeout"`); `FakeZatca.reset()` forgets scripts and what was reported."""

import base64
import hashlib
import hmac
import re
import secrets
from collections import defaultdict
from datetime import timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from django.conf import settings
from django.utils import timezone

from ..csr import certificate_from_token
from ..hashing import invoice_hash as hash_of
from ..testing_ca import CA_NAME, binary_security_token, ca_key, sign_csr
from ..verify import verify_document
from .base import ZatcaUnreachable
from .fatoora import FatooraProvider

ENDPOINTS = {
    ("POST", "/compliance"): "compliance",
    ("POST", "/compliance/invoices"): "compliance_invoices",
    ("POST", "/production/csids"): "production",
    ("PATCH", "/production/csids"): "renew",
    ("POST", "/invoices/reporting/single"): "reporting",
}
CERTIFICATE_DAYS = 365


def _secret_for(token: str) -> str:
    return base64.b64encode(hmac.new(settings.SECRET_KEY.encode(), token.encode(), hashlib.sha256).digest()).decode()


def _results(status: str, *, errors=(), warnings=()) -> dict:
    return {
        "validationResults": {
            "infoMessages": [
                {
                    "type": "INFO",
                    "code": "XSD_ZATCA_VALID",
                    "category": "XSD validation",
                    "message": "Complied with UBL 2.1 standards in line with ZATCA specifications",
                    "status": "PASS",
                }
            ],
            "warningMessages": list(warnings),
            "errorMessages": list(errors),
            "status": status,
        }
    }


def _error(code: str, message: str) -> dict:
    return {"type": "ERROR", "code": code, "category": "INVOICE_ERRORS", "message": message, "status": "ERROR"}


class FakeZatca(FatooraProvider):
    name = "fake"
    _scripts: dict[str, list] = defaultdict(list)
    _reported: set[str] = set()

    def __init__(self, **kwargs):
        super().__init__(base_url="fake://zatca", timeout=1, session=object())

    @classmethod
    def script(cls, endpoint: str, *answers) -> None:
        cls._scripts[endpoint].extend(answers)

    @classmethod
    def reset(cls) -> None:
        cls._scripts.clear()
        cls._reported.clear()

    def _call(self, method, path, *, json, credentials=None, headers=None):
        endpoint = ENDPOINTS[(method, path)]
        if self._scripts.get(endpoint):
            scripted = self._scripts[endpoint].pop(0)
            if scripted == "timeout":
                raise ZatcaUnreachable("ZATCA did not answer")
            return scripted, _scripted_body(scripted)
        headers = headers or {}
        if endpoint in ("compliance", "renew") and not re.fullmatch(r"\d{6}", headers.get("OTP", "")):
            return 400, {"errorCategory": "Invalid-Request", "errorCode": "Invalid-OTP", "message": "Invalid OTP"}
        if endpoint != "compliance" and not _authenticated(credentials):
            return 401, {}
        if endpoint in ("compliance", "renew"):
            return 200, self._issue_for_csr(json.get("csr", ""))
        if endpoint == "production":
            return 200, self._issue_production(credentials.token)
        return self._check_document(json, reporting=endpoint == "reporting")

    def _issue(self, certificate: x509.Certificate) -> dict:
        token = binary_security_token(certificate)
        return {
            "requestID": str(certificate.serial_number % 10**12),
            "dispositionMessage": "ISSUED",
            "binarySecurityToken": token,
            "secret": _secret_for(token),
            "errors": None,
        }

    def _issue_for_csr(self, csr_b64: str) -> dict:
        try:
            csr = x509.load_pem_x509_csr(base64.b64decode(csr_b64))
        except ValueError:
            return {"errors": [{"code": "Invalid-CSR", "message": "The CSR could not be read"}]}
        return self._issue(
            sign_csr(csr, serial=secrets.randbits(120), not_before=timezone.now(), days=CERTIFICATE_DAYS)
        )

    def _issue_production(self, compliance_token: str) -> dict:
        return self._issue(_reissue(certificate_from_token(compliance_token)))

    def _check_document(self, body: dict, *, reporting: bool):
        try:
            xml = base64.b64decode(body.get("invoice", ""), validate=True)
        except ValueError:
            return 400, _results("ERROR", errors=[_error("invalid-invoice", "The invoice is not Base64")])
        problems = verify_document(xml)
        if hash_of(xml) != body.get("invoiceHash"):
            problems.append("invoiceHash_mismatch")
        if body.get("uuid", "") not in xml.decode("utf-8", "replace"):
            problems.append("uuid_mismatch")
        if problems:
            errors = [_error(problem, f"The document failed the check: {problem}") for problem in problems]
            return 400, {**_results("ERROR", errors=errors), "reportingStatus": "NOT_REPORTED"}
        if reporting:
            if body["invoiceHash"] in self._reported:
                return 409, {**_results("WARNING"), "reportingStatus": "REPORTED"}
            self._reported.add(body["invoiceHash"])
            return 200, {**_results("PASS"), "reportingStatus": "REPORTED"}
        return 200, {**_results("PASS"), "reportingStatus": "REPORTED", "clearanceStatus": None}


def _authenticated(credentials) -> bool:
    return credentials is not None and hmac.compare_digest(credentials.secret, _secret_for(credentials.token))


def _reissue(compliance: x509.Certificate) -> x509.Certificate:
    """A production certificate for the compliance certificate's subject and key."""
    now = timezone.now()
    builder = (
        x509.CertificateBuilder()
        .subject_name(compliance.subject)
        .issuer_name(CA_NAME)
        .public_key(compliance.public_key())
        .serial_number(secrets.randbits(120))
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=CERTIFICATE_DAYS))
    )
    for extension in compliance.extensions:
        builder = builder.add_extension(extension.value, critical=extension.critical)
    return builder.sign(ca_key(), hashes.SHA256())


def _scripted_body(status: int) -> dict:
    if status == 400:
        return {
            **_results("ERROR", errors=[_error("BR-KSA-37", "The seller's VAT number is invalid")]),
            "reportingStatus": "NOT_REPORTED",
        }
    if status == 202:
        warning = {
            "type": "WARNING",
            "code": "BR-KSA-98",
            "category": "KSA",
            "status": "WARNING",
            "message": "The simplified invoice should be submitted within 24 hours of issuing it.",
        }
        return {**_results("WARNING", warnings=[warning]), "reportingStatus": "REPORTED"}
    if status == 409:
        return {**_results("WARNING"), "reportingStatus": "REPORTED"}
    if status == 401:
        return {}
    return {"message": f"HTTP {status}"}
