"""Writes of the ZATCA app: onboarding a unit and renewing its certificate (zatca.md §4).

Calls to ZATCA are made outside any transaction; each step's outcome is recorded in a short one. A
failure is logged, recorded on the unit (state `failed`, ZATCA's message and status) and raised as an
`AppError`: never swallowed."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.salons.models import Salon

from .compliance import compliance_samples
from .credentials import production_credentials
from .crypto import fernet, seal
from .csr import CsrDetails, build_csr, certificate_from_token, csr_for_api, generate_private_key, private_key_pem
from .document import Seller
from .errors import (
    OnboardingFailed,
    OnboardingInProgress,
    OtpRefused,
    UnitAlreadyActive,
    UnitNotActive,
    ZatcaUnavailable,
)
from .legal import platform_seller, salon_seller
from .models import SIGNING_STATES, EgsUnit, UnitState
from .providers import Csid, ZatcaError, ZatcaHttpError, ZatcaUnreachable, get_provider
from .signing import sign_document

logger = logging.getLogger(__name__)
# An onboarding that started less than this long ago is still running (a second one waits its turn).
ONBOARDING_GRACE = timedelta(minutes=2)


def _environment() -> str:
    url = settings.ZATCA_BASE_URL
    return "sandbox" if "developer-portal" in url else "simulation" if "simulation" in url else "production"


def _seller(salon_id: int | None) -> tuple[Seller, str]:
    if salon_id is None:
        return platform_seller(), "Platform"
    salon = Salon.objects.get(pk=salon_id)
    return salon_seller(salon), salon.name_en or salon.name_ar


def _csr_details(unit: EgsUnit, seller: Seller, branch: str) -> CsrDetails:
    address = f"{seller.building_number} {seller.street}, {seller.district}, {seller.city} {seller.postal_code}"
    return CsrDetails(
        unit_name=f"EGS-{unit.salon_id or 'P'}-{unit.serial.hex[:8]}",
        legal_name=seller.legal_name[:64],
        branch=branch[:64] or "Main",
        vat_number=seller.vat_number,
        unit_serial=str(unit.serial),
        registered_address=address[:128],
        business_category="Beauty salon",
        environment=_environment(),
    )


def _claim(*, salon_id: int | None, renewing: bool) -> EgsUnit:
    """Lock the unit (created if new) and mark the onboarding started; refuse what its state forbids."""
    with transaction.atomic():
        unit, _ = EgsUnit.objects.get_or_create(salon_id=salon_id)
        unit = EgsUnit.objects.select_for_update().get(pk=unit.pk)
        if renewing and unit.state not in SIGNING_STATES:
            raise UnitNotActive()
        if not renewing and unit.state in SIGNING_STATES:
            raise UnitAlreadyActive()
        busy = unit.state == UnitState.COMPLIANCE and unit.updated_at > timezone.now() - ONBOARDING_GRACE
        if not renewing and busy:
            raise OnboardingInProgress()
        if not renewing:
            unit.state = UnitState.COMPLIANCE
            unit.save(update_fields=["state", "updated_at"])
    return unit


def _record_failure(unit: EgsUnit, error: ZatcaError, *, keep_state: bool = False) -> None:
    logger.warning("zatca unit %s: %s (HTTP %s)", unit.pk, type(error).__name__, error.http_status)
    fields = {"last_message": error.message[:2000], "last_http_status": error.http_status, "updated_at": timezone.now()}
    if not keep_state or error.http_status == 401:
        fields["state"] = UnitState.FAILED
    EgsUnit.objects.filter(pk=unit.pk).update(**fields)


def _raise_for(error: ZatcaError, *, otp_step: bool):
    if isinstance(error, ZatcaUnreachable):
        raise ZatcaUnavailable() from error
    if otp_step and error.http_status in (400, 401):
        raise OtpRefused(extra={"zatca_message": error.message}) from error
    raise OnboardingFailed(extra={"zatca_message": error.message}) from error


def _run_compliance_checks(*, unit: EgsUnit, seller: Seller, key, compliance: Csid) -> None:
    provider, certificate = get_provider(), certificate_from_token(compliance.token)
    previous = None
    for sample in compliance_samples(seller=seller, now=timezone.now(), prefix=f"EGS{unit.pk}"):
        if previous is not None:
            sample = type(sample)(**{**sample.__dict__, "previous_hash": previous})
        stamped = sign_document(sample, private_key=key, certificate=certificate)
        answer = provider.compliance_check(
            credentials=compliance.credentials,
            invoice_hash=stamped.invoice_hash,
            uuid=str(sample.uuid),
            xml=stamped.xml,
        )
        if answer.errors or answer.status == "ERROR":
            text = "; ".join(f"{item.code}: {item.message}" for item in answer.errors) or answer.status
            raise ZatcaHttpError(text, http_status=answer.http_status, errors=answer.errors)
        previous = stamped.invoice_hash


def _activate(unit: EgsUnit, *, key_pem: str, production: Csid, actor, action: str) -> EgsUnit:
    certificate = certificate_from_token(production.token)
    with transaction.atomic():
        locked = EgsUnit.objects.select_for_update().get(pk=unit.pk)
        before = {"state": locked.state, "certificate_serial": locked.certificate_serial}
        locked.private_key_sealed = seal(key_pem)
        locked.production_token_sealed = seal(production.token)
        locked.production_secret_sealed = seal(production.secret)
        locked.certificate_serial = str(certificate.serial_number)
        locked.certificate_expires_at = certificate.not_valid_after_utc
        locked.state = UnitState.ACTIVE
        locked.last_message = production.disposition
        locked.last_http_status = 200
        locked.onboarded_at = timezone.now()
        locked.save()
        audit_record(
            actor=actor,
            salon_id=locked.salon_id,
            obj=locked,
            action=action,
            before=before,
            after={"state": locked.state, "certificate_serial": locked.certificate_serial},
        )
    return locked


def unit_onboard(*, salon_id: int | None, otp: str, actor=None) -> EgsUnit:
    """Onboard the salon's unit (None: the platform's): key and CSR, compliance certificate with the
    one-time password, the three compliance checks, production certificate. Returns the active unit."""
    seller, branch = _seller(salon_id)
    fernet()  # refuse early without a key encryption key
    unit = _claim(salon_id=salon_id, renewing=False)
    key = generate_private_key()
    key_pem = private_key_pem(key)
    provider = get_provider()
    otp_step = True
    try:
        compliance = provider.compliance_csid(
            csr=csr_for_api(build_csr(_csr_details(unit, seller, branch), key)), otp=otp
        )
        otp_step = False
        EgsUnit.objects.filter(pk=unit.pk).update(
            private_key_sealed=seal(key_pem),
            compliance_request_id=compliance.request_id,
            compliance_token_sealed=seal(compliance.token),
            compliance_secret_sealed=seal(compliance.secret),
            updated_at=timezone.now(),
        )
        _run_compliance_checks(unit=unit, seller=seller, key=key, compliance=compliance)
        production = provider.production_csid(
            credentials=compliance.credentials, compliance_request_id=compliance.request_id
        )
    except ZatcaError as error:
        _record_failure(unit, error)
        _raise_for(error, otp_step=otp_step)
    return _activate(unit, key_pem=key_pem, production=production, actor=actor, action=AuditAction.CREATED)


def unit_renew(*, salon_id: int | None, otp: str, actor=None) -> EgsUnit:
    """A new key and production certificate for an active (or expiring) unit, with a new one-time
    password (`PATCH /production/csids`). A failure leaves the current certificate in use."""
    seller, branch = _seller(salon_id)
    fernet()
    unit = _claim(salon_id=salon_id, renewing=True)
    key = generate_private_key()
    try:
        production = get_provider().renew_production_csid(
            credentials=production_credentials(unit),
            csr=csr_for_api(build_csr(_csr_details(unit, seller, branch), key)),
            otp=otp,
        )
    except ZatcaError as error:
        _record_failure(unit, error, keep_state=True)
        _raise_for(error, otp_step=error.http_status == 400)
    unit = _activate(
        unit, key_pem=private_key_pem(key), production=production, actor=actor, action=AuditAction.REPLACED
    )
    EgsUnit.objects.filter(pk=unit.pk).update(expiry_notice_sent_for=None)
    unit.expiry_notice_sent_for = None
    return unit


def unit_onboard_or_renew(*, salon_id: int | None, otp: str, actor=None) -> EgsUnit:
    """What the back office's one button does: renew an active or expiring unit, onboard any other."""
    unit = EgsUnit.objects.filter(salon_id=salon_id).first()
    if unit is not None and unit.state in SIGNING_STATES:
        return unit_renew(salon_id=salon_id, otp=otp, actor=actor)
    return unit_onboard(salon_id=salon_id, otp=otp, actor=actor)
