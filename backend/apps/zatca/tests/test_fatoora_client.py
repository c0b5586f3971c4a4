"""The `fatoora` client against ZATCA's documented shapes (zatca.md §5), mocked with `responses`."""

import base64
import json

import pytest
import requests
import responses

from apps.zatca.providers import Credentials, FatooraProvider, ZatcaHttpError, ZatcaUnreachable

BASE = "https://gw-fatoora.zatca.gov.sa/e-invoicing/developer-portal"
CREDENTIALS = Credentials(token="VE9LRU4=", secret="c2VjcmV0")
ISSUED = {"requestID": 1234567890123, "dispositionMessage": "ISSUED", "binarySecurityToken": "VE9LRU4=", "secret": "s3"}


def _results(status, errors=(), warnings=()):
    return {
        "validationResults": {
            "infoMessages": [],
            "warningMessages": list(warnings),
            "errorMessages": list(errors),
            "status": status,
        },
        "reportingStatus": "REPORTED" if status != "ERROR" else "NOT_REPORTED",
    }


def _client():
    return FatooraProvider(base_url=BASE, timeout=3)


@responses.activate
def test_compliance_sends_the_csr_and_otp_with_version_2():
    responses.post(f"{BASE}/compliance", json=ISSUED)

    csid = _client().compliance_csid(csr="Q1NS", otp="123345")

    call = responses.calls[0].request
    assert (call.headers["OTP"], call.headers["Accept-Version"]) == ("123345", "V2")
    assert json.loads(call.body) == {"csr": "Q1NS"}
    assert (csid.request_id, csid.token, csid.secret) == ("1234567890123", "VE9LRU4=", "s3")


@responses.activate
def test_production_csid_authenticates_with_the_compliance_certificate():
    responses.post(f"{BASE}/production/csids", json=ISSUED)

    _client().production_csid(credentials=CREDENTIALS, compliance_request_id="42")

    call = responses.calls[0].request
    assert call.headers["Authorization"] == "Basic " + base64.b64encode(b"VE9LRU4=:c2VjcmV0").decode()
    assert json.loads(call.body) == {"compliance_request_id": "42"}


@responses.activate
def test_renewal_patches_with_a_new_otp_and_csr():
    responses.patch(f"{BASE}/production/csids", json=ISSUED)

    _client().renew_production_csid(credentials=CREDENTIALS, csr="Q1NS", otp="654321")

    assert responses.calls[0].request.headers["OTP"] == "654321"


@responses.activate
def test_a_refused_otp_is_an_http_error_with_zatcas_message():
    responses.post(
        f"{BASE}/compliance", status=400, json={"errorCategory": "Invalid-Request", "message": "Invalid OTP"}
    )

    with pytest.raises(ZatcaHttpError) as raised:
        _client().compliance_csid(csr="Q1NS", otp="000000")

    assert (raised.value.http_status, raised.value.message) == (400, "Invalid OTP")


@responses.activate
def test_a_timeout_during_onboarding_is_unreachable():
    responses.post(f"{BASE}/compliance", body=requests.Timeout())

    with pytest.raises(ZatcaUnreachable):
        _client().compliance_csid(csr="Q1NS", otp="123345")


@responses.activate
def test_a_compliance_check_with_errors_is_an_http_error():
    error = {"type": "ERROR", "code": "BR-KSA-37", "category": "KSA", "message": "bad VAT", "status": "ERROR"}
    responses.post(f"{BASE}/compliance/invoices", status=400, json=_results("ERROR", errors=[error]))

    with pytest.raises(ZatcaHttpError) as raised:
        _client().compliance_check(credentials=CREDENTIALS, invoice_hash="h", uuid="u", xml=b"<x/>")

    assert raised.value.message == "BR-KSA-37: bad VAT"


@responses.activate
@pytest.mark.parametrize(
    ("status", "body", "errors", "warnings"),
    [
        (200, _results("PASS"), 0, 0),
        (202, _results("WARNING", warnings=[{"code": "BR-KSA-98", "category": "KSA", "message": "late"}]), 0, 1),
        (400, _results("ERROR", errors=[{"code": "BR-KSA-37", "category": "KSA", "message": "bad"}]), 1, 0),
        (401, {}, 0, 0),
        (409, _results("WARNING"), 0, 0),
        (429, {"message": "Too many requests"}, 0, 0),
        (500, {"message": "Internal error"}, 0, 0),
        (503, "Service unavailable", 0, 0),
    ],
)
def test_reporting_answers_every_status_as_a_submission(status, body, errors, warnings):
    if isinstance(body, str):
        responses.post(f"{BASE}/invoices/reporting/single", status=status, body=body)
    else:
        responses.post(f"{BASE}/invoices/reporting/single", status=status, json=body)

    answer = _client().report(credentials=CREDENTIALS, invoice_hash="aGFzaA==", uuid="u-1", xml=b"<Invoice/>")

    call = responses.calls[0].request
    assert call.headers["Clearance-Status"] == "0"
    assert json.loads(call.body) == {"invoiceHash": "aGFzaA==", "uuid": "u-1", "invoice": "PEludm9pY2UvPg=="}
    assert (answer.http_status, len(answer.errors), len(answer.warnings)) == (status, errors, warnings)


@responses.activate
def test_a_reporting_timeout_is_a_submission_without_a_status():
    responses.post(f"{BASE}/invoices/reporting/single", body=requests.ConnectionError())

    answer = _client().report(credentials=CREDENTIALS, invoice_hash="h", uuid="u", xml=b"<x/>")

    assert answer.http_status is None
