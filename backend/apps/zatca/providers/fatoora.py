"""ZATCA's Fatoora API (zatca.md §5): JSON over HTTPS, `Accept-Version: V2`, HTTP Basic with the
unit's `binarySecurityToken` and `secret`, a timeout on every call. Secrets and one-time passwords are
never logged; a failure is logged with its endpoint and status only."""

import base64
import logging

import requests
from django.conf import settings

from .base import Credentials, Csid, Submission, ZatcaHttpError, ZatcaUnreachable, messages, submission_from_body

logger = logging.getLogger(__name__)

RETRY_LATER = {429, 500, 502, 503, 504}


class FatooraProvider:
    name = "fatoora"

    def __init__(self, *, base_url: str | None = None, timeout: float | None = None, session=None):
        self.base_url = (base_url or settings.ZATCA_BASE_URL).rstrip("/")
        self.timeout = timeout or settings.ZATCA_TIMEOUT_SECONDS
        self.session = session or requests.Session()

    def _call(self, method: str, path: str, *, json: dict, credentials: Credentials | None = None, headers=None):
        all_headers = {"Accept": "application/json", "Accept-Version": "V2", "Accept-Language": "en", **(headers or {})}
        auth = (credentials.token, credentials.secret) if credentials else None
        try:
            response = self.session.request(
                method, f"{self.base_url}{path}", json=json, headers=all_headers, auth=auth, timeout=self.timeout
            )
        except requests.RequestException as error:
            logger.warning("zatca %s %s: no answer (%s)", method, path, type(error).__name__)
            raise ZatcaUnreachable("ZATCA did not answer") from error
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code >= 400:
            logger.warning("zatca %s %s: HTTP %s", method, path, response.status_code)
        return response.status_code, body

    def _csid(self, status: int, body) -> Csid:
        if status in RETRY_LATER:
            raise ZatcaUnreachable(f"ZATCA answered {status}", http_status=status)
        if status != 200 or not isinstance(body, dict) or not body.get("binarySecurityToken"):
            raise ZatcaHttpError(_error_text(body, status), http_status=status, errors=_errors(body))
        return Csid(
            request_id=str(body.get("requestID", "")),
            token=str(body["binarySecurityToken"]),
            secret=str(body.get("secret", "")),
            disposition=str(body.get("dispositionMessage", "")),
        )

    def compliance_csid(self, *, csr: str, otp: str) -> Csid:
        return self._csid(*self._call("POST", "/compliance", json={"csr": csr}, headers={"OTP": otp}))

    def production_csid(self, *, credentials: Credentials, compliance_request_id: str) -> Csid:
        body = {"compliance_request_id": compliance_request_id}
        return self._csid(*self._call("POST", "/production/csids", json=body, credentials=credentials))

    def renew_production_csid(self, *, credentials: Credentials, csr: str, otp: str) -> Csid:
        answer = self._call(
            "PATCH", "/production/csids", json={"csr": csr}, credentials=credentials, headers={"OTP": otp}
        )
        return self._csid(*answer)

    def compliance_check(self, *, credentials: Credentials, invoice_hash: str, uuid: str, xml: bytes) -> Submission:
        status, body = self._call(
            "POST", "/compliance/invoices", json=_document(invoice_hash, uuid, xml), credentials=credentials
        )
        if status in RETRY_LATER:
            raise ZatcaUnreachable(f"ZATCA answered {status}", http_status=status)
        if status not in (200, 202):
            raise ZatcaHttpError(_error_text(body, status), http_status=status, errors=_errors(body))
        return submission_from_body(status, body)

    def report(self, *, credentials: Credentials, invoice_hash: str, uuid: str, xml: bytes) -> Submission:
        try:
            status, body = self._call(
                "POST",
                "/invoices/reporting/single",
                json=_document(invoice_hash, uuid, xml),
                credentials=credentials,
                headers={"Clearance-Status": "0"},
            )
        except ZatcaUnreachable:
            return Submission(http_status=None, detail="no answer")
        return submission_from_body(status, body)


def _document(invoice_hash: str, uuid: str, xml: bytes) -> dict:
    return {"invoiceHash": invoice_hash, "uuid": uuid, "invoice": base64.b64encode(xml).decode("ascii")}


def _errors(body):
    if not isinstance(body, dict):
        return ()
    results = body.get("validationResults")
    found = messages(results.get("errorMessages")) if isinstance(results, dict) else ()
    return found or messages(body.get("errors"))


def _error_text(body, status: int) -> str:
    """ZATCA's own words where it gave some (`message`, `errors[].message`, `dispositionMessage`)."""
    if isinstance(body, dict):
        texts = [str(body[key]) for key in ("message", "dispositionMessage") if body.get(key)]
        texts += [f"{item.code}: {item.message}" if item.code else item.message for item in _errors(body)]
        if texts:
            return "; ".join(texts)[:1000]
    return f"HTTP {status}"
