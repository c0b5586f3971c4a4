"""The signing and reporting interfaces for `invoicing`, against the fake ZATCA: every row of the
reporting table."""

import uuid

import pytest

from apps.zatca.errors import UnitNotActive
from apps.zatca.hashing import INITIAL_PREVIOUS_HASH
from apps.zatca.models import EgsUnit, UnitState
from apps.zatca.providers import FakeZatca
from apps.zatca.reporting import OutcomeKind, report
from apps.zatca.stamping import stamp
from apps.zatca.verify import verify_document

from .samples import SELLER, invoice

pytestmark = pytest.mark.django_db


def _stamped(unit, **changes):
    return stamp(unit=unit, document=invoice(uuid=uuid.uuid4(), seller=SELLER, **changes))


def test_a_stamped_document_is_signed_by_the_units_certificate(active_unit):
    stamped = _stamped(active_unit)

    assert verify_document(stamped.xml, previous_hash=INITIAL_PREVIOUS_HASH) == []


def test_a_unit_that_is_not_active_cannot_stamp(salon):
    unit = EgsUnit.objects.create(salon=salon)

    with pytest.raises(UnitNotActive):
        _stamped(unit)


def test_a_sound_document_is_reported(active_unit):
    outcome = report(unit=active_unit, stamped=_stamped(active_unit))

    assert (outcome.kind, outcome.http_status, outcome.errors, outcome.is_final) == (
        OutcomeKind.REPORTED,
        200,
        (),
        True,
    )


def test_reported_with_warnings_keeps_them(active_unit):
    FakeZatca.script("reporting", 202)

    outcome = report(unit=active_unit, stamped=_stamped(active_unit))

    assert (outcome.kind, outcome.http_status) == (OutcomeKind.REPORTED, 202)
    assert [warning["code"] for warning in outcome.warnings] == ["BR-KSA-98"]


def test_sending_the_same_document_twice_is_already_reported(active_unit):
    stamped = _stamped(active_unit)
    report(unit=active_unit, stamped=stamped)

    outcome = report(unit=active_unit, stamped=stamped)

    assert (outcome.kind, outcome.http_status, outcome.is_final) == (OutcomeKind.ALREADY_REPORTED, 409, True)


def test_a_tampered_document_is_rejected_with_zatcas_errors(active_unit):
    stamped = _stamped(active_unit)
    tampered = type(stamped)(**{**stamped.__dict__, "xml": stamped.xml.replace(b">191.66<", b">181.66<")})

    outcome = report(unit=active_unit, stamped=tampered)

    assert (outcome.kind, outcome.http_status, outcome.is_final) == (OutcomeKind.REJECTED, 400, True)
    assert "hash_mismatch" in [error["code"] for error in outcome.errors]


def test_refused_credentials_fail_the_unit(active_unit):
    FakeZatca.script("reporting", 401)

    outcome = report(unit=active_unit, stamped=_stamped(active_unit))

    assert (outcome.kind, outcome.is_final) == (OutcomeKind.UNAUTHORIZED, False)
    unit = EgsUnit.objects.get(pk=active_unit.pk)
    assert (unit.state, unit.last_http_status) == (UnitState.FAILED, 401)


@pytest.mark.parametrize("answer", [429, 500, 503, "timeout"])
def test_not_received_is_retried_later_with_the_identical_xml(active_unit, answer):
    stamped = _stamped(active_unit)
    FakeZatca.script("reporting", answer)

    first = report(unit=active_unit, stamped=stamped)
    second = report(unit=active_unit, stamped=stamped)

    assert (first.kind, first.is_final) == (OutcomeKind.RETRY, False)
    assert first.http_status == (None if answer == "timeout" else answer)
    assert second.kind == OutcomeKind.REPORTED
